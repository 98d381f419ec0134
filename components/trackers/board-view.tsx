import Link from "next/link";
import { StatusBadge } from "@/components/recommendations/status-badge";
import { OwnerNames } from "@/components/trackers/owner-names";
import { trackerHref, type TrackerViewProps } from "@/components/trackers/view-props";
import { statusMeta } from "@/lib/status";
import { BOARD_COLUMN_SIZE, listBoardColumns } from "@/lib/trackers/queries";
import { routes } from "@/lib/routes";

/** The board: one column per status, with its count and first cards. */
export async function BoardView(props: TrackerViewProps) {
  const { workspaceSlug: slug, workspaceId, trackerId, userId, filters } = props;
  const columns = await listBoardColumns(workspaceId, trackerId, userId, filters);
  return (
    <div className="-mx-4 mt-4 overflow-x-auto px-4 pb-2 sm:-mx-6 sm:px-6" aria-describedby="board-hint">
      <p id="board-hint" className="mb-2 text-xs text-zinc-500">
        One column per status; scroll sideways to see them all.
      </p>
      <div className="grid auto-cols-[16rem] grid-flow-col gap-3">
        {columns.map((column) => (
          <section
            key={column.status}
            aria-label={`${statusMeta[column.status].label}: ${column.count ?? (column.hasMore ? `${column.rows.length}+` : column.rows.length)}`}
            className="flex min-h-40 flex-col rounded-xl bg-zinc-100/80 p-2 ring-1 ring-zinc-200"
          >
            <h2 className="flex items-center justify-between px-1.5 py-1 text-sm font-semibold">
              <StatusBadge status={column.status} />
              <span className="text-xs font-normal text-zinc-600 tabular-nums">
                {column.count !== null
                  ? column.count.toLocaleString("en")
                  : `${column.rows.length}${column.hasMore ? "+" : ""}`}
              </span>
            </h2>
            <p className="px-1.5 text-xs text-zinc-600">{statusMeta[column.status].meaning}</p>
            <ul className="mt-2 space-y-2">
              {column.rows.map((row) => (
                <li key={row.id}>
                  <Link
                    href={routes.recommendation(slug, trackerId, row.id)}
                    className="block rounded-lg bg-white p-2.5 text-sm shadow-xs ring-1 ring-zinc-200 hover:ring-indigo-300"
                  >
                    <span className="font-medium">{row.title}</span>
                    <span className="mt-2 flex items-center justify-between gap-2 text-xs text-zinc-500">
                      <span className={row.isOverdue ? "font-medium text-red-700" : undefined}>
                        {row.isOverdue ? "Overdue" : (row.targetActor ?? "")}
                      </span>
                      <OwnerNames owners={row.owners} />
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
            {column.rows.length === 0 ? (
              <p className="px-1.5 py-4 text-center text-xs text-zinc-600">Nothing here</p>
            ) : null}
            <div className="mt-2 flex flex-wrap gap-x-3 px-1.5 text-xs font-medium text-indigo-700">
              {column.isContinued ? (
                <Link href={trackerHref(props, {})} className="hover:underline">
                  Back to the first cards
                </Link>
              ) : null}
              {column.nextCursor ? (
                <Link
                  href={trackerHref(props, { column: column.status, after: column.nextCursor })}
                  className="hover:underline"
                >
                  Next {BOARD_COLUMN_SIZE}
                </Link>
              ) : null}
              {column.hasMore ? (
                <Link
                  href={trackerHref(props, { view: "list", status: [column.status], page: 1 })}
                  className="hover:underline"
                >
                  {column.count !== null
                    ? `See all ${column.count.toLocaleString("en")} in the list`
                    : "See all in the list"}
                </Link>
              ) : null}
            </div>
          </section>
        ))}
      </div>
    </div>
  );
}
