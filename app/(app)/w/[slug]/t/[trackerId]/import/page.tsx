import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ImportWizard } from "@/components/import/import-wizard";
import { requirePageMembership } from "@/lib/server/authz";
import { getTrackerOutline } from "@/lib/trackers/queries";
import { routes } from "@/lib/routes";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("import.page");
  return { title: t("metaTitle") };
}

/** CSV or JSON import into this tracker: upload, map the columns, preview, import. */
export default async function ImportPage({ params }: PageProps<"/w/[slug]/t/[trackerId]/import">) {
  const { slug, trackerId } = await params;
  const { workspace } = await requirePageMembership(slug, "tracker.import");
  const outline = await getTrackerOutline(workspace.id, trackerId);
  if (!outline) notFound();
  const t = await getTranslations("import.page");
  return (
    <main className="mx-auto max-w-6xl px-4 py-6 sm:px-6">
      <nav aria-label={t("breadcrumb")} className="text-sm text-zinc-500">
        <Link href={routes.tracker(slug, trackerId)} className="hover:text-zinc-900">
          {outline.name}
        </Link>
      </nav>
      <h1 className="mt-1 text-xl font-semibold">{t("heading")}</h1>
      <p className="mt-1 max-w-2xl text-sm text-zinc-600">{t("intro")}</p>
      <ImportWizard
        workspaceSlug={slug}
        trackerId={trackerId}
        trackerPath={routes.tracker(slug, trackerId)}
        sections={outline.sections.map((s) => s.title)}
      />
    </main>
  );
}
