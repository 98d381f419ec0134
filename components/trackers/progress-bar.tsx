import { useFormatter, useTranslations } from "next-intl";
import { STATUSES, statusMeta, type Progress } from "@/lib/status";

/**
 * A stacked bar of statuses, with an accessible summary. `isHighContrast` draws it in the chart colours
 * (3:1 against white, lib/status.ts) with white separators, as on the dashboard.
 */
export function ProgressBar({
  progress,
  className,
  isHighContrast = false,
}: {
  progress: Progress;
  className?: string;
  isHighContrast?: boolean;
}) {
  const t = useTranslations("tracker.progress");
  const ts = useTranslations("status");
  const format = useFormatter();
  const summary = STATUSES.filter((status) => progress.counts[status] > 0)
    .map((status) => t("statusCount", { count: progress.counts[status], status: ts(`${status}.label`) }))
    .join(", ");
  return (
    <div className={className}>
      <div
        role="img"
        aria-label={t("summary", {
          share: format.number(progress.achievedShare, "percent"),
          details: summary || t("none"),
        })}
        className="flex h-2 w-full overflow-hidden rounded-full bg-zinc-100"
      >
        {progress.total > 0
          ? STATUSES.map((status) =>
              progress.counts[status] > 0 ? (
                <span
                  key={status}
                  className={
                    isHighContrast ? "border-e border-white last:border-e-0" : statusMeta[status].bar
                  }
                  style={{
                    width: `${(progress.counts[status] / progress.total) * 100}%`,
                    ...(isHighContrast ? { background: statusMeta[status].chart } : {}),
                  }}
                />
              ) : null,
            )
          : null}
      </div>
    </div>
  );
}

export function ProgressLegend({ progress }: { progress: Progress }) {
  const ts = useTranslations("status");
  const format = useFormatter();
  return (
    <ul className="flex flex-wrap gap-x-3 gap-y-1 text-xs text-zinc-600">
      {STATUSES.filter((status) => progress.counts[status] > 0).map((status) => (
        <li key={status} className="inline-flex items-center gap-1.5" title={ts(`${status}.meaning`)}>
          <span aria-hidden className={`size-2 rounded-full ${statusMeta[status].dot}`} />
          {ts(`${status}.label`)}{" "}
          <span className="font-medium text-zinc-900 tabular-nums">
            {format.number(progress.counts[status])}
          </span>
        </li>
      ))}
    </ul>
  );
}
