import type { RecommendationStatus } from "@/lib/generated/prisma/enums";
import { statusMeta } from "@/lib/status";

/**
 * The status badge of a list row, with its styling in CSS (app/globals.css `.pill`): the same look as
 * StatusBadge at a fraction of the bytes per row.
 */
export function StatusPill({ status }: { status: RecommendationStatus }) {
  const meta = statusMeta[status];
  return (
    <span title={meta.meaning} className={`pill ${meta.badge}`}>
      <span aria-hidden className={`pill-dot ${meta.dot}`} />
      {meta.label}
    </span>
  );
}
