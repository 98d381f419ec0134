import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { Icon } from "@/components/ui/icon";
import { inputClass } from "@/components/ui/field";
import { cn } from "@/lib/cn";
import { NewRecommendationButton } from "@/components/recommendations/new-recommendation";
import { ProgressBar, ProgressLegend } from "@/components/trackers/progress-bar";
import type { Role } from "@/lib/generated/prisma/enums";
import { can } from "@/lib/permissions";
import type { TrackerOutline } from "@/lib/trackers/queries";
import { routes } from "@/lib/routes";

/** Breadcrumb, name and citation, the tracker's links and tools for this role, and overall progress. */
export function TrackerHeader({
  workspaceSlug: slug,
  trackerId,
  outline,
  role,
  sections,
  defaultSectionId,
  watch,
}: {
  workspaceSlug: string;
  trackerId: string;
  outline: TrackerOutline;
  role: Role;
  /** The live sections (id and title), for the new-recommendation dialog. */
  sections: { id: string; title: string }[];
  /** The section filtered on, preselected for a new recommendation. */
  defaultSectionId?: string;
  /** The "Watch" control, beside the breadcrumb. */
  watch?: React.ReactNode;
}) {
  const t = useTranslations("tracker.header");
  const format = useFormatter();
  const lang = outline.language ?? undefined;
  return (
    <>
      <div className="flex items-center justify-between gap-3">
        <nav aria-label={t("breadcrumb")} className="text-sm text-zinc-500">
          <Link href={routes.workspace(slug)} className="hover:text-zinc-900">
            {t("trackers")}
          </Link>
        </nav>
        {watch}
      </div>
      <div className="mt-1 flex flex-col gap-4 md:flex-row md:items-end md:justify-between">
        <div className="min-w-0">
          <h1 className="text-xl font-semibold" lang={lang}>
            {outline.name}
          </h1>
          {outline.document?.citation ? (
            <p className="mt-1 text-xs text-zinc-500">{outline.document.citation}</p>
          ) : null}
          <div className="mt-3 flex flex-wrap gap-2">
            <Link href={routes.trackerDashboard(slug, trackerId)} className="hbtn">
              <Icon name="dashboard" className="size-4" /> {t("dashboard")}
            </Link>
            {outline.document ? (
              <Link href={routes.trackerPage(slug, trackerId, "document")} className="hbtn">
                <Icon name="document" className="size-4" /> {t("sourceDocument")}
              </Link>
            ) : null}
            {can(role, "recommendation.update") ? (
              <Link href={routes.trackerPage(slug, trackerId, "sections")} className="hbtn">
                <Icon name="layers" className="size-4" /> {t("sections")}
              </Link>
            ) : null}
            <Link href={routes.trackerPage(slug, trackerId, "report")} className="hbtn">
              <Icon name="printer" className="size-4" /> {t("report")}
            </Link>
            <Link href={routes.trackerPage(slug, trackerId, "snapshots")} className="hbtn">
              <Icon name="camera" className="size-4" /> {t("snapshots")}
            </Link>
            {can(role, "tracker.publish") ? (
              <Link href={routes.trackerPage(slug, trackerId, "publish")} className="hbtn">
                <Icon name="globe" className="size-4" /> {t("publish")}
              </Link>
            ) : null}
            <a href={routes.trackerPage(slug, trackerId, "export.csv")} download className="hbtn">
              <Icon name="download" className="size-4" /> {t("exportCsv")}
            </a>
            <a href={routes.trackerPage(slug, trackerId, "export.json")} download className="hbtn">
              <Icon name="download" className="size-4" /> {t("exportJson")}
            </a>
            {can(role, "tracker.import") ? (
              <Link href={routes.trackerPage(slug, trackerId, "import")} className="hbtn">
                <Icon name="upload" className="size-4" /> {t("import")}
              </Link>
            ) : null}
            <form method="get" className="flex items-center gap-1" aria-label={t("asOfLabel")}>
              <label htmlFor="tracker-as-of" className="sr-only">
                {t("asOfDate")}
              </label>
              <input
                id="tracker-as-of"
                type="date"
                name="asOf"
                required
                className={cn(inputClass, "h-8 w-auto py-0 text-sm")}
              />
              <button type="submit" className="hbtn">
                <Icon name="history" className="size-4" /> {t("viewAsOf")}
              </button>
            </form>
            {can(role, "recommendation.create") ? (
              <NewRecommendationButton
                workspaceSlug={slug}
                trackerId={trackerId}
                sections={sections}
                defaultSectionId={defaultSectionId}
              />
            ) : null}
          </div>
        </div>
        <div className="w-full shrink-0 md:w-80">
          <div className="flex items-baseline justify-between text-sm">
            <span className="text-zinc-600">{t("recommendations", { count: outline.progress.total })}</span>
            <span className="font-semibold tabular-nums">
              {t("achieved", { share: format.number(outline.progress.achievedShare, "percent") })}
            </span>
          </div>
          <ProgressBar progress={outline.progress} className="mt-1.5" />
          <div className="mt-2">
            <ProgressLegend progress={outline.progress} />
          </div>
        </div>
      </div>
    </>
  );
}
