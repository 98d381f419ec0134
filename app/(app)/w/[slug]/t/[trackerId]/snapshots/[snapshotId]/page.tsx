import Link from "next/link";
import { notFound } from "next/navigation";
import { Download, GitCompare } from "lucide-react";
import { PrintButton } from "@/components/trackers/print-button";
import { SnapshotDocument } from "@/components/snapshots/snapshot-document";
import { buttonClass } from "@/components/ui/button";
import { requirePageMembership } from "@/lib/server/authz";
import { getSnapshot, listSnapshots } from "@/lib/snapshots/queries";
import { routes } from "@/lib/routes";
import { formatDate } from "@/lib/dates";

/** One snapshot as a printable report card, with its exports and a compare picker. */
export default async function SnapshotPage({
  params,
}: PageProps<"/w/[slug]/t/[trackerId]/snapshots/[snapshotId]">) {
  const { slug, trackerId, snapshotId } = await params;
  const { workspace } = await requirePageMembership(slug);
  const snapshot = await getSnapshot(workspace.id, trackerId, snapshotId);
  if (!snapshot) notFound();
  const others = (await listSnapshots(workspace.id, trackerId)).filter((s) => s.id !== snapshot.id);
  return (
    <main className="mx-auto max-w-4xl px-4 py-6 sm:px-6 print:max-w-none print:p-0">
      <div className="flex flex-wrap items-center justify-between gap-3 print:hidden">
        <nav aria-label="Breadcrumb" className="text-sm text-zinc-500">
          <Link href={routes.tracker(slug, trackerId)} className="hover:text-zinc-900">
            {snapshot.trackerName}
          </Link>
          {" / "}
          <Link href={routes.trackerPage(slug, trackerId, "snapshots")} className="hover:text-zinc-900">
            Snapshots
          </Link>
        </nav>
        <div className="flex flex-wrap gap-2">
          <a
            href={routes.snapshotExport(slug, trackerId, snapshot.id, "csv")}
            download
            className={buttonClass("secondary", "sm")}
          >
            <Download aria-hidden className="size-4" /> CSV
          </a>
          <a
            href={routes.snapshotExport(slug, trackerId, snapshot.id, "json")}
            download
            className={buttonClass("secondary", "sm")}
          >
            <Download aria-hidden className="size-4" /> JSON
          </a>
          <PrintButton />
        </div>
      </div>
      <form
        method="get"
        action={routes.snapshotCompare(slug, trackerId, snapshot.id, "now").split("?")[0]}
        className="mt-4 flex flex-wrap items-end gap-2 print:hidden"
        aria-label="Compare"
      >
        <input type="hidden" name="from" value={snapshot.id} />
        <label className="text-sm">
          <span className="block text-xs font-medium text-zinc-600">Compare this snapshot with</span>
          <select
            name="to"
            defaultValue="now"
            className="mt-1 rounded-md bg-white px-2 py-1.5 text-sm ring-1 ring-zinc-300"
          >
            <option value="now">Now (the live tracker)</option>
            {others.map((other) => (
              <option key={other.id} value={other.id}>
                {other.name} ({formatDate(other.asOf)})
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className={buttonClass("secondary", "sm")}>
          <GitCompare aria-hidden className="size-4" /> Compare
        </button>
      </form>
      <SnapshotDocument
        kicker={`${workspace.name} · Report card`}
        name={snapshot.name}
        asOf={snapshot.asOf}
        citation={snapshot.citation}
        items={snapshot.items}
      />
    </main>
  );
}
