import Link from "next/link";
import { FileText, FileUp } from "lucide-react";
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
import { formatDate } from "@/lib/dates";

export default async function WorkspaceHomePage({ params }: PageProps<"/w/[slug]">) {
  const { slug } = await params;
  const { workspace, role } = await requirePageMembership(slug);
  const trackers = await listTrackers(workspace.id);
  const overview = await workspaceOverview(workspace.id, trackers);
  return (
    <main className="mx-auto max-w-6xl px-4 py-6 sm:px-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-xl font-semibold">{workspace.name}</h1>
          <p className="mt-1 text-sm text-zinc-600">
            Trackers turn a policy document into recommendations your team works through.
          </p>
        </div>
        {can(role, "tracker.manage") ? (
          <div className="flex flex-wrap gap-2">
            <Link href={routes.newTrackerFromDocument(slug)} className={buttonClass("secondary")}>
              <FileUp aria-hidden className="size-4" /> From a document
            </Link>
            <NewTrackerButton workspaceSlug={slug} />
          </div>
        ) : null}
      </div>
      {trackers.length === 0 ? (
        <div className="mt-8 rounded-xl border border-dashed border-zinc-300 bg-white p-10 text-center">
          <FileText aria-hidden className="mx-auto size-8 text-zinc-400" />
          <h2 className="mt-3 font-medium">No trackers yet</h2>
          <p className="mx-auto mt-1 max-w-md text-sm text-zinc-600">
            {can(role, "tracker.manage")
              ? "Start from a policy document with “From a document” (paste it or upload a PDF, Word or text file), or build one by hand with “New tracker”."
              : "An admin of this workspace can create the first tracker from a policy document."}
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
                <h2 className="font-semibold">{tracker.name}</h2>
                {tracker.documentTitle ? (
                  <p className="mt-0.5 text-xs text-zinc-500">From “{tracker.documentTitle}”</p>
                ) : null}
                <div className="mt-4 flex items-baseline justify-between text-sm">
                  <span className="text-zinc-600">
                    {tracker.progress.total} recommendations · {tracker.sectionCount} sections
                  </span>
                  <span className="font-semibold tabular-nums">
                    {Math.round(tracker.progress.achievedShare * 100)}% achieved
                  </span>
                </div>
                <ProgressBar progress={tracker.progress} className="mt-2" />
                <div className="mt-3 flex flex-wrap items-end justify-between gap-3">
                  <ProgressLegend progress={tracker.progress} />
                  {overview.sparklines.get(tracker.id) ? (
                    <span className="flex flex-col items-end text-xs text-zinc-600">
                      <Sparkline
                        points={overview.sparklines.get(tracker.id)!}
                        label="Share achieved over the last 12 weeks"
                      />
                      Achieved, last 12 weeks
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
            What moved this week
          </h2>
          <p className="mt-0.5 text-sm text-zinc-600">
            Status changes since {formatDate(overview.since)} across trackers
            {overview.movedTotal > overview.moved.length
              ? ` (the latest ${overview.moved.length} of ${overview.movedTotal})`
              : ""}
            .
          </p>
          {overview.moved.length === 0 ? (
            <p className="mt-3 rounded-lg bg-zinc-50 px-3 py-4 text-sm text-zinc-600">
              Nothing changed status this week. Open a tracker’s dashboard to see what is stale.
            </p>
          ) : (
            <ul className="mt-3 divide-y divide-zinc-100">
              {overview.moved.map((row) => (
                <li key={row.id} className="flex flex-col gap-1 py-2 sm:flex-row sm:items-center sm:gap-4">
                  <div className="min-w-0 flex-1">
                    <Link
                      href={routes.recommendation(slug, row.trackerId, row.id)}
                      className="text-sm font-medium text-zinc-900 hover:underline"
                    >
                      {row.title}
                    </Link>
                    <p className="text-xs text-zinc-600">
                      {row.trackerName} · {formatDate(row.lastChangedAt)}
                      {row.isRegressed ? " · regressed" : ""}
                    </p>
                  </div>
                  <span className="flex shrink-0 items-center gap-1.5 text-xs text-zinc-600">
                    <StatusBadge status={row.from} />
                    <span aria-label="to">→</span>
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
