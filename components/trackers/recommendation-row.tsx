import Link from "next/link";
import { CalendarClock, MessageSquare, Paperclip } from "lucide-react";
import { Avatars, StatusBadge } from "@/components/recommendations/status-badge";
import { ReorderButtons } from "@/components/recommendations/reorder-buttons";
import { cn } from "@/lib/cn";
import { formatDate } from "@/lib/dates";
import type { RecommendationRow as Row } from "@/lib/trackers/queries";

export function RecommendationRow({
  row,
  href,
  reorder,
}: {
  row: Row;
  href: string;
  reorder?: { workspaceSlug: string };
}) {
  return (
    <li className="group flex items-center">
      <Link
        href={href}
        className="flex min-w-0 flex-1 flex-col gap-2 px-4 py-2.5 hover:bg-zinc-50 sm:flex-row sm:items-center sm:gap-4"
      >
        <span className="min-w-0 flex-1 text-sm font-medium text-zinc-900">{row.title}</span>
        <span className="flex shrink-0 items-center gap-3 text-xs text-zinc-500">
          {row.targetActor ? <span className="hidden lg:inline">{row.targetActor}</span> : null}
          {row.dueDate ? (
            <span
              className={cn("inline-flex items-center gap-1", row.isOverdue && "font-medium text-red-700")}
            >
              <CalendarClock aria-hidden className="size-3.5" />
              {row.isOverdue ? "Overdue · " : ""}
              {formatDate(row.dueDate)}
            </span>
          ) : null}
          {row.evidenceCount > 0 ? (
            <span
              className="inline-flex items-center gap-1"
              aria-label={`${row.evidenceCount} evidence links`}
            >
              <Paperclip aria-hidden className="size-3.5" />
              {row.evidenceCount}
            </span>
          ) : null}
          {row.commentCount > 0 ? (
            <span className="inline-flex items-center gap-1" aria-label={`${row.commentCount} comments`}>
              <MessageSquare aria-hidden className="size-3.5" />
              {row.commentCount}
            </span>
          ) : null}
          <Avatars people={row.owners} />
          <StatusBadge status={row.status} className="w-36 justify-start" />
        </span>
      </Link>
      {reorder ? (
        <ReorderButtons
          workspaceSlug={reorder.workspaceSlug}
          id={row.id}
          label={row.title}
          kind="recommendation"
        />
      ) : null}
    </li>
  );
}
