"use client";

import type { ReactNode } from "react";
import { useServerAction } from "@/components/ui/use-server-action";
import { moveRecommendationAction } from "@/lib/recommendations/actions";

/**
 * One client component for the whole list's "move up / move down" buttons: the rows are server-rendered and
 * carry plain buttons (data-move, data-id); this list handles their clicks (one listener, not one client
 * component per row).
 */
export function ReorderList({
  workspaceSlug,
  className,
  children,
}: {
  workspaceSlug: string;
  className?: string;
  children: ReactNode;
}) {
  const move = useServerAction(moveRecommendationAction);
  return (
    <ul
      className={className}
      aria-busy={move.isPending}
      onClick={(event) => {
        const button = (event.target as Element).closest<HTMLButtonElement>("button[data-move]");
        const id = button?.dataset.id;
        const direction = button?.dataset.move;
        if (!id || (direction !== "up" && direction !== "down") || move.isPending) return;
        void move.run({ workspaceSlug, id, direction });
      }}
    >
      {children}
    </ul>
  );
}
