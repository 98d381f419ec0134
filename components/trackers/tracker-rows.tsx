"use client";

import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { Icon } from "@/components/trackers/icons";
import { useServerAction } from "@/components/ui/use-server-action";
import type { RecommendationStatus } from "@/lib/generated/prisma/enums";
import { moveRecommendationAction } from "@/lib/recommendations/actions";

/** What a list row needs, and nothing more: the page sends these small objects, not rendered rows. */
export type RowData = {
  id: string;
  title: string;
  status: RecommendationStatus;
  actor: string | null;
  /** ISO day (yyyy-mm-dd) */
  due: string | null;
  isOverdue: boolean;
  evidence: number;
  comments: number;
  owners: string[];
};

const initials = (name: string) =>
  name
    .split(/\s+/)
    .map((part) => part[0])
    .join("")
    .slice(0, 2)
    .toUpperCase();

/**
 * One page's rows of the tracker list: one client component for the whole list (it renders the rows from
 * RowData and handles every row's "move up / move down"), instead of a client component per row. Styling is
 * in app/globals.css (.rec*, .pill, .st-<STATUS>) so that each row carries short class names.
 */
export function TrackerRows({
  rows,
  hrefBase,
  workspaceSlug,
  canReorder,
  lang,
}: {
  rows: RowData[];
  /** the recommendation URL without its id */
  hrefBase: string;
  workspaceSlug: string;
  canReorder: boolean;
  /** the tracker's content language, when it declares one */
  lang?: string;
}) {
  const t = useTranslations("trackerClient");
  const ts = useTranslations("status");
  const tc = useTranslations("common");
  const format = useFormatter();
  const move = useServerAction(moveRecommendationAction);
  const onMove = (id: string, direction: "up" | "down") => {
    if (!move.isPending) void move.run({ workspaceSlug, id, direction });
  };
  return (
    <ul className="divide-y divide-zinc-100" aria-busy={move.isPending}>
      {rows.map((row) => {
        return (
          <li key={row.id} className="rec">
            <Link href={hrefBase + row.id} className="rec-row">
              <span className="rec-t" id={`t-${row.id}`} lang={lang}>
                {row.title}
              </span>
              <span className="rec-meta">
                {row.actor ? <span className="rec-a">{row.actor}</span> : null}
                {row.due ? (
                  <span className={row.isOverdue ? "rec-i font-medium text-red-700" : "rec-i"}>
                    <Icon name="due" />
                    {row.isOverdue
                      ? t("overdueOn", { date: format.dateTime(new Date(row.due), "day") })
                      : format.dateTime(new Date(row.due), "day")}
                  </span>
                ) : null}
                {row.evidence > 0 ? (
                  <span className="rec-i" aria-label={t("evidenceCount", { count: row.evidence })}>
                    <Icon name="evidence" />
                    {row.evidence}
                  </span>
                ) : null}
                {row.comments > 0 ? (
                  <span className="rec-i" aria-label={t("commentCount", { count: row.comments })}>
                    <Icon name="comments" />
                    {row.comments}
                  </span>
                ) : null}
                {row.owners.length ? (
                  <span
                    className="rec-av"
                    role="img"
                    aria-label={tc("ownersList", { names: row.owners.join(", ") })}
                  >
                    {row.owners.slice(0, 3).map((name, i) => (
                      <span key={i}>{initials(name)}</span>
                    ))}
                    {row.owners.length > 3 ? <span>+{row.owners.length - 3}</span> : null}
                  </span>
                ) : (
                  <span className="text-zinc-500">{tc("unassigned")}</span>
                )}
                <span className={`pill st-${row.status}`}>{ts(`${row.status}.label`)}</span>
              </span>
            </Link>
            {canReorder ? (
              <span className="rec-move">
                <button
                  type="button"
                  disabled={move.isPending}
                  aria-label={t("moveUp")}
                  aria-describedby={`t-${row.id}`}
                  onClick={() => onMove(row.id, "up")}
                >
                  <Icon name="up" />
                </button>
                <button
                  type="button"
                  disabled={move.isPending}
                  aria-label={t("moveDown")}
                  aria-describedby={`t-${row.id}`}
                  onClick={() => onMove(row.id, "down")}
                >
                  <Icon name="down" />
                </button>
              </span>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
