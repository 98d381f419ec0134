import Link from "next/link";
import { Logo } from "@/components/shell/logo";
import { Card } from "@/components/ui/card";

export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return (
    <main className="flex min-h-dvh flex-col items-center bg-zinc-50 px-4 py-12 sm:justify-center">
      <Link href="/" className="mb-8" aria-label="Advocacy Tracker home">
        <Logo />
      </Link>
      <Card className="w-full max-w-sm p-6 sm:p-8">{children}</Card>
    </main>
  );
}
