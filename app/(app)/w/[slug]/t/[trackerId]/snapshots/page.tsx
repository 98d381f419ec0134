import Link from "next/link";
import { notFound } from "next/navigation";
import { Camera, GitCompare } from "lucide-react";
import { getFormatter, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { buttonClass } from "@/components/ui/button";
import { CreateSnapshotForm } from "@/components/snapshots/create-snapshot-form";
import { requirePageMembership } from "@/lib/server/authz";
import { findTracker, listSnapshots } from "@/lib/snapshots/queries";
import { can } from "@/lib/permissions";
import { routes } from "@/lib/routes";

/** A tracker's snapshots (report cards): take one (admins), open, compare. */
export default async function SnapshotsPage({ params }: PageProps<"/w/[slug]/t/[trackerId]/snapshots">) {
  const { slug, trackerId } = await params;
  const { workspace, role } = await requirePageMembership(slug);
  const tracker = await findTracker(workspace.id, trackerId);
  if (!tracker) notFound();
  const snapshots = await listSnapshots(workspace.id, tracker.id);
  const canManage = can(role, "snapshot.manage");
  const t = await getTranslations("snapshots");
  const tCommon = await getTranslations("common");
  const format = await getFormatter();
  const language = tracker.language ?? undefined;
  return (
    <main className="mx-auto max-w-4xl space-y-6 px-4 py-6 sm:px-6">
      <nav aria-label={tCommon("breadcrumb")} className="text-sm text-zinc-500">
        <Link href={routes.tracker(slug, trackerId)} className="hover:text-zinc-900" lang={language}>
          {tracker.name}
        </Link>
      </nav>
      <div>
        <h1 className="text-xl font-semibold">{t("title")}</h1>
        <p className="mt-1 text-sm text-zinc-600">{t("intro")}</p>
      </div>
      {canManage ? (
        <Card title={t("take")} titleClassName="mb-3">
          <CreateSnapshotForm workspaceSlug={slug} trackerId={tracker.id} />
        </Card>
      ) : null}
      <Card isFlush title={t("reportCards")} aria-label={t("title")}>
        {snapshots.length === 0 ? (
          <div className="px-4 py-8 text-center text-sm text-zinc-600">
            <Camera aria-hidden className="mx-auto mb-2 size-6 text-zinc-400" />
            {t("empty")} {canManage ? t("emptyAdmin") : t("emptyMember")}
          </div>
        ) : (
          <ul className="divide-y divide-zinc-100">
            {snapshots.map((snapshot) => (
              <li key={snapshot.id} className="flex flex-wrap items-center gap-3 px-4 py-3">
                <div className="min-w-0 flex-1">
                  <Link
                    href={routes.snapshot(slug, tracker.id, snapshot.id)}
                    className="font-medium text-indigo-700 hover:underline"
                    lang={language}
                  >
                    {snapshot.name}
                  </Link>
                  {snapshot.isPublished ? (
                    <span className="ms-2 rounded bg-green-50 px-1.5 py-0.5 text-[11px] font-medium text-green-800 ring-1 ring-green-200">
                      {t("published")}
                    </span>
                  ) : null}
                  <p className="mt-0.5 text-xs text-zinc-500">
                    {snapshot.createdByName
                      ? t("lineBy", {
                          asOf: format.dateTime(snapshot.asOf, "day"),
                          count: snapshot.itemCount,
                          takenAt: format.dateTime(snapshot.createdAt, "dateTime"),
                          name: snapshot.createdByName,
                        })
                      : t("line", {
                          asOf: format.dateTime(snapshot.asOf, "day"),
                          count: snapshot.itemCount,
                          takenAt: format.dateTime(snapshot.createdAt, "dateTime"),
                        })}
                  </p>
                </div>
                <Link
                  href={routes.snapshotCompare(slug, tracker.id, snapshot.id, "now")}
                  className={buttonClass("secondary", "sm")}
                >
                  <GitCompare aria-hidden className="size-4" /> {t("compareWithNow")}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </main>
  );
}
