import Link from "next/link";
import { notFound } from "next/navigation";
import { Camera, GitCompare } from "lucide-react";
import { Card } from "@/components/ui/card";
import { buttonClass } from "@/components/ui/button";
import { CreateSnapshotForm } from "@/components/snapshots/create-snapshot-form";
import { requirePageMembership } from "@/lib/server/authz";
import { findTracker, listSnapshots } from "@/lib/snapshots/queries";
import { can } from "@/lib/permissions";
import { routes } from "@/lib/routes";
import { formatDate, formatDateTime } from "@/lib/dates";

/** A tracker's snapshots (report cards): take one (admins), open, compare. */
export default async function SnapshotsPage({ params }: PageProps<"/w/[slug]/t/[trackerId]/snapshots">) {
  const { slug, trackerId } = await params;
  const { workspace, role } = await requirePageMembership(slug);
  const tracker = await findTracker(workspace.id, trackerId);
  if (!tracker) notFound();
  const snapshots = await listSnapshots(workspace.id, tracker.id);
  const canManage = can(role, "snapshot.manage");
  return (
    <main className="mx-auto max-w-4xl space-y-6 px-4 py-6 sm:px-6">
      <nav aria-label="Breadcrumb" className="text-sm text-zinc-500">
        <Link href={routes.tracker(slug, trackerId)} className="hover:text-zinc-900">
          {tracker.name}
        </Link>
      </nav>
      <div>
        <h1 className="text-xl font-semibold">Snapshots</h1>
        <p className="mt-1 text-sm text-zinc-600">
          Dated report cards: each freezes every recommendation&apos;s status, justification, owners and
          public evidence. Later changes never alter a snapshot.
        </p>
      </div>
      {canManage ? (
        <Card title="Take a snapshot" titleClassName="mb-3">
          <CreateSnapshotForm workspaceSlug={slug} trackerId={tracker.id} />
        </Card>
      ) : null}
      <Card isFlush title="Report cards" aria-label="Snapshots">
        {snapshots.length === 0 ? (
          <div className="px-4 py-8 text-center text-sm text-zinc-600">
            <Camera aria-hidden className="mx-auto mb-2 size-6 text-zinc-400" />
            No snapshots yet.{" "}
            {canManage
              ? "Take the first one above, for example “100-day report card”."
              : "An admin can take one, for example a “100-day report card”."}
          </div>
        ) : (
          <ul className="divide-y divide-zinc-100">
            {snapshots.map((snapshot) => (
              <li key={snapshot.id} className="flex flex-wrap items-center gap-3 px-4 py-3">
                <div className="min-w-0 flex-1">
                  <Link
                    href={routes.snapshot(slug, tracker.id, snapshot.id)}
                    className="font-medium text-indigo-700 hover:underline"
                  >
                    {snapshot.name}
                  </Link>
                  {snapshot.isPublished ? (
                    <span className="ml-2 rounded bg-green-50 px-1.5 py-0.5 text-[11px] font-medium text-green-800 ring-1 ring-green-200">
                      Published
                    </span>
                  ) : null}
                  <p className="mt-0.5 text-xs text-zinc-500">
                    As of {formatDate(snapshot.asOf)} · {snapshot.itemCount.toLocaleString("en")}{" "}
                    recommendations · taken {formatDateTime(snapshot.createdAt)}
                    {snapshot.createdByName ? ` by ${snapshot.createdByName}` : ""}
                  </p>
                </div>
                <Link
                  href={routes.snapshotCompare(slug, tracker.id, snapshot.id, "now")}
                  className={buttonClass("secondary", "sm")}
                >
                  <GitCompare aria-hidden className="size-4" /> Compare with now
                </Link>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </main>
  );
}
