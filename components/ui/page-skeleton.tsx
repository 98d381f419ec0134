import { useTranslations } from "next-intl";

/** The loading state of a page: the same outline as the page, so nothing jumps when it arrives. */
export function PageSkeleton({ rows = 6 }: { rows?: number }) {
  const t = useTranslations("common");
  return (
    <div
      aria-busy="true"
      aria-label={t("loading")}
      className="mx-auto max-w-6xl animate-pulse px-4 py-6 sm:px-6"
    >
      <div className="h-6 w-64 rounded bg-zinc-200" />
      <div className="mt-2 h-4 w-96 max-w-full rounded bg-zinc-200" />
      <div className="mt-8 space-y-3">
        {Array.from({ length: rows }, (_, index) => (
          <div key={index} className="h-12 rounded-lg bg-zinc-200/70" />
        ))}
      </div>
    </div>
  );
}

/** The loading state of every route segment (re-exported by each loading.tsx). */
export default function SegmentLoading() {
  return <PageSkeleton />;
}
