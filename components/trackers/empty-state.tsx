import type { ReactNode } from "react";

/** The dashed box shown where a list has nothing to show. */
export function EmptyState({ children }: { children: ReactNode }) {
  return (
    <p className="mt-6 rounded-xl border border-dashed border-zinc-300 bg-white p-8 text-center text-sm text-zinc-600">
      {children}
    </p>
  );
}
