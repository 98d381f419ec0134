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

export default async function WorkspaceHomePage({ params }: PageProps<"/w/[slug]">) {
  const { slug } = await params;
  const { workspace, role } = await requirePageMembership(slug);
  const trackers = await listTrackers(workspace.id);
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
                <div className="mt-3">
                  <ProgressLegend progress={tracker.progress} />
                </div>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
