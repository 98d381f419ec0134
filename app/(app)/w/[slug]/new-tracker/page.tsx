import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { DocumentTrackerWizard } from "@/components/documents/document-tracker-wizard";
import { requirePageMembership } from "@/lib/server/authz";
import { routes } from "@/lib/routes";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("newTracker");
  return { title: t("metaTitle") };
}

/** A new tracker from a policy document: paste or upload, review the proposal, create. */
export default async function NewTrackerFromDocumentPage({ params }: PageProps<"/w/[slug]/new-tracker">) {
  const { slug } = await params;
  await requirePageMembership(slug, "tracker.manage");
  const t = await getTranslations("newTracker");
  return (
    <main className="mx-auto max-w-6xl px-4 py-6 sm:px-6">
      <nav aria-label={t("breadcrumb")} className="text-sm text-zinc-500">
        <Link href={routes.workspace(slug)} className="hover:text-zinc-900">
          {t("trackers")}
        </Link>
      </nav>
      <h1 className="mt-1 text-xl font-semibold">{t("heading")}</h1>
      <p className="mt-1 max-w-3xl text-sm text-zinc-600">{t("intro", { mb: 10 })}</p>
      <DocumentTrackerWizard workspaceSlug={slug} />
    </main>
  );
}
