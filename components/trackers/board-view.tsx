import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { StatusBadge } from "@/components/recommendations/status-badge";
import { OwnerNames } from "@/components/trackers/owner-names";
import { trackerHref, type TrackerViewProps } from "@/components/trackers/view-props";
import { BOARD_COLUMN_SIZE, listBoardColumns } from "@/lib/trackers/queries";
import { routes } from "@/lib/routes";
import { SoftLinks } from "@/components/ui/soft-links";

/** The board: one column per status, with its count and first cards (or the next ones, column by column). */
export async function BoardView(props: TrackerViewProps & { lang?: string }) {
  const { workspaceSlug: slug, workspaceId, trackerId, userId, filters, lang } = props;
  const t = await getTranslations("tracker.board");
  const ts = await getTranslations("status");
  const format = await getFormatter();
  const columns = await listBoardColumns(workspaceId, trackerId, userId, filters);
  return (
    <div className="-mx-4 mt-4 overflow-x-auto px-4 pb-2 sm:-mx-6 sm:px-6" aria-describedby="board-hint">
      <p id="board-hint" className="mb-2 text-xs text-zinc-500">
        {t("hint")}
      </p>
      {/* Cards are plain links (a Link and a prefetch per card would be 150 of each); SoftLinks navigates. */}
      <SoftLinks className="grid auto-cols-[16rem] grid-flow-col gap-3">
        {columns.map((column) => {
          // With filters beyond section and status there is no maintained count: "25+" says there is more.
          const shownCount =
            column.count !== null
              ? format.number(column.count)
              : `${format.number(column.rows.length)}${column.hasMore ? "+" : ""}`;
          return (
            <section
              key={column.status}
              aria-label={t("columnLabel", { status: ts(`${column.status}.label`), count: shownCount })}
              className="flex min-h-40 flex-col rounded-xl bg-zinc-100/80 p-2 ring-1 ring-zinc-200"
            >
              <h2 className="flex items-center justify-between px-1.5 py-1 text-sm font-semibold">
                <StatusBadge status={column.status} />
                <span className="text-xs font-normal text-zinc-600 tabular-nums">{shownCount}</span>
              </h2>
              <p className="px-1.5 text-xs text-zinc-600">{ts(`${column.status}.meaning`)}</p>
              <ul className="mt-2 space-y-2">
                {column.rows.map((row) => (
                  <li key={row.id}>
                    <a href={routes.recommendation(slug, trackerId, row.id)} className="bcard">
                      <span className="font-medium" lang={lang}>
                        {row.title}
                      </span>
                      <span className="bcard-meta">
                        <span className={row.isOverdue ? "font-medium text-red-700" : undefined}>
                          {row.isOverdue ? t("overdue") : (row.targetActor ?? "")}
                        </span>
                        <OwnerNames owners={row.owners} />
                      </span>
                    </a>
                  </li>
                ))}
              </ul>
              {column.rows.length === 0 ? (
                <p className="px-1.5 py-4 text-center text-xs text-zinc-600">{t("empty")}</p>
              ) : null}
              <div className="mt-2 flex flex-wrap gap-x-3 px-1.5 text-xs font-medium text-indigo-700">
                {column.isContinued ? (
                  <Link href={trackerHref(props, {})} className="hover:underline">
                    {t("backToFirst")}
                  </Link>
                ) : null}
                {column.nextCursor ? (
                  <Link
                    href={trackerHref(props, { column: column.status, after: column.nextCursor })}
                    className="hover:underline"
                  >
                    {t("nextCards", { count: BOARD_COLUMN_SIZE })}
                  </Link>
                ) : null}
                {column.hasMore ? (
                  <Link
                    href={trackerHref(props, { view: "list", status: [column.status], page: 1 })}
                    className="hover:underline"
                  >
                    {column.count !== null ? t("seeAllCount", { count: column.count }) : t("seeAll")}
                  </Link>
                ) : null}
              </div>
            </section>
          );
        })}
      </SoftLinks>
    </div>
  );
}
