import Link from "next/link";
import { notFound } from "next/navigation";
import { ImportWizard } from "@/components/import/import-wizard";
import { requirePageMembership } from "@/lib/server/authz";
import { getTrackerOutline } from "@/lib/trackers/queries";
import { routes } from "@/lib/routes";

/** CSV or JSON import into this tracker: upload, map the columns, preview, import. */
export default async function ImportPage({ params }: PageProps<"/w/[slug]/t/[trackerId]/import">) {
  const { slug, trackerId } = await params;
  const { workspace } = await requirePageMembership(slug, "tracker.import");
  const outline = await getTrackerOutline(workspace.id, trackerId);
  if (!outline) notFound();
  return (
    <main className="mx-auto max-w-6xl px-4 py-6 sm:px-6">
      <nav aria-label="Breadcrumb" className="text-sm text-zinc-500">
        <Link href={routes.tracker(slug, trackerId)} className="hover:text-zinc-900">
          {outline.name}
        </Link>
      </nav>
      <h1 className="mt-1 text-xl font-semibold">Import recommendations</h1>
      <p className="mt-1 max-w-2xl text-sm text-zinc-600">
        Upload a CSV file (comma, semicolon or tab separated) or JSON, including a tracker exported from this
        app. Rows with a reference id that already exists in this tracker update that recommendation.
      </p>
      <ImportWizard
        workspaceSlug={slug}
        trackerId={trackerId}
        trackerPath={routes.tracker(slug, trackerId)}
        sections={outline.sections.map((s) => s.title)}
      />
    </main>
  );
}
