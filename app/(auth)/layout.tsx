import Link from "next/link";
import { Logo } from "@/components/shell/logo";

export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return (
    <main className="flex min-h-dvh flex-col items-center bg-zinc-50 px-4 py-12 sm:justify-center">
      <Link href="/" className="mb-8" aria-label="Advocacy Tracker home">
        <Logo />
      </Link>
      <div className="w-full max-w-sm rounded-xl bg-white p-6 shadow-sm ring-1 ring-zinc-200 sm:p-8">
        {children}
      </div>
    </main>
  );
}
