import { ExternalLink as ExternalIcon } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { AddEvidenceButton, EvidenceItemControls } from "@/components/evidence/evidence-editor";
import type { RecommendationSectionProps } from "@/components/recommendations/section-props";
import { Card } from "@/components/ui/card";
import { ExternalLink } from "@/components/ui/external-link";
import { toIsoDay } from "@/lib/dates";
import { can } from "@/lib/permissions";
import type { RecommendationView } from "@/lib/recommendations/queries";

/** The evidence linked to a recommendation, newest first; editors add, edit and remove it. */
export function EvidenceSection({ workspaceSlug, rec, role }: RecommendationSectionProps) {
  const canManage = can(role, "evidence.manage");
  const t = useTranslations("evidence");
  return (
    <Card
      title={t("heading")}
      titleId="evidence-heading"
      titleVariant="label"
      actions={
        canManage ? <AddEvidenceButton workspaceSlug={workspaceSlug} recommendationId={rec.id} /> : null
      }
    >
      {rec.evidence.length === 0 ? (
        <p className="mt-2 text-sm text-zinc-500">{canManage ? t("emptyCanManage") : t("empty")}</p>
      ) : (
        <ul className="mt-2 divide-y divide-zinc-100" aria-label={t("heading")}>
          {rec.evidence.map((item) => (
            <li key={item.id} className="py-2.5">
              {canManage ? (
                <EvidenceItemControls
                  workspaceSlug={workspaceSlug}
                  values={{
                    id: item.id,
                    version: item.version,
                    url: item.url,
                    title: item.title,
                    sourceType: item.sourceType,
                    publishedAt: toIsoDay(item.publishedAt),
                    stance: item.stance,
                    quote: item.quote ?? "",
                    isPublic: item.isPublic,
                  }}
                >
                  <EvidenceBody item={item} />
                </EvidenceItemControls>
              ) : (
                <EvidenceBody item={item} />
              )}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

function EvidenceBody({ item }: { item: RecommendationView["evidence"][number] }) {
  const t = useTranslations("evidence");
  // i18n-keys: evidenceClient.sourceType.* evidenceClient.stance.*
  const tLabels = useTranslations("evidenceClient");
  const format = useFormatter();
  return (
    <>
      <ExternalLink
        href={item.url}
        className="inline-flex items-start gap-1.5 text-sm font-medium break-words text-indigo-700 hover:underline"
      >
        {item.title}
        <ExternalIcon aria-hidden className="mt-0.5 size-3.5 shrink-0" />
      </ExternalLink>
      <p className="mt-0.5 text-xs text-zinc-500">
        {tLabels(`sourceType.${item.sourceType}`)} · {tLabels(`stance.${item.stance}`)}
        {item.publishedAt ? ` · ${format.dateTime(item.publishedAt, "day")}` : ""} ·{" "}
        {t("addedBy", { name: item.addedBy.name })}
        {item.isPublic ? (
          <span className="ms-1.5 rounded bg-indigo-50 px-1.5 py-0.5 text-[11px] font-medium text-indigo-700 ring-1 ring-indigo-200">
            {t("public")}
          </span>
        ) : null}
      </p>
      {item.quote ? (
        <blockquote className="mt-1 border-s-2 border-zinc-200 ps-2 text-sm text-zinc-600 italic">
          {item.quote}
        </blockquote>
      ) : null}
    </>
  );
}
