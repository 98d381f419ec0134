import Link from "next/link";
import { notFound } from "next/navigation";
import { CalendarClock, MessageSquare, Paperclip } from "lucide-react";
import { ProgressBar, ProgressLegend } from "@/components/tracker/progress-bar";
import { Avatars, StatusBadge } from "@/components/tracker/status-badge";
import { formatDate } from "@/lib/dates";
import { requirePageMembership } from "@/lib/dal/memberships";
import { getTrackerView, SECTION_PAGE_SIZE } from "@/lib/dal/trackers";

export default async function TrackerPage({ params }: PageProps<"/w/[slug]/t/[trackerId]">) {
  const { slug, trackerId } = await params;
  const { workspace } = await requirePageMembership(slug);
  const tracker = await getTrackerView(workspace.id, trackerId);
  if (!tracker) notFound();
  return (
    <main className="mx-auto max-w-6xl px-4 py-6 sm:px-6">
      <nav aria-label="Breadcrumb" className="text-sm text-zinc-500">
        <Link href={`/w/${slug}`} className="hover:text-zinc-900">
          Trackers
        </Link>
      </nav>
      <div className="mt-1 flex flex-col gap-4 md:flex-row md:items-end md:justify-between">
        <div className="min-w-0">
          <h1 className="text-xl font-semibold">{tracker.name}</h1>
          {tracker.document?.citation ? (
            <p className="mt-1 text-xs text-zinc-500">{tracker.document.citation}</p>
          ) : null}
        </div>
        <div className="w-full shrink-0 md:w-80">
          <div className="flex items-baseline justify-between text-sm">
            <span className="text-zinc-600">{tracker.progress.total} recommendations</span>
            <span className="font-semibold tabular-nums">
              {Math.round(tracker.progress.achievedShare * 100)}% achieved
            </span>
          </div>
          <ProgressBar progress={tracker.progress} className="mt-1.5" />
        </div>
      </div>

      {tracker.sections.length === 0 ? (
        <p className="mt-10 rounded-xl border border-dashed border-zinc-300 bg-white p-8 text-center text-sm text-zinc-600">
          This tracker has no sections yet.
        </p>
      ) : (
        <div className="mt-6 space-y-6">
          {tracker.sections.map((section, index) => (
            <section
              key={section.id}
              aria-labelledby={`section-${section.id}`}
              className="overflow-hidden rounded-xl bg-white shadow-sm ring-1 ring-zinc-200"
            >
              <div className="border-b border-zinc-200 px-4 py-3">
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <h2 id={`section-${section.id}`} className="font-semibold">
                    <span className="mr-2 text-zinc-400 tabular-nums">{index + 1}.</span>
                    {section.title}
                  </h2>
                  <span className="text-xs text-zinc-600 tabular-nums">
                    {section.progress.total} · {Math.round(section.progress.achievedShare * 100)}% achieved
                  </span>
                </div>
                {section.description ? (
                  <p className="mt-0.5 text-sm text-zinc-600">{section.description}</p>
                ) : null}
                <ProgressBar progress={section.progress} className="mt-2" />
                <div className="mt-2">
                  <ProgressLegend progress={section.progress} />
                </div>
              </div>
              {section.recommendations.length === 0 ? (
                <p className="px-4 py-6 text-sm text-zinc-500">No recommendations in this section yet.</p>
              ) : (
                <ul className="divide-y divide-zinc-100">
                  {section.recommendations.map((rec) => (
                    <li key={rec.id}>
                      <Link
                        href={`/w/${slug}/t/${tracker.id}/r/${rec.id}`}
                        className="flex flex-col gap-2 px-4 py-2.5 hover:bg-zinc-50 sm:flex-row sm:items-center sm:gap-4"
                      >
                        <span className="min-w-0 flex-1 text-sm font-medium text-zinc-900">{rec.title}</span>
                        <span className="flex shrink-0 items-center gap-3 text-xs text-zinc-500">
                          {rec.targetActor ? (
                            <span className="hidden lg:inline">{rec.targetActor}</span>
                          ) : null}
                          {rec.dueDate ? (
                            <span className="inline-flex items-center gap-1">
                              <CalendarClock aria-hidden className="size-3.5" />
                              {formatDate(rec.dueDate)}
                            </span>
                          ) : null}
                          {rec.evidenceCount > 0 ? (
                            <span
                              className="inline-flex items-center gap-1"
                              aria-label={`${rec.evidenceCount} evidence links`}
                            >
                              <Paperclip aria-hidden className="size-3.5" />
                              {rec.evidenceCount}
                            </span>
                          ) : null}
                          {rec.commentCount > 0 ? (
                            <span
                              className="inline-flex items-center gap-1"
                              aria-label={`${rec.commentCount} comments`}
                            >
                              <MessageSquare aria-hidden className="size-3.5" />
                              {rec.commentCount}
                            </span>
                          ) : null}
                          <Avatars people={rec.owners} />
                          <StatusBadge status={rec.status} className="w-36 justify-start" />
                        </span>
                      </Link>
                    </li>
                  ))}
                </ul>
              )}
              {section.progress.total > SECTION_PAGE_SIZE ? (
                <p className="border-t border-zinc-100 px-4 py-2 text-xs text-zinc-500">
                  Showing the first {SECTION_PAGE_SIZE} of {section.progress.total}.
                </p>
              ) : null}
            </section>
          ))}
        </div>
      )}
    </main>
  );
}
