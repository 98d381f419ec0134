import { ArrowRight } from "lucide-react";
import type { RecommendationSectionProps } from "@/components/recommendations/section-props";
import { StatusBadge } from "@/components/recommendations/status-badge";
import { Card } from "@/components/ui/card";
import { ExternalLink } from "@/components/ui/external-link";
import { formatDateTime } from "@/lib/dates";
import { isJustificationPublic } from "@/lib/snapshots/rules";

/** Who changed the status, when, from → to, why and citing which evidence: a view over the event stream. */
export function StatusHistory({ rec }: Pick<RecommendationSectionProps, "rec">) {
  const statusChanges = rec.events.flatMap(({ event, ...row }) =>
    event.type === "recommendation.status_changed" ? [{ ...row, change: event.data }] : [],
  );
  return (
    <Card title="Status history" titleId="status-history-heading" titleVariant="label">
      {statusChanges.length === 0 ? (
        <p className="mt-2 text-sm text-zinc-500">The status has not changed yet.</p>
      ) : (
        <ol className="mt-3 space-y-3" aria-label="Status history">
          {statusChanges.toReversed().map(({ change: data, ...event }) => (
            <li key={event.id} className="text-sm" data-testid="status-change">
              <div className="flex flex-wrap items-center gap-1.5">
                {data.from ? <StatusBadge status={data.from} /> : null}
                <ArrowRight aria-label="to" className="size-3.5 text-zinc-400" />
                <StatusBadge status={data.to} />
                <span className="text-xs text-zinc-500">
                  {data.importedFrom ? "imported " : ""}by{" "}
                  <span className="font-medium text-zinc-800">{event.actor?.name ?? "Someone"}</span> ·{" "}
                  <time dateTime={event.createdAt.toISOString()}>{formatDateTime(event.createdAt)}</time>
                  {data.importedFrom ? ` · from ${data.importedFrom}` : ""}
                </span>
              </div>
              {data.importedFrom && (data.recordedBy || data.recordedAt || data.by) ? (
                <p className="mt-0.5 text-xs text-zinc-500">
                  The file records this change
                  {data.recordedBy || data.by ? ` by ${data.recordedBy ?? data.by}` : ""}
                  {data.recordedAt ? ` on ${data.recordedAt.slice(0, 10)}` : ""} (not verified).
                </p>
              ) : null}
              {data.justification ? (
                <p className="mt-1 border-l-2 border-zinc-200 pl-2 text-zinc-700">
                  {isJustificationPublic(data) ? (
                    <span className="mr-1.5 rounded bg-zinc-100 px-1.5 py-0.5 text-[11px] font-medium text-zinc-700 ring-1 ring-zinc-300">
                      Public
                    </span>
                  ) : null}
                  {data.justification}
                </p>
              ) : null}
              {data.evidence?.length ? (
                <p className="mt-1 text-xs text-zinc-500">
                  Cited:{" "}
                  {data.evidence.map((item, index) => (
                    <span key={item.id}>
                      {index > 0 ? ", " : ""}
                      <ExternalLink href={item.url} className="text-indigo-700 hover:underline">
                        {item.title}
                      </ExternalLink>
                    </span>
                  ))}
                </p>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
