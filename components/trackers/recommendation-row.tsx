import Link from "next/link";
import { Avatars } from "@/components/recommendations/status-badge";
import { Icon } from "@/components/trackers/icons";
import { StatusPill } from "@/components/trackers/status-pill";
import { formatDate } from "@/lib/dates";
import type { RecommendationRow as Row } from "@/lib/trackers/queries";

/**
 * One row of the list, server-rendered. Its reorder buttons are plain buttons handled by the list's one
 * client component (ReorderList); the icons come from the page's sprite (IconSprite).
 */
export function RecommendationRow({
  row,
  href,
  canReorder,
}: {
  row: Row;
  href: string;
  canReorder?: boolean;
}) {
  return (
    <li className="group flex items-center">
      <Link href={href} className="rec-row">
        <span className="min-w-0 flex-1 text-sm font-medium text-zinc-900">{row.title}</span>
        <span className="rec-meta">
          {row.targetActor ? <span className="hidden lg:inline">{row.targetActor}</span> : null}
          {row.dueDate ? (
            <span className={row.isOverdue ? "rec-i font-medium text-red-700" : "rec-i"}>
              <Icon name="due" />
              {row.isOverdue ? "Overdue · " : ""}
              {formatDate(row.dueDate)}
            </span>
          ) : null}
          {row.evidenceCount > 0 ? (
            <span className="rec-i" aria-label={`${row.evidenceCount} evidence links`}>
              <Icon name="evidence" />
              {row.evidenceCount}
            </span>
          ) : null}
          {row.commentCount > 0 ? (
            <span className="rec-i" aria-label={`${row.commentCount} comments`}>
              <Icon name="comments" />
              {row.commentCount}
            </span>
          ) : null}
          <Avatars people={row.owners} />
          <StatusPill status={row.status} />
        </span>
      </Link>
      {canReorder ? (
        <span className="rec-move">
          <button type="button" data-move="up" data-id={row.id} aria-label={`Move up: ${row.title}`}>
            <Icon name="up" />
          </button>
          <button type="button" data-move="down" data-id={row.id} aria-label={`Move down: ${row.title}`}>
            <Icon name="down" />
          </button>
        </span>
      ) : null}
    </li>
  );
}
