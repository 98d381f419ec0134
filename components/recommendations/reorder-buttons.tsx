"use client";

import { ChevronDown, ChevronUp } from "lucide-react";
import { useTranslations } from "next-intl";
import { useServerAction } from "@/components/ui/use-server-action";
import { moveRecommendationAction } from "@/lib/recommendations/actions";
import { moveSectionAction } from "@/lib/sections/actions";

/** Move up / move down, keyboard reachable (a drag-free way to reorder). */
export function ReorderButtons({
  workspaceSlug,
  id,
  label,
  kind,
}: {
  workspaceSlug: string;
  id: string;
  label: string;
  kind: "recommendation" | "section";
}) {
  const t = useTranslations("trackerClient");
  const move = useServerAction(kind === "section" ? moveSectionAction : moveRecommendationAction);
  return (
    <span className="flex shrink-0 flex-col px-1 opacity-60 group-hover:opacity-100 focus-within:opacity-100">
      {(["up", "down"] as const).map((direction) => (
        <button
          key={direction}
          type="button"
          disabled={move.isPending}
          aria-label={
            direction === "up" ? t("moveUpItem", { title: label }) : t("moveDownItem", { title: label })
          }
          onClick={() => move.run({ workspaceSlug, id, direction })}
          className="rounded p-0.5 text-zinc-400 hover:bg-zinc-100 hover:text-zinc-800 disabled:opacity-40"
        >
          {direction === "up" ? (
            <ChevronUp aria-hidden className="size-3.5" />
          ) : (
            <ChevronDown aria-hidden className="size-3.5" />
          )}
        </button>
      ))}
    </span>
  );
}
