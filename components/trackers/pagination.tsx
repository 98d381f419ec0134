import Link from "next/link";
import { ChevronLeft, ChevronRight } from "lucide-react";
import { cn } from "@/lib/cn";

/** Previous / next links that keep the rest of the query string. */
export function Pagination({
  page,
  pageCount,
  total,
  hrefFor,
  noun = "recommendations",
}: {
  page: number;
  pageCount: number;
  total: number;
  hrefFor: (page: number) => string;
  noun?: string;
}) {
  if (pageCount <= 1) return null;
  const linkClass =
    "inline-flex h-8 items-center gap-1 rounded-md px-2.5 text-sm ring-1 ring-zinc-300 bg-white hover:bg-zinc-50";
  return (
    <nav aria-label="Pagination" className="flex items-center justify-between gap-2 text-sm text-zinc-600">
      <span>
        Page {page} of {pageCount} · {total.toLocaleString("en")} {noun}
      </span>
      <span className="flex gap-2">
        {page > 1 ? (
          <Link href={hrefFor(page - 1)} className={linkClass} rel="prev">
            <ChevronLeft aria-hidden className="size-4" /> Previous
          </Link>
        ) : (
          <span className={cn(linkClass, "pointer-events-none opacity-40")} aria-disabled>
            <ChevronLeft aria-hidden className="size-4" /> Previous
          </span>
        )}
        {page < pageCount ? (
          <Link href={hrefFor(page + 1)} className={linkClass} rel="next">
            Next <ChevronRight aria-hidden className="size-4" />
          </Link>
        ) : (
          <span className={cn(linkClass, "pointer-events-none opacity-40")} aria-disabled>
            Next <ChevronRight aria-hidden className="size-4" />
          </span>
        )}
      </span>
    </nav>
  );
}
