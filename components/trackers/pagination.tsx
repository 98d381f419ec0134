import Link from "next/link";
import { ChevronLeft, ChevronRight } from "lucide-react";
import { useTranslations } from "next-intl";
import { cn } from "@/lib/cn";

/**
 * Previous / next links that keep the rest of the query string. Numbered pages (`hrefFor`) or keyset pages
 * (`previousHref` / `nextHref`, null when there is none); with keyset pages the page number is approximate
 * and `isTotalCapped` says the total is a lower bound. `noun` (already translated) replaces "recommendations".
 */
export function Pagination({
  page,
  pageCount,
  total,
  hrefFor,
  previousHref,
  nextHref,
  isTotalCapped = false,
  noun,
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
  const t = useTranslations("tracker.pagination");
  const previous =
    previousHref !== undefined ? previousHref : page > 1 ? (hrefFor?.(page - 1) ?? null) : null;
  const next = nextHref !== undefined ? nextHref : page < pageCount ? (hrefFor?.(page + 1) ?? null) : null;
  if (!previous && !next) return null;
  const linkClass =
    "inline-flex h-8 items-center gap-1 rounded-md px-2.5 text-sm ring-1 ring-zinc-300 bg-white hover:bg-zinc-50";
  const values = {
    page,
    pages: Math.max(page, pageCount),
    total,
    more: isTotalCapped ? "yes" : "no",
  };
  return (
    <nav aria-label={t("label")} className="flex items-center justify-between gap-2 text-sm text-zinc-600">
      <span>{noun ? t("summaryNoun", { ...values, noun }) : t("summary", values)}</span>
      <span className="flex gap-2">
        {previous ? (
          <Link href={previous} className={linkClass} rel="prev">
            <ChevronLeft aria-hidden className="size-4 rtl:-scale-x-100" /> {t("previous")}
          </Link>
        ) : (
          <span className={cn(linkClass, "pointer-events-none opacity-40")} aria-disabled>
            <ChevronLeft aria-hidden className="size-4 rtl:-scale-x-100" /> {t("previous")}
          </span>
        )}
        {next ? (
          <Link href={next} className={linkClass} rel="next">
            {t("next")} <ChevronRight aria-hidden className="size-4 rtl:-scale-x-100" />
          </Link>
        ) : (
          <span className={cn(linkClass, "pointer-events-none opacity-40")} aria-disabled>
            {t("next")} <ChevronRight aria-hidden className="size-4 rtl:-scale-x-100" />
          </span>
        )}
      </span>
    </nav>
  );
}
