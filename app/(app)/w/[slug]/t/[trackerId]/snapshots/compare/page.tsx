import Link from "next/link";
import { notFound } from "next/navigation";
import { ArrowRight } from "lucide-react";
import { getFormatter, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { StatusBadge } from "@/components/recommendations/status-badge";
import { ExternalLink } from "@/components/ui/external-link";
import { requirePageMembership } from "@/lib/server/authz";
import { findTracker, getSnapshot, readLiveItems } from "@/lib/snapshots/queries";
import { compareItems, type ItemChange } from "@/lib/snapshots/rules";
import { CompareQuerySchema } from "@/lib/snapshots/schemas";
import { routes } from "@/lib/routes";

/** What changed between a snapshot and another one, or now: status moves with their direction, new evidence. */
export default async function ComparePage({
  params,
  searchParams,
}: PageProps<"/w/[slug]/t/[trackerId]/snapshots/compare">) {
  const { slug, trackerId } = await params;
  const { workspace } = await requirePageMembership(slug);
  const tracker = await findTracker(workspace.id, trackerId);
  if (!tracker) notFound();
  const t = await getTranslations("snapshots.compare");
  const tCommon = await getTranslations("common");
  const format = await getFormatter();
  const day = (date: Date) => format.dateTime(date, "day");
  const language = tracker.language ?? undefined;
  const query = CompareQuerySchema.safeParse(await searchParams);
  if (!query.success)
    return (
      <main className="mx-auto max-w-4xl space-y-4 px-4 py-6 sm:px-6">
        <h1 className="text-xl font-semibold">{t("title")}</h1>
        <Card>
          <p className="text-sm text-zinc-600">
            {t("choose")}{" "}
            <Link
              href={routes.trackerPage(slug, trackerId, "snapshots")}
              className="font-medium text-indigo-700 hover:underline"
            >
              {t.rich("seeSnapshots", { tracker: () => <span lang={language}>{tracker.name}</span> })}
            </Link>
          </p>
        </Card>
      </main>
    );
  const from = await getSnapshot(workspace.id, tracker.id, query.data.from);
  const to = query.data.to === "now" ? null : await getSnapshot(workspace.id, tracker.id, query.data.to);
  if (!from || (query.data.to !== "now" && !to)) notFound();
  const laterItems = to ? to.items : await readLiveItems(workspace.id, tracker.id);
  const result = compareItems(from.items, laterItems);
  const groups: { key: string; title: string; hint: string; items: ItemChange[] }[] = [
    { key: "advanced", title: t("advanced"), hint: t("advancedHint"), items: result.advanced },
    { key: "regressed", title: t("regressed"), hint: t("regressedHint"), items: result.regressed },
    { key: "achieved", title: t("newlyAchieved"), hint: t("newlyAchievedHint"), items: result.newlyAchieved },
    { key: "evidence", title: t("newEvidence"), hint: t("newEvidenceHint"), items: result.newEvidenceOnly },
    { key: "added", title: t("added"), hint: t("addedHint"), items: result.added },
    { key: "removed", title: t("removed"), hint: t("removedHint"), items: result.removed },
  ];
  return (
    <main className="mx-auto max-w-4xl space-y-6 px-4 py-6 sm:px-6">
      <nav aria-label={tCommon("breadcrumb")} className="text-sm text-zinc-500">
        <Link href={routes.tracker(slug, trackerId)} className="hover:text-zinc-900" lang={language}>
          {tracker.name}
        </Link>
        {" / "}
        <Link href={routes.trackerPage(slug, trackerId, "snapshots")} className="hover:text-zinc-900">
          {t("breadcrumb")}
        </Link>
      </nav>
      <div>
        <h1 className="text-xl font-semibold">
          <span lang={language}>{from.name}</span>{" "}
          <span className="text-zinc-400">
            <span aria-hidden className="inline-block rtl:-scale-x-100">
              →
            </span>
            <span className="sr-only">{t("to")}</span>
          </span>{" "}
          {to ? <span lang={language}>{to.name}</span> : t("now")}
        </h1>
        <p className="mt-1 text-sm text-zinc-600" data-testid="compare-summary">
          {t("summary", {
            from: day(from.asOf),
            to: to ? t("toSnapshot", { name: to.name, date: day(to.asOf) }) : t("toNow"),
            advanced: result.advanced.length,
            regressed: result.regressed.length,
            newlyAchieved: result.newlyAchieved.length,
            unchanged: result.unchangedCount,
          })}
        </p>
      </div>
      {groups.every((group) => group.items.length === 0) ? (
        <Card>
          <p className="text-sm text-zinc-600">{t("nothing")}</p>
        </Card>
      ) : null}
      {groups
        .filter((group) => group.items.length > 0)
        .map((group) => (
          <Card
            key={group.key}
            isFlush
            title={t("groupTitle", { title: group.title, count: group.items.length })}
          >
            <p className="border-b border-zinc-100 px-4 py-2 text-xs text-zinc-500">{group.hint}</p>
            <ul className="divide-y divide-zinc-100">
              {group.items.map((change) => (
                <li key={change.recommendationId} className="px-4 py-3">
                  <div className="flex flex-wrap items-center gap-2">
                    <Link
                      href={routes.recommendation(slug, trackerId, change.recommendationId)}
                      className="min-w-0 flex-1 font-medium text-indigo-700 hover:underline"
                      lang={language}
                    >
                      {change.referenceId ? `${change.referenceId} · ` : ""}
                      {change.title}
                    </Link>
                    {change.from ? (
                      <StatusBadge status={change.from} />
                    ) : (
                      <span className="text-xs text-zinc-500">{t("new")}</span>
                    )}
                    <ArrowRight aria-label={t("to")} className="size-3.5 text-zinc-400 rtl:-scale-x-100" />
                    {change.to ? (
                      <StatusBadge status={change.to} />
                    ) : (
                      <span className="text-xs text-zinc-500">{t("gone")}</span>
                    )}
                  </div>
                  <p className="mt-0.5 text-xs text-zinc-500" lang={language}>
                    {change.sectionTitle}
                  </p>
                  {change.newEvidence.length > 0 ? (
                    <ul className="mt-1 space-y-0.5 text-xs" aria-label={t("newEvidenceList")}>
                      {change.newEvidence.map((e) => (
                        <li key={e.url}>
                          {t.rich("newEvidenceItem", {
                            link: () => (
                              <ExternalLink href={e.url} className="text-indigo-700 hover:underline">
                                <span lang={language}>{e.title}</span>
                              </ExternalLink>
                            ),
                          })}
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </li>
              ))}
            </ul>
          </Card>
        ))}
    </main>
  );
}
