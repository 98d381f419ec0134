import Link from "next/link";
import { notFound } from "next/navigation";
import { NewSectionForm, SectionRow } from "@/components/sections/section-editor";
import { requirePageMembership } from "@/lib/server/authz";
import { listSectionsForStructure } from "@/lib/sections/queries";
import { getTrackerOutline } from "@/lib/trackers/queries";
import { routes } from "@/lib/routes";
import { Card } from "@/components/ui/card";

export default async function SectionsPage({ params }: PageProps<"/w/[slug]/t/[trackerId]/sections">) {
  const { slug, trackerId } = await params;
  const { workspace } = await requirePageMembership(slug, "recommendation.update");
  const outline = await getTrackerOutline(workspace.id, trackerId);
  if (!outline) notFound();
  const sections = await listSectionsForStructure(workspace.id, trackerId);
  return (
    <main className="mx-auto max-w-3xl space-y-6 px-4 py-6 sm:px-6">
      <nav aria-label="Breadcrumb" className="text-sm text-zinc-500">
        <Link href={routes.tracker(slug, trackerId)} className="hover:text-zinc-900">
          {outline.name}
        </Link>
      </nav>
      <div>
        <h1 className="text-xl font-semibold">Sections</h1>
        <p className="mt-1 text-sm text-zinc-600">
          Rename, reorder and archive the tracker&apos;s sections. Archived sections and their recommendations
          are hidden until restored.
        </p>
      </div>
      <Card isFlush aria-label="Sections">
        {sections.length === 0 ? (
          <p className="px-4 py-6 text-sm text-zinc-500">No sections yet. Add the first one below.</p>
        ) : (
          <ul className="divide-y divide-zinc-100">
            {sections.map((section) => (
              <SectionRow
                key={section.id}
                workspaceSlug={slug}
                section={{
                  id: section.id,
                  title: section.title,
                  description: section.description,
                  version: section.version,
                  isArchived: Boolean(section.archivedAt),
                  count: section._count.recommendations,
                }}
              />
            ))}
          </ul>
        )}
      </Card>
      <Card title="Add a section" titleClassName="mb-3">
        <NewSectionForm workspaceSlug={slug} trackerId={trackerId} />
      </Card>
    </main>
  );
}
