import Link from "next/link";
import { notFound } from "next/navigation";
import { ExternalLink as ExternalIcon } from "lucide-react";
import { Card } from "@/components/ui/card";
import { PublishForm, Snippet, UnpublishForm } from "@/components/publishing/publish-panel";
import { requirePageMembership } from "@/lib/server/authz";
import { findTracker, listSnapshots } from "@/lib/snapshots/queries";
import { getPublicationForAdmin } from "@/lib/publishing/queries";
import { env } from "@/lib/server/env";
import { routes } from "@/lib/routes";
import { formatDate, formatDateTime } from "@/lib/dates";

/** Admins publish the tracker (live) or a snapshot as a public scorecard, and get the links and snippets. */
export default async function PublishPage({ params }: PageProps<"/w/[slug]/t/[trackerId]/publish">) {
  const { slug, trackerId } = await params;
  const { workspace } = await requirePageMembership(slug, "tracker.publish");
  const tracker = await findTracker(workspace.id, trackerId);
  if (!tracker) notFound();
  const [publication, snapshots] = await Promise.all([
    getPublicationForAdmin(workspace.id, tracker.id),
    listSnapshots(workspace.id, tracker.id),
  ]);
  const origin = env().APP_URL.replace(/\/$/, "");
  const publicUrl = origin + routes.publicScorecard(slug, tracker.id);
  const badgeUrl = origin + routes.publicBadge(slug, tracker.id);
  const embedUrl = origin + routes.publicEmbed(slug, tracker.id);
  return (
    <main className="mx-auto max-w-3xl space-y-6 px-4 py-6 sm:px-6">
      <nav aria-label="Breadcrumb" className="text-sm text-zinc-500">
        <Link href={routes.tracker(slug, trackerId)} className="hover:text-zinc-900">
          {tracker.name}
        </Link>
      </nav>
      <div>
        <h1 className="text-xl font-semibold">Public scorecard</h1>
        <p className="mt-1 text-sm text-zinc-600">
          A page anyone can read without signing in: each recommendation&apos;s status, its justification
          unless marked internal, the evidence marked public, and progress per section. Comments, actions,
          owners, members, internal justifications, non-public evidence and archived items are never shown.
        </p>
      </div>
      <Card title="Status" titleClassName="mb-2">
        {publication ? (
          <div className="space-y-3 text-sm" data-testid="publication-status">
            <p>
              <span className="rounded bg-green-50 px-1.5 py-0.5 text-xs font-medium text-green-800 ring-1 ring-green-200">
                Published
              </span>{" "}
              {publication.snapshot ? `the snapshot “${publication.snapshot.name}”` : "the live tracker"}{" "}
              since {formatDateTime(publication.publishedAt)}
              {publication.publishedBy ? ` by ${publication.publishedBy.name}` : ""}.
            </p>
            <a
              href={routes.publicScorecard(slug, tracker.id)}
              target="_blank"
              rel="noopener noreferrer"
              className="inline-flex items-center gap-1 font-medium text-indigo-700 hover:underline"
            >
              Open the public page <ExternalIcon aria-hidden className="size-3.5" />
            </a>
            <UnpublishForm workspaceSlug={slug} trackerId={tracker.id} />
          </div>
        ) : (
          <p className="text-sm text-zinc-600" data-testid="publication-status">
            Not published. Choose what to publish below; the page goes live at once.
          </p>
        )}
      </Card>
      <Card title={publication ? "Change what is published" : "Publish"} titleClassName="mb-3">
        <PublishForm
          workspaceSlug={slug}
          trackerId={tracker.id}
          current={publication ? (publication.snapshotId ?? "live") : null}
          snapshots={snapshots.map((s) => ({ id: s.id, label: `${s.name} (as of ${formatDate(s.asOf)})` }))}
        />
      </Card>
      {publication ? (
        <Card title="Share and embed" titleClassName="mb-3">
          <div className="space-y-4">
            <Snippet label="Public link" value={publicUrl} />
            <Snippet
              label="Badge (HTML)"
              value={`<a href="${publicUrl}"><img src="${badgeUrl}" alt="Progress on ${tracker.name.replace(/"/g, "&quot;")}"></a>`}
            />
            <Snippet label="Badge (Markdown)" value={`[![Progress](${badgeUrl})](${publicUrl})`} />
            <Snippet
              label="Embed (iframe)"
              value={`<iframe src="${embedUrl}" title="${tracker.name.replace(/"/g, "&quot;")}: progress" width="420" height="320" style="border:0" loading="lazy"></iframe>`}
            />
          </div>
        </Card>
      ) : null}
    </main>
  );
}
