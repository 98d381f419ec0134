import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { EditableField } from "@/components/recommendations/editable-field";
import { OwnersEditor } from "@/components/recommendations/owners-editor";
import { RecommendationAdmin } from "@/components/recommendations/recommendation-admin";
import { fieldPropsFor, type RecommendationSectionProps } from "@/components/recommendations/section-props";
import { Card } from "@/components/ui/card";
import { todayUtc, toIsoDay } from "@/lib/dates";
import { can } from "@/lib/permissions";
import { isRecommendationOverdue } from "@/lib/recommendations/rules";
import { routes } from "@/lib/routes";

const notSet = (text: string) => <p className="text-zinc-500">{text}</p>;

/** The sidebar: owners, every attribute editable in place, imported attributes, and archive/delete. */
export function DetailsPanel(props: RecommendationSectionProps) {
  const { workspaceSlug: slug, rec, role } = props;
  const fieldProps = fieldPropsFor(props);
  const isOverdue = isRecommendationOverdue(rec.dueDate, rec.status, todayUtc());
  const t = useTranslations("recommendation.fields");
  // i18n-keys: recommendation.priority.*
  const tPriority = useTranslations("recommendation.priority");
  const format = useFormatter();
  const lang = rec.tracker.language ?? undefined;
  return (
    <aside className="space-y-4">
      <Card className="space-y-4 text-sm">
        <OwnersEditor
          workspaceSlug={slug}
          recommendationId={rec.id}
          owners={rec.owners}
          members={rec.members}
          canEdit={can(role, "recommendation.assign")}
        />
        <EditableField
          {...fieldProps}
          field="targetActor"
          label={t("targetActor")}
          value={rec.targetActor ?? ""}
          control={{
            kind: "text",
            suggestions: rec.actorSuggestions,
            placeholder: t("targetActorPlaceholder"),
          }}
          display={rec.targetActor ? <p lang={lang}>{rec.targetActor}</p> : notSet(t("notSet"))}
        />
        <EditableField
          {...fieldProps}
          field="requiresLegislation"
          label={t("path")}
          value={rec.requiresLegislation === null ? "" : String(rec.requiresLegislation)}
          control={{
            kind: "select",
            options: [
              { value: "", label: t("notAssessed") },
              { value: "false", label: t("executiveAlone") },
              { value: "true", label: t("needsLegislation") },
            ],
          }}
          display={
            rec.requiresLegislation === null ? (
              notSet(t("notAssessed"))
            ) : (
              <p>{rec.requiresLegislation ? t("needsLegislation") : t("executiveAlone")}</p>
            )
          }
        />
        <EditableField
          {...fieldProps}
          field="priority"
          label={t("priority")}
          value={rec.priority ?? ""}
          control={{
            kind: "select",
            options: [
              { value: "", label: t("notSet") },
              ...(["HIGH", "MEDIUM", "LOW"] as const).map((p) => ({ value: p, label: tPriority(p) })),
            ],
          }}
          display={rec.priority ? <p>{tPriority(rec.priority)}</p> : notSet(t("notSet"))}
        />
        <EditableField
          {...fieldProps}
          field="dueDate"
          label={t("dueDate")}
          value={toIsoDay(rec.dueDate)}
          control={{ kind: "date" }}
          display={
            rec.dueDate ? (
              <p className={isOverdue ? "font-medium text-red-700" : undefined}>
                {isOverdue
                  ? t("overdue", { date: format.dateTime(rec.dueDate, "day") })
                  : format.dateTime(rec.dueDate, "day")}
              </p>
            ) : (
              notSet(t("noDueDate"))
            )
          }
        />
        <EditableField
          {...fieldProps}
          field="tags"
          label={t("tags")}
          value={rec.tags.join(", ")}
          control={{ kind: "text", placeholder: t("tagsPlaceholder") }}
          display={
            rec.tags.length === 0 ? (
              notSet(t("noTags"))
            ) : (
              <span className="flex flex-wrap gap-1" lang={lang}>
                {rec.tags.map((tag) => (
                  <Link
                    key={tag}
                    href={routes.tracker(slug, rec.tracker.id, new URLSearchParams({ tag }))}
                    className="rounded bg-zinc-100 px-1.5 py-0.5 text-xs text-zinc-700 hover:bg-zinc-200"
                  >
                    {tag}
                  </Link>
                ))}
              </span>
            )
          }
        />
        <EditableField
          {...fieldProps}
          field="sectionId"
          label={t("section")}
          value={rec.section.id}
          control={{ kind: "select", options: rec.sections.map((s) => ({ value: s.id, label: s.title })) }}
          display={<p lang={lang}>{rec.section.title}</p>}
        />
        {rec.referenceId ? (
          <div>
            <p className="text-xs font-medium text-zinc-500">{t("reference")}</p>
            <p>{rec.referenceId}</p>
          </div>
        ) : null}
        {Object.entries(rec.attributes).map(([key, value]) => (
          <div key={key} lang={lang}>
            <p className="text-xs font-medium text-zinc-500">{key}</p>
            <p className="break-words">{String(value)}</p>
          </div>
        ))}
      </Card>
      {fieldProps.canEdit ? (
        <RecommendationAdmin
          workspaceSlug={slug}
          recommendationId={rec.id}
          isArchived={Boolean(rec.archivedAt)}
          canDelete={can(role, "recommendation.delete")}
        />
      ) : null}
    </aside>
  );
}
