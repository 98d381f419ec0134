import Link from "next/link";
import { Pagination } from "@/components/trackers/pagination";
import { AuditFilters } from "@/components/audit/audit-filters";
import { describeActivity } from "@/lib/events/describe";
import { AUDIT_PAGE_SIZE, listAuditEvents, parseAuditFilters } from "@/lib/audit/queries";
import { requirePageMembership } from "@/lib/server/authz";
import { formatDateTime } from "@/lib/dates";
import { routes } from "@/lib/routes";
import { Card } from "@/components/ui/card";

export default async function AuditPage({ params, searchParams }: PageProps<"/w/[slug]/audit">) {
  const { slug } = await params;
  const { workspace } = await requirePageMembership(slug, "audit.read");
  const filters = parseAuditFilters(await searchParams);
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
        <h1 className="text-xl font-semibold">Audit log</h1>
        <p className="mt-1 text-sm text-zinc-600">
          Every change in this workspace, written in the same transaction as the change itself.
        </p>
      </div>
      <AuditFilters values={filters} actors={actors} trackers={trackers} />
      <Card isFlush aria-label="Events">
        {events.length === 0 ? (
          <p className="px-4 py-6 text-sm text-zinc-500">No events match these filters.</p>
        ) : (
          <table className="w-full text-left text-sm">
            <thead className="border-b border-zinc-200 bg-zinc-50 text-xs text-zinc-500">
              <tr>
                <th scope="col" className="px-4 py-2 font-medium">
                  When
                </th>
                <th scope="col" className="px-4 py-2 font-medium">
                  Who
                </th>
                <th scope="col" className="px-4 py-2 font-medium">
                  What
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-100">
              {events.map((event) => (
                <tr key={event.id} className="align-top">
                  <td className="px-4 py-2 whitespace-nowrap text-zinc-500">
                    {formatDateTime(event.createdAt)}
                  </td>
                  <td className="px-4 py-2">{event.actor?.name ?? "—"}</td>
                  <td className="px-4 py-2">
                    {describeActivity(event.event)}
                    {event.recommendation ? (
                      <>
                        {" · "}
                        <Link
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
                      <span className="text-zinc-500"> · {event.tracker.name}</span>
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
        noun={total === 1 ? "event" : "events"}
      />
      <p className="text-xs text-zinc-500">{AUDIT_PAGE_SIZE} events per page, newest first.</p>
    </main>
  );
}
