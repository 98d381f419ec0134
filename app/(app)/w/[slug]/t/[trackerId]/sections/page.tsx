import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
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
  const t = await getTranslations("sections");
  return (
    <main className="mx-auto max-w-3xl space-y-6 px-4 py-6 sm:px-6">
      <nav aria-label={t("breadcrumb")} className="text-sm text-zinc-500">
        <Link href={routes.tracker(slug, trackerId)} className="hover:text-zinc-900">
          {outline.name}
        </Link>
      </nav>
      <div>
        <h1 className="text-xl font-semibold">{t("title")}</h1>
        <p className="mt-1 text-sm text-zinc-600">{t("intro")}</p>
      </div>
      <Card isFlush aria-label={t("title")}>
        {sections.length === 0 ? (
          <p className="px-4 py-6 text-sm text-zinc-500">{t("empty")}</p>
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
      <Card title={t("addTitle")} titleClassName="mb-3">
        <NewSectionForm workspaceSlug={slug} trackerId={trackerId} />
      </Card>
    </main>
  );
}
