import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { DashboardFilters } from "@/components/dashboard/dashboard-filters";
import { DashboardView } from "@/components/dashboard/dashboard-view";
import { parseDashboardOptions } from "@/lib/dashboard/rules";
import { getTrackerDashboard } from "@/lib/dashboard/queries";
import { requirePageMembership } from "@/lib/server/authz";
import { findTracker } from "@/lib/snapshots/queries";
import { getFilterOptions, getTrackerOutline } from "@/lib/trackers/queries";
import { parseTrackerFilters, toSearchParams } from "@/lib/trackers/filters";
import { routes } from "@/lib/routes";

export default async function TrackerDashboardPage({
  params,
  searchParams,
}: PageProps<"/w/[slug]/t/[trackerId]/dashboard">) {
  const { slug, trackerId } = await params;
  const search = await searchParams;
  // The tracker's own filter parsing; the dashboard honours section, tag, owner and target actor.
  const parsed = parseTrackerFilters(search);
  const filters = { section: parsed.section, tag: parsed.tag, owner: parsed.owner, actor: parsed.actor };
  const options = parseDashboardOptions(search);
  const { workspace, user } = await requirePageMembership(slug);
  const outline = await getTrackerOutline(workspace.id, trackerId);
  if (!outline) notFound();
  const sections = outline.sections.map(({ id, title }) => ({ id, title }));
  const t = await getTranslations("dashboard");
  const tCommon = await getTranslations("common");
  const [data, filterOptions, tracker] = await Promise.all([
    getTrackerDashboard(workspace.id, trackerId, sections, { ...filters, userId: user.id }, options),
    getFilterOptions(workspace.id),
    findTracker(workspace.id, trackerId),
  ]);
  const language = tracker?.language ?? undefined;
  const filterQuery = toSearchParams(filters);
  const dashboardQuery = (change: Record<string, string>) => {
    const query = new URLSearchParams(filterQuery);
    if (options.sinceKey !== "30d") query.set("since", options.sinceKey);
    if (options.staleDays !== 30) query.set("stale", String(options.staleDays));
    for (const [name, value] of Object.entries(change)) query.set(name, value);
    return query;
  };
  const hiddenFields: Record<string, string> = Object.fromEntries(dashboardQuery({}));

  return (
    <main className="mx-auto max-w-6xl px-4 py-6 sm:px-6">
      <nav aria-label={tCommon("breadcrumb")} className="text-sm text-zinc-500">
        <Link href={routes.workspace(slug)} className="hover:text-zinc-900">
          {t("breadcrumb")}
        </Link>
        <span aria-hidden> / </span>
        <Link
          href={routes.tracker(slug, trackerId, filterQuery)}
          className="hover:text-zinc-900"
          lang={language}
        >
          {outline.name}
        </Link>
      </nav>
      <h1 className="mt-1 text-xl font-semibold">{t("title")}</h1>
      <p className="mt-1 text-sm text-zinc-600">
        {t.rich("intro", { tracker: () => <span lang={language}>{outline.name}</span> })}
      </p>
      <div className="mt-4">
        <DashboardFilters
          filters={filters}
          hiddenFields={Object.fromEntries(
            Object.entries(hiddenFields).filter(([name]) => name === "since" || name === "stale"),
          )}
          options={{ ...filterOptions, sections }}
          language={language}
          clearHref={routes.trackerDashboard(slug, trackerId)}
        />
      </div>
      <div className="mt-6">
        <DashboardView
          data={data}
          options={options}
          hiddenFields={hiddenFields}
          language={language}
          links={{
            recommendation: (id) => routes.recommendation(slug, trackerId, id),
            withOptions: (change) => routes.trackerDashboard(slug, trackerId, dashboardQuery(change)),
          }}
        />
      </div>
    </main>
  );
}
