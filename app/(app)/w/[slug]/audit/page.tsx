import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Pagination } from "@/components/trackers/pagination";
import { AuditFilters } from "@/components/audit/audit-filters";
import { describeActivity } from "@/lib/events/describe";
import { AUDIT_PAGE_SIZE, listAuditEvents, parseAuditFilters } from "@/lib/audit/queries";
import { requirePageMembership } from "@/lib/server/authz";
import { routes } from "@/lib/routes";
import { Card } from "@/components/ui/card";

export default async function AuditPage({ params, searchParams }: PageProps<"/w/[slug]/audit">) {
  const { slug } = await params;
  const { workspace } = await requirePageMembership(slug, "audit.read");
  const filters = parseAuditFilters(await searchParams);
  const t = await getTranslations("audit");
  const tAll = await getTranslations();
  const format = await getFormatter();
  const { events, total, pageCount, actors, trackers } = await listAuditEvents(workspace.id, filters);
  const hrefFor = (page: number) => {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries({ ...filters, page: page > 1 ? String(page) : null }))
      if (value) query.set(key, String(value));
    return routes.audit(slug, query);
  };
  return (
    <main className="mx-auto max-w-5xl space-y-4 px-4 py-6 sm:px-6">
      <div>
        <h1 className="text-xl font-semibold">{t("title")}</h1>
        <p className="mt-1 text-sm text-zinc-600">{t("intro")}</p>
      </div>
      <AuditFilters values={filters} actors={actors} trackers={trackers} />
      <Card isFlush aria-label={t("events")}>
        {events.length === 0 ? (
          <p className="px-4 py-6 text-sm text-zinc-500">{t("none")}</p>
        ) : (
          <table className="w-full text-start text-sm">
            <thead className="border-b border-zinc-200 bg-zinc-50 text-xs text-zinc-500">
              <tr>
                <th scope="col" className="px-4 py-2 text-start font-medium">
                  {t("when")}
                </th>
                <th scope="col" className="px-4 py-2 text-start font-medium">
                  {t("who")}
                </th>
                <th scope="col" className="px-4 py-2 text-start font-medium">
                  {t("what")}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-100">
              {events.map((event) => (
                <tr key={event.id} className="align-top">
                  <td className="px-4 py-2 whitespace-nowrap text-zinc-500">
                    {format.dateTime(event.createdAt, "dateTime")}
                  </td>
                  <td className="px-4 py-2">{event.actor?.name ?? "—"}</td>
                  <td className="px-4 py-2">
                    {describeActivity(event.event, tAll)}
                    {event.recommendation ? (
                      <>
                        {" · "}
                        <Link
                          lang={event.tracker?.language ?? undefined}
                          href={routes.recommendation(
                            slug,
                            event.recommendation.trackerId,
                            event.recommendation.id,
                          )}
                          className="text-indigo-700 hover:underline"
                        >
                          {event.recommendation.title}
                        </Link>
                      </>
                    ) : event.tracker ? (
                      <span className="text-zinc-500">
                        {" · "}
                        <span lang={event.tracker.language ?? undefined}>{event.tracker.name}</span>
                      </span>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
      <Pagination
        page={filters.page}
        pageCount={pageCount}
        total={total}
        hrefFor={hrefFor}
        noun={t("noun", { count: total })}
      />
      <p className="text-xs text-zinc-500">{t("perPage", { count: AUDIT_PAGE_SIZE })}</p>
    </main>
  );
}
