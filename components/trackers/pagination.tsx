import Link from "next/link";
import { ChevronLeft, ChevronRight } from "lucide-react";
import { cn } from "@/lib/cn";

/**
 * Previous / next links that keep the rest of the query string. Numbered pages (`hrefFor`) or keyset pages
 * (`previousHref` / `nextHref`, null when there is none); with keyset pages the page number is approximate
 * and `isTotalCapped` says the total is a lower bound.
 */
export function Pagination({
  page,
  pageCount,
  total,
  hrefFor,
  previousHref,
  nextHref,
  isTotalCapped = false,
  noun = "recommendations",
}: {
  page: number;
  pageCount: number;
  total: number;
  hrefFor?: (page: number) => string;
  previousHref?: string | null;
  nextHref?: string | null;
  isTotalCapped?: boolean;
  noun?: string;
}) {
  const previous =
    previousHref !== undefined ? previousHref : page > 1 ? (hrefFor?.(page - 1) ?? null) : null;
  const next = nextHref !== undefined ? nextHref : page < pageCount ? (hrefFor?.(page + 1) ?? null) : null;
  if (!previous && !next) return null;
  const linkClass =
    "inline-flex h-8 items-center gap-1 rounded-md px-2.5 text-sm ring-1 ring-zinc-300 bg-white hover:bg-zinc-50";
  const shownPages = isTotalCapped ? `${pageCount}+` : String(Math.max(page, pageCount));
  const shownTotal = `${total.toLocaleString("en")}${isTotalCapped ? "+" : ""}`;
  return (
    <nav aria-label="Pagination" className="flex items-center justify-between gap-2 text-sm text-zinc-600">
      <span>
        Page {page} of {shownPages} · {shownTotal} {noun}
      </span>
      <span className="flex gap-2">
        {previous ? (
          <Link href={previous} className={linkClass} rel="prev">
            <ChevronLeft aria-hidden className="size-4" /> Previous
          </Link>
        ) : (
          <span className={cn(linkClass, "pointer-events-none opacity-40")} aria-disabled>
            <ChevronLeft aria-hidden className="size-4" /> Previous
          </span>
        )}
        {next ? (
          <Link href={next} className={linkClass} rel="next">
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
