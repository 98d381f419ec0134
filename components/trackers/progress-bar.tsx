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
  const summary = STATUSES.filter((status) => progress.counts[status] > 0)
    .map((status) => `${progress.counts[status]} ${statusMeta[status].label.toLowerCase()}`)
    .join(", ");
  return (
    <div className={className}>
      <div
        role="img"
        aria-label={`${Math.round(progress.achievedShare * 100)}% achieved. ${summary || "No recommendations yet"}.`}
        className="flex h-2 w-full overflow-hidden rounded-full bg-zinc-100"
      >
        {progress.total > 0
          ? STATUSES.map((status) =>
              progress.counts[status] > 0 ? (
                <span
                  key={status}
                  className={
                    isHighContrast ? "border-r border-white last:border-r-0" : statusMeta[status].bar
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
  return (
    <ul className="flex flex-wrap gap-x-3 gap-y-1 text-xs text-zinc-600">
      {STATUSES.filter((status) => progress.counts[status] > 0).map((status) => (
        <li key={status} className="inline-flex items-center gap-1.5" title={statusMeta[status].meaning}>
          <span aria-hidden className={`size-2 rounded-full ${statusMeta[status].dot}`} />
          {statusMeta[status].label}{" "}
          <span className="font-medium text-zinc-900 tabular-nums">{progress.counts[status]}</span>
        </li>
      ))}
    </ul>
  );
}
