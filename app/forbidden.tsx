import Link from "next/link";
import { buttonClass } from "@/components/ui/button";

export default function Forbidden() {
  return (
    <main className="mx-auto flex min-h-[60dvh] max-w-md flex-col items-center justify-center px-4 text-center">
      <p className="text-sm font-semibold text-amber-700">403</p>
      <h1 className="mt-2 text-xl font-semibold">Not allowed</h1>
      <p className="mt-2 text-sm text-zinc-600">
        Your role in this workspace does not allow this page. Ask an admin if you need access.
      </p>
      <Link href="/" className={buttonClass("secondary", "md", "mt-6")}>
        Go to your workspaces
      </Link>
    </main>
  );
}
