import Link from "next/link";
import { notFound } from "next/navigation";
import { ArrowRight } from "lucide-react";
import { Card } from "@/components/ui/card";
import { StatusBadge } from "@/components/recommendations/status-badge";
import { ExternalLink } from "@/components/ui/external-link";
import { requirePageMembership } from "@/lib/server/authz";
import { findTracker, getSnapshot, readLiveItems } from "@/lib/snapshots/queries";
import { compareItems, type ItemChange } from "@/lib/snapshots/rules";
import { CompareQuerySchema } from "@/lib/snapshots/schemas";
import { routes } from "@/lib/routes";
import { formatDate } from "@/lib/dates";

/** What changed between a snapshot and another one, or now: status moves with their direction, new evidence. */
export default async function ComparePage({
  params,
  searchParams,
}: PageProps<"/w/[slug]/t/[trackerId]/snapshots/compare">) {
  const { slug, trackerId } = await params;
  const { workspace } = await requirePageMembership(slug);
  const tracker = await findTracker(workspace.id, trackerId);
  if (!tracker) notFound();
  const query = CompareQuerySchema.safeParse(await searchParams);
  if (!query.success)
    return (
      <main className="mx-auto max-w-4xl space-y-4 px-4 py-6 sm:px-6">
        <h1 className="text-xl font-semibold">Compare snapshots</h1>
        <Card>
          <p className="text-sm text-zinc-600">
            Choose what to compare: open a snapshot and pick another one, or “now”.{" "}
            <Link
              href={routes.trackerPage(slug, trackerId, "snapshots")}
              className="font-medium text-indigo-700 hover:underline"
            >
              See the snapshots of {tracker.name}
            </Link>
          </p>
        </Card>
      </main>
    );
  const from = await getSnapshot(workspace.id, tracker.id, query.data.from);
  const to = query.data.to === "now" ? null : await getSnapshot(workspace.id, tracker.id, query.data.to);
  if (!from || (query.data.to !== "now" && !to)) notFound();
  const laterItems = to ? to.items : await readLiveItems(workspace.id, tracker.id);
  const result = compareItems(from.items, laterItems);
  const toLabel = to ? `${to.name} (${formatDate(to.asOf)})` : "now";
  const groups: { title: string; hint: string; items: ItemChange[] }[] = [
    { title: "Advanced", hint: "Moved up towards Achieved.", items: result.advanced },
    { title: "Regressed", hint: "Moved to Stalled or Reversed, or back down.", items: result.regressed },
    { title: "Newly achieved", hint: "Achieved now, not before.", items: result.newlyAchieved },
    { title: "New evidence, same status", hint: "Public evidence added.", items: result.newEvidenceOnly },
    { title: "Added", hint: "Not in the earlier snapshot.", items: result.added },
    { title: "No longer tracked", hint: "Archived or deleted since.", items: result.removed },
  ];
  return (
    <main className="mx-auto max-w-4xl space-y-6 px-4 py-6 sm:px-6">
      <nav aria-label="Breadcrumb" className="text-sm text-zinc-500">
        <Link href={routes.tracker(slug, trackerId)} className="hover:text-zinc-900">
          {tracker.name}
        </Link>
        {" / "}
        <Link href={routes.trackerPage(slug, trackerId, "snapshots")} className="hover:text-zinc-900">
          Snapshots
        </Link>
      </nav>
      <div>
        <h1 className="text-xl font-semibold">
          {from.name} <span className="text-zinc-400">→</span> {to ? to.name : "Now"}
        </h1>
        <p className="mt-1 text-sm text-zinc-600" data-testid="compare-summary">
          From {formatDate(from.asOf)} to {toLabel}: {result.advanced.length} advanced,{" "}
          {result.regressed.length} regressed, {result.newlyAchieved.length} newly achieved,{" "}
          {result.unchangedCount} unchanged.
        </p>
      </div>
      {groups.every((group) => group.items.length === 0) ? (
        <Card>
          <p className="text-sm text-zinc-600">
            Nothing changed status or gained public evidence between these two. Compare with a later snapshot,
            or with now after the next status change.
          </p>
        </Card>
      ) : null}
      {groups
        .filter((group) => group.items.length > 0)
        .map((group) => (
          <Card key={group.title} isFlush title={`${group.title} (${group.items.length})`}>
            <p className="border-b border-zinc-100 px-4 py-2 text-xs text-zinc-500">{group.hint}</p>
            <ul className="divide-y divide-zinc-100">
              {group.items.map((change) => (
                <li key={change.recommendationId} className="px-4 py-3">
                  <div className="flex flex-wrap items-center gap-2">
                    <Link
                      href={routes.recommendation(slug, trackerId, change.recommendationId)}
                      className="min-w-0 flex-1 font-medium text-indigo-700 hover:underline"
                    >
                      {change.referenceId ? `${change.referenceId} · ` : ""}
                      {change.title}
                    </Link>
                    {change.from ? (
                      <StatusBadge status={change.from} />
                    ) : (
                      <span className="text-xs text-zinc-500">new</span>
                    )}
                    <ArrowRight aria-label="to" className="size-3.5 text-zinc-400" />
                    {change.to ? (
                      <StatusBadge status={change.to} />
                    ) : (
                      <span className="text-xs text-zinc-500">gone</span>
                    )}
                  </div>
                  <p className="mt-0.5 text-xs text-zinc-500">{change.sectionTitle}</p>
                  {change.newEvidence.length > 0 ? (
                    <ul className="mt-1 space-y-0.5 text-xs" aria-label="New evidence">
                      {change.newEvidence.map((e) => (
                        <li key={e.url}>
                          New evidence:{" "}
                          <ExternalLink href={e.url} className="text-indigo-700 hover:underline">
                            {e.title}
                          </ExternalLink>
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </li>
              ))}
            </ul>
          </Card>
        ))}
    </main>
  );
}
