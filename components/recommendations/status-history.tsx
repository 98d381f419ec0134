import type { ReactNode } from "react";
import { ArrowRight } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import type { RecommendationSectionProps } from "@/components/recommendations/section-props";
import { StatusBadge } from "@/components/recommendations/status-badge";
import { Card } from "@/components/ui/card";
import { ExternalLink } from "@/components/ui/external-link";
import { isJustificationPublic } from "@/lib/snapshots/rules";

const actorName = (chunks: ReactNode) => <span className="font-medium text-zinc-800">{chunks}</span>;

/** Who changed the status, when, from → to, why and citing which evidence: a view over the event stream. */
export function StatusHistory({ rec }: Pick<RecommendationSectionProps, "rec">) {
  const t = useTranslations("recommendation");
  const format = useFormatter();
  /** A day the imported file gave (free text): formatted when it reads as a date, else shown as written. */
  const fileDay = (value: string) => {
    const day = new Date(value.slice(0, 10));
    return Number.isNaN(day.getTime()) ? value.slice(0, 10) : format.dateTime(day, "day");
  };
  const statusChanges = rec.events.flatMap(({ event, ...row }) =>
    event.type === "recommendation.status_changed" ? [{ ...row, change: event.data }] : [],
  );
  return (
    <Card title={t("history.heading")} titleId="status-history-heading" titleVariant="label">
      {statusChanges.length === 0 ? (
        <p className="mt-2 text-sm text-zinc-500">{t("history.empty")}</p>
      ) : (
        <ol className="mt-3 space-y-3" aria-label={t("history.heading")}>
          {statusChanges.toReversed().map(({ change: data, ...event }) => {
            const name = event.actor?.name ?? t("someone");
            const recordedBy = data.recordedBy ?? data.by;
            return (
              <li key={event.id} className="text-sm" data-testid="status-change">
                <div className="flex flex-wrap items-center gap-1.5">
                  {data.from ? <StatusBadge status={data.from} /> : null}
                  <ArrowRight
                    aria-label={t("history.to")}
                    className="size-3.5 text-zinc-400 rtl:-scale-x-100"
                  />
                  <StatusBadge status={data.to} />
                  <span className="text-xs text-zinc-500">
                    {data.importedFrom
                      ? t.rich("history.importedBy", { name, b: actorName })
                      : t.rich("history.by", { name, b: actorName })}{" "}
                    ·{" "}
                    <time dateTime={event.createdAt.toISOString()}>
                      {format.dateTime(event.createdAt, "dateTime")}
                    </time>
                    {data.importedFrom ? ` · ${t("history.fromFile", { file: data.importedFrom })}` : ""}
                  </span>
                </div>
                {data.importedFrom && (recordedBy || data.recordedAt) ? (
                  <p className="mt-0.5 text-xs text-zinc-500">
                    {t("history.fileRecords", {
                      hasBy: recordedBy ? "yes" : "no",
                      by: recordedBy ?? "",
                      hasOn: data.recordedAt ? "yes" : "no",
                      on: data.recordedAt ? fileDay(data.recordedAt) : "",
                    })}
                  </p>
                ) : null}
                {data.justification ? (
                  <p className="mt-1 border-s-2 border-zinc-200 ps-2 text-zinc-700">
                    {isJustificationPublic(data) ? (
                      <span className="me-1.5 rounded bg-zinc-100 px-1.5 py-0.5 text-[11px] font-medium text-zinc-700 ring-1 ring-zinc-300">
                        {t("history.public")}
                      </span>
                    ) : null}
                    {data.justification}
                  </p>
                ) : null}
                {data.evidence?.length ? (
                  <p className="mt-1 text-xs text-zinc-500">
                    {t("history.cited")}{" "}
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
            );
          })}
        </ol>
      )}
    </Card>
  );
}
