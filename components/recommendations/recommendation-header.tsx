import Link from "next/link";
import { ArchiveX } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { PresenceAvatars } from "@/components/live/presence-avatars";
import { EditableField } from "@/components/recommendations/editable-field";
import { fieldPropsFor, type RecommendationSectionProps } from "@/components/recommendations/section-props";
import { StatusControl } from "@/components/recommendations/status-control";
import { Alert } from "@/components/ui/alert";
import { routes } from "@/lib/routes";

/** Breadcrumb with who else is viewing and the watch toggle, the archived banner, the title (editable in place) and the status control. */
export function RecommendationHeader(props: RecommendationSectionProps & { watch?: React.ReactNode }) {
  const { workspaceSlug: slug, rec } = props;
  const fieldProps = fieldPropsFor(props);
  const t = useTranslations("recommendation");
  const format = useFormatter();
  const lang = rec.tracker.language ?? undefined;
  return (
    <>
      <div className="flex min-h-7 flex-wrap items-center justify-between gap-x-4 gap-y-1">
        <nav aria-label={t("breadcrumb")} className="flex flex-wrap gap-1 text-sm text-zinc-500" lang={lang}>
          <Link href={routes.tracker(slug, rec.tracker.id)} className="hover:text-zinc-900">
            {rec.tracker.name}
          </Link>
          <span aria-hidden>/</span>
          <Link
            href={routes.tracker(slug, rec.tracker.id, new URLSearchParams({ section: rec.section.id }))}
            className="hover:text-zinc-900"
          >
            {rec.section.title}
          </Link>
        </nav>
        <div className="flex items-center gap-3">
          <PresenceAvatars />
          {props.watch}
        </div>
      </div>

      {rec.archivedAt ? (
        <Alert variant="warning" icon={ArchiveX} className="mt-3">
          {t("archivedOn", { date: format.dateTime(rec.archivedAt, "day") })}
        </Alert>
      ) : null}

      <div className="mt-2 flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
        <EditableField
          {...fieldProps}
          field="title"
          label={t("fields.title")}
          isLabelVisible={false}
          value={rec.title}
          control={{ kind: "text" }}
          display={
            <h1 className="text-xl font-semibold text-balance" lang={lang}>
              {rec.title}
            </h1>
          }
          className="min-w-0 flex-1"
        />
        <StatusControl
          workspaceSlug={slug}
          recommendationId={rec.id}
          version={rec.version}
          status={rec.status}
          evidence={rec.evidence.map((item) => ({ id: item.id, title: item.title }))}
          canEdit={fieldProps.canEdit}
        />
      </div>
    </>
  );
}
