import Link from "next/link";
import { buttonClass } from "@/components/ui/button";

export default function NotFound() {
  return (
    <main className="mx-auto flex min-h-[60dvh] max-w-md flex-col items-center justify-center px-4 text-center">
      <p className="text-sm font-semibold text-indigo-700">404</p>
      <h1 className="mt-2 text-xl font-semibold">Page not found</h1>
      <p className="mt-2 text-sm text-zinc-600">This page does not exist, or you do not have access to it.</p>
      <Link href="/" className={buttonClass("secondary", "md", "mt-6")}>
        Go to your workspaces
      </Link>
    </main>
  );
}
