"use client";

import { useFormatter, useTranslations } from "next-intl";
import { Icon } from "@/components/ui/icon";
import { useSoftNavigation } from "@/components/ui/soft-links";
import { useServerAction } from "@/components/ui/use-server-action";
import type { RecommendationStatus } from "@/lib/generated/prisma/enums";
import { moveRecommendationAction } from "@/lib/recommendations/actions";

/**
 * What a list row needs, and nothing more: the page sends these small tuples (no property names repeated on
 * every row of the RSC payload), not rendered rows.
 */
export type RowData = [
  id: string,
  title: string,
  status: RecommendationStatus,
  actor: string | null,
  /** ISO day (yyyy-mm-dd) */
  due: string | null,
  isOverdue: 0 | 1,
  evidence: number,
  comments: number,
  owners: string[],
];

/** One call per distinct argument within a render: rows repeat the same counts, statuses and days. */
function perValue<T extends string | number>(make: (value: T) => string): (value: T) => string {
  const made = new Map<T, string>();
  return (value) => {
    let text = made.get(value);
    if (text === undefined) made.set(value, (text = make(value)));
    return text;
  };
}

const initials = (name: string) =>
  name
    .split(/\s+/)
    .map((part) => part[0])
    .join("")
    .slice(0, 2)
    .toUpperCase();

/**
 * One page's rows of the tracker list: one client component for the whole list (it renders the rows from
 * RowData and, in reorder mode, handles every row's "move up / move down"), instead of a client component per row. Styling is
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
  // Formatting a message is the costliest part of a row on the server: each distinct one is formatted once.
  const day = perValue((due: string) => format.dateTime(new Date(due), "day"));
  const overdueOn = perValue((due: string) => t("overdueOn", { date: day(due) }));
  const evidenceLabel = perValue((count: number) => t("evidenceCount", { count }));
  const commentLabel = perValue((count: number) => t("commentCount", { count }));
  const statusLabel = perValue((status: RecommendationStatus) => ts(`${status}.label`));
  const move = useServerAction(moveRecommendationAction);
  const navigate = useSoftNavigation();
  const onMove = (id: string, direction: "up" | "down") => {
    if (!move.isPending) void move.run({ workspaceSlug, id, direction });
  };
  return (
    <ul className="divide-y divide-zinc-100" aria-busy={move.isPending} {...navigate}>
      {rows.map(([id, title, status, actor, due, isOverdue, evidence, comments, owners]) => {
        return (
          <li key={id} className="rec">
            <a href={hrefBase + id} className="rec-row">
              <span className="rec-t" id={canReorder ? `t-${id}` : undefined} lang={lang}>
                {title}
              </span>
              <span className="rec-meta">
                {actor ? <span className="rec-a">{actor}</span> : null}
                {due ? (
                  <span className={isOverdue ? "rec-i font-medium text-red-700" : "rec-i"}>
                    <Icon name="due" />
                    {isOverdue ? overdueOn(due) : day(due)}
                  </span>
                ) : null}
                {evidence > 0 ? (
                  <span className="rec-i" aria-label={evidenceLabel(evidence)}>
                    <Icon name="evidence" />
                    {evidence}
                  </span>
                ) : null}
                {comments > 0 ? (
                  <span className="rec-i" aria-label={commentLabel(comments)}>
                    <Icon name="comments" />
                    {comments}
                  </span>
                ) : null}
                {owners.length ? (
                  <span
                    className="rec-av"
                    role="img"
                    aria-label={tc("ownersList", { names: owners.join(", ") })}
                  >
                    {owners.slice(0, 3).map((name, i) => (
                      <span key={i}>{initials(name)}</span>
                    ))}
                    {owners.length > 3 ? <span>+{owners.length - 3}</span> : null}
                  </span>
                ) : (
                  <span className="text-zinc-500">{tc("unassigned")}</span>
                )}
                <span className={`pill st-${status}`}>{statusLabel(status)}</span>
              </span>
            </a>
            {canReorder ? (
              <span className="rec-move">
                <button
                  type="button"
                  disabled={move.isPending}
                  aria-label={t("moveUp")}
                  aria-describedby={`t-${id}`}
                  onClick={() => onMove(id, "up")}
                >
                  <Icon name="up" />
                </button>
                <button
                  type="button"
                  disabled={move.isPending}
                  aria-label={t("moveDown")}
                  aria-describedby={`t-${id}`}
                  onClick={() => onMove(id, "down")}
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
