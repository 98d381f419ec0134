import Link from "next/link";
import { EditableField } from "@/components/recommendations/editable-field";
import { OwnersEditor } from "@/components/recommendations/owners-editor";
import { RecommendationAdmin } from "@/components/recommendations/recommendation-admin";
import { fieldPropsFor, type RecommendationSectionProps } from "@/components/recommendations/section-props";
import { Card } from "@/components/ui/card";
import { formatDate, todayUtc, toIsoDay } from "@/lib/dates";
import { can } from "@/lib/permissions";
import { isRecommendationOverdue, priorityLabels } from "@/lib/recommendations/rules";
import { routes } from "@/lib/routes";

const notSet = (text: string) => <p className="text-zinc-500">{text}</p>;

/** The sidebar: owners, every attribute editable in place, imported attributes, and archive/delete. */
export function DetailsPanel(props: RecommendationSectionProps) {
  const { workspaceSlug: slug, rec, role } = props;
  const fieldProps = fieldPropsFor(props);
  const isOverdue = isRecommendationOverdue(rec.dueDate, rec.status, todayUtc());
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
          label="Target actor"
          value={rec.targetActor ?? ""}
          control={{ kind: "text", suggestions: rec.actorSuggestions, placeholder: "e.g. State Department" }}
          display={rec.targetActor ? <p>{rec.targetActor}</p> : notSet("Not set")}
        />
        <EditableField
          {...fieldProps}
          field="requiresLegislation"
          label="Path"
          value={rec.requiresLegislation === null ? "" : String(rec.requiresLegislation)}
          control={{
            kind: "select",
            options: [
              { value: "", label: "Not assessed" },
              { value: "false", label: "Executive can act alone" },
              { value: "true", label: "Needs legislation" },
            ],
          }}
          display={
            rec.requiresLegislation === null ? (
              notSet("Not assessed")
            ) : (
              <p>{rec.requiresLegislation ? "Needs legislation" : "Executive can act alone"}</p>
            )
          }
        />
        <EditableField
          {...fieldProps}
          field="priority"
          label="Priority"
          value={rec.priority ?? ""}
          control={{
            kind: "select",
            options: [
              { value: "", label: "Not set" },
              ...(["HIGH", "MEDIUM", "LOW"] as const).map((p) => ({ value: p, label: priorityLabels[p] })),
            ],
          }}
          display={rec.priority ? <p>{priorityLabels[rec.priority]}</p> : notSet("Not set")}
        />
        <EditableField
          {...fieldProps}
          field="dueDate"
          label="Due date"
          value={toIsoDay(rec.dueDate)}
          control={{ kind: "date" }}
          display={
            rec.dueDate ? (
              <p className={isOverdue ? "font-medium text-red-700" : undefined}>
                {formatDate(rec.dueDate)}
                {isOverdue ? " · overdue" : ""}
              </p>
            ) : (
              notSet("No due date")
            )
          }
        />
        <EditableField
          {...fieldProps}
          field="tags"
          label="Tags"
          value={rec.tags.join(", ")}
          control={{ kind: "text", placeholder: "comma, separated" }}
          display={
            rec.tags.length === 0 ? (
              notSet("None")
            ) : (
              <span className="flex flex-wrap gap-1">
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
          label="Section"
          value={rec.section.id}
          control={{ kind: "select", options: rec.sections.map((s) => ({ value: s.id, label: s.title })) }}
          display={<p>{rec.section.title}</p>}
        />
        {rec.referenceId ? (
          <div>
            <p className="text-xs font-medium text-zinc-500">Reference</p>
            <p>{rec.referenceId}</p>
          </div>
        ) : null}
        {Object.entries(rec.attributes).map(([key, value]) => (
          <div key={key}>
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
