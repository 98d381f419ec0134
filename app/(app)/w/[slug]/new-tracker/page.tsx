import Link from "next/link";
import { DocumentTrackerWizard } from "@/components/documents/document-tracker-wizard";
import { requirePageMembership } from "@/lib/server/authz";
import { routes } from "@/lib/routes";

/** A new tracker from a policy document: paste or upload, review the proposal, create. */
export default async function NewTrackerFromDocumentPage({ params }: PageProps<"/w/[slug]/new-tracker">) {
  const { slug } = await params;
  await requirePageMembership(slug, "tracker.manage");
  return (
    <main className="mx-auto max-w-6xl px-4 py-6 sm:px-6">
      <nav aria-label="Breadcrumb" className="text-sm text-zinc-500">
        <Link href={routes.workspace(slug)} className="hover:text-zinc-900">
          Trackers
        </Link>
      </nav>
      <h1 className="mt-1 text-xl font-semibold">New tracker from a document</h1>
      <p className="mt-1 max-w-3xl text-sm text-zinc-600">
        Paste a policy document or upload it (.txt, .md, .pdf or .docx, up to 10 MB). The app proposes
        sections from its headings and recommendations from passages that ask someone to act; you review them
        before anything is saved.
      </p>
      <DocumentTrackerWizard workspaceSlug={slug} />
    </main>
  );
}
