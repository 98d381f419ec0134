import Link from "next/link";
import { notFound } from "next/navigation";
import { ExternalLink as ExternalIcon } from "lucide-react";
import { getFormatter, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { PublishForm, Snippet, UnpublishForm } from "@/components/publishing/publish-panel";
import { requirePageMembership } from "@/lib/server/authz";
import { findTracker, listSnapshots } from "@/lib/snapshots/queries";
import { getPublicationForAdmin } from "@/lib/publishing/queries";
import { env } from "@/lib/server/env";
import { routes } from "@/lib/routes";

/** Text inside a double-quoted HTML attribute of a snippet. */
const attr = (text: string) => text.replace(/&/g, "&amp;").replace(/"/g, "&quot;");

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
  const t = await getTranslations("publishing");
  const tCommon = await getTranslations("common");
  const format = await getFormatter();
  const language = tracker.language ?? undefined;
  const origin = env().APP_URL.replace(/\/$/, "");
  const publicUrl = origin + routes.publicScorecard(slug, tracker.id);
  const badgeUrl = origin + routes.publicBadge(slug, tracker.id);
  const embedUrl = origin + routes.publicEmbed(slug, tracker.id);
  return (
    <main className="mx-auto max-w-3xl space-y-6 px-4 py-6 sm:px-6">
      <nav aria-label={tCommon("breadcrumb")} className="text-sm text-zinc-500">
        <Link href={routes.tracker(slug, trackerId)} className="hover:text-zinc-900" lang={language}>
          {tracker.name}
        </Link>
      </nav>
      <div>
        <h1 className="text-xl font-semibold">{t("title")}</h1>
        <p className="mt-1 text-sm text-zinc-600">{t("intro")}</p>
      </div>
      <Card title={t("status.title")} titleClassName="mb-2">
        {publication ? (
          <div className="space-y-3 text-sm" data-testid="publication-status">
            <p>
              <span className="rounded bg-green-50 px-1.5 py-0.5 text-xs font-medium text-green-800 ring-1 ring-green-200">
                {t("status.published")}
              </span>{" "}
              {publication.publishedBy
                ? t("status.sinceBy", {
                    what: publication.snapshot
                      ? t("status.snapshot", { name: publication.snapshot.name })
                      : t("status.live"),
                    date: format.dateTime(publication.publishedAt, "dateTime"),
                    name: publication.publishedBy.name,
                  })
                : t("status.since", {
                    what: publication.snapshot
                      ? t("status.snapshot", { name: publication.snapshot.name })
                      : t("status.live"),
                    date: format.dateTime(publication.publishedAt, "dateTime"),
                  })}
            </p>
            <a
              href={routes.publicScorecard(slug, tracker.id)}
              target="_blank"
              rel="noopener noreferrer"
              className="inline-flex items-center gap-1 font-medium text-indigo-700 hover:underline"
            >
              {t("status.open")} <ExternalIcon aria-hidden className="size-3.5" />
            </a>
            <UnpublishForm workspaceSlug={slug} trackerId={tracker.id} />
          </div>
        ) : (
          <p className="text-sm text-zinc-600" data-testid="publication-status">
            {t("status.notPublished")}
          </p>
        )}
      </Card>
      <Card title={publication ? t("change") : t("publish")} titleClassName="mb-3">
        <PublishForm
          workspaceSlug={slug}
          trackerId={tracker.id}
          current={publication ? (publication.snapshotId ?? "live") : null}
          snapshots={snapshots.map((s) => ({
            id: s.id,
            label: t("snapshotOption", { name: s.name, date: format.dateTime(s.asOf, "day") }),
          }))}
        />
      </Card>
      {publication ? (
        <Card title={t("share.title")} titleClassName="mb-3">
          <div className="space-y-4">
            <Snippet id="snippet-public-link" label={t("share.link")} value={publicUrl} />
            <Snippet
              id="snippet-badge-html"
              label={t("share.badgeHtml")}
              value={`<a href="${publicUrl}"><img src="${badgeUrl}" alt="${attr(t("share.badgeAlt", { tracker: tracker.name }))}"></a>`}
            />
            <Snippet
              id="snippet-badge-markdown"
              label={t("share.badgeMarkdown")}
              value={`[![${t("share.badgeMarkdownAlt").replace(/[[\]]/g, "")}](${badgeUrl})](${publicUrl})`}
            />
            <Snippet
              id="snippet-embed"
              label={t("share.embed")}
              value={`<iframe src="${embedUrl}" title="${attr(t("share.embedTitle", { tracker: tracker.name }))}" width="420" height="320" style="border:0" loading="lazy"></iframe>`}
            />
          </div>
        </Card>
      ) : null}
    </main>
  );
}
