import Link from "next/link";
import { FileText, FileUp } from "lucide-react";
import { getFormatter, getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { ProgressBar, ProgressLegend } from "@/components/trackers/progress-bar";
import { NewTrackerButton } from "@/components/trackers/new-tracker";
import { requirePageMembership } from "@/lib/server/authz";
import { listTrackers } from "@/lib/trackers/queries";
import { can } from "@/lib/permissions";
import { routes } from "@/lib/routes";
import { cardClass } from "@/components/ui/card";
import { Sparkline } from "@/components/dashboard/sparkline";
import { StatusBadge } from "@/components/recommendations/status-badge";
import { workspaceOverview } from "@/lib/history/queries";

export default async function WorkspaceHomePage({ params }: PageProps<"/w/[slug]">) {
  const { slug } = await params;
  const { workspace, role } = await requirePageMembership(slug);
  const t = await getTranslations("workspace.home");
  const format = await getFormatter();
  const trackers = await listTrackers(workspace.id);
  const overview = await workspaceOverview(workspace.id, trackers);
  const languageOf = new Map(trackers.map((tracker) => [tracker.id, tracker.language ?? undefined]));
  const since = new Date(`${overview.since}T00:00:00.000Z`);
  const canManage = can(role, "tracker.manage");
  return (
    <main className="mx-auto max-w-6xl px-4 py-6 sm:px-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-xl font-semibold">{workspace.name}</h1>
          <p className="mt-1 text-sm text-zinc-600">{t("intro")}</p>
        </div>
        {canManage ? (
          <div className="flex flex-wrap gap-2">
            <Link href={routes.newTrackerFromDocument(slug)} className={buttonClass("secondary")}>
              <FileUp aria-hidden className="size-4" /> {t("fromDocument")}
            </Link>
            <NewTrackerButton workspaceSlug={slug} />
          </div>
        ) : null}
      </div>
      {trackers.length === 0 ? (
        <div className="mt-8 rounded-xl border border-dashed border-zinc-300 bg-white p-10 text-center">
          <FileText aria-hidden className="mx-auto size-8 text-zinc-400" />
          <h2 className="mt-3 font-medium">{t("empty.title")}</h2>
          <p className="mx-auto mt-1 max-w-md text-sm text-zinc-600">
            {canManage ? t("empty.manager") : t("empty.member")}
          </p>
        </div>
      ) : (
        <ul className="mt-6 grid gap-4 md:grid-cols-2">
          {trackers.map((tracker) => (
            <li key={tracker.id}>
              <Link
                href={routes.tracker(slug, tracker.id)}
                className={cardClass("block h-full p-5 transition hover:ring-indigo-300")}
              >
                <h2 className="font-semibold" lang={tracker.language ?? undefined}>
                  {tracker.name}
                </h2>
                {tracker.documentTitle ? (
                  <p className="mt-0.5 text-xs text-zinc-500">
                    {t.rich("fromDocumentTitle", {
                      title: tracker.documentTitle,
                      // The document's title is the tracker's content: in its language.
                      content: (chunks) => <span lang={tracker.language ?? undefined}>{chunks}</span>,
                    })}
                  </p>
                ) : null}
                <div className="mt-4 flex items-baseline justify-between text-sm">
                  <span className="text-zinc-600">
                    {t("counts", {
                      recommendations: tracker.progress.total,
                      sections: tracker.sectionCount,
                    })}
                  </span>
                  <span className="font-semibold tabular-nums">
                    {t("achievedShare", { share: tracker.progress.achievedShare })}
                  </span>
                </div>
                <ProgressBar progress={tracker.progress} className="mt-2" />
                <div className="mt-3 flex flex-wrap items-end justify-between gap-3">
                  <ProgressLegend progress={tracker.progress} />
                  {overview.sparklines.get(tracker.id) ? (
                    <span className="flex flex-col items-end text-xs text-zinc-600">
                      <Sparkline points={overview.sparklines.get(tracker.id)!} label={t("sparklineLabel")} />
                      {t("sparklineCaption")}
                    </span>
                  ) : null}
                </div>
              </Link>
            </li>
          ))}
        </ul>
      )}
      {trackers.length > 0 ? (
        <section aria-labelledby="moved-this-week" className={cardClass("mt-6 p-5")}>
          <h2 id="moved-this-week" className="font-semibold">
            {t("moved.title")}
          </h2>
          <p className="mt-0.5 text-sm text-zinc-600">
            {overview.movedTotal > overview.moved.length
              ? t("moved.introLatest", {
                  since,
                  shown: overview.moved.length,
                  total: overview.movedTotal,
                })
              : t("moved.intro", { since })}
          </p>
          {overview.moved.length === 0 ? (
            <p className="mt-3 rounded-lg bg-zinc-50 px-3 py-4 text-sm text-zinc-600">{t("moved.none")}</p>
          ) : (
            <ul className="mt-3 divide-y divide-zinc-100">
              {overview.moved.map((row) => (
                <li key={row.id} className="flex flex-col gap-1 py-2 sm:flex-row sm:items-center sm:gap-4">
                  <div className="min-w-0 flex-1">
                    <Link
                      href={routes.recommendation(slug, row.trackerId, row.id)}
                      lang={languageOf.get(row.trackerId)}
                      className="text-sm font-medium text-zinc-900 hover:underline"
                    >
                      {row.title}
                    </Link>
                    <p className="text-xs text-zinc-600">
                      <span lang={languageOf.get(row.trackerId)}>{row.trackerName}</span> ·{" "}
                      {format.dateTime(row.lastChangedAt, "day")}
                      {row.isRegressed ? ` · ${t("moved.regressed")}` : ""}
                    </p>
                  </div>
                  <span className="flex shrink-0 items-center gap-1.5 text-xs text-zinc-600">
                    <StatusBadge status={row.from} />
                    <span aria-label={t("moved.to")} className="rtl:-scale-x-100">
                      →
                    </span>
                    <StatusBadge status={row.to} />
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}
    </main>
  );
}
