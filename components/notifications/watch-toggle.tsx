"use client";

import { useOptimistic } from "react";
import { Toggle } from "radix-ui";
import { Bell, BellOff, Loader2 } from "lucide-react";
import { useServerAction } from "@/components/ui/use-server-action";
import { buttonClass } from "@/components/ui/button";
import { setWatchingAction } from "@/lib/notifications/actions";
import { cn } from "@/lib/cn";

/**
 * "Watching" / "Watch": a Radix toggle button (aria-pressed) for a recommendation or a tracker. Watching
 * means notifications about status changes, comments, evidence and archiving.
 */
export function WatchToggle({
  workspaceSlug,
  target,
  isWatching,
  note,
}: {
  workspaceSlug: string;
  target: { recommendationId: string } | { trackerId: string };
  isWatching: boolean;
  /** e.g. "through the tracker" */
  note?: string;
}) {
  const [shown, setShown] = useOptimistic(isWatching);
  const { run, isPending } = useServerAction(setWatchingAction);
  const what = "recommendationId" in target ? "recommendation" : "tracker";
  return (
    <Toggle.Root
      pressed={shown}
      disabled={isPending}
      onPressedChange={(pressed) =>
        void run(
          { workspaceSlug, ...target, isWatching: String(pressed) },
          { optimistic: () => setShown(pressed) },
        )
      }
      aria-label={shown ? `Watching this ${what}; press to stop` : `Watch this ${what}`}
      title={
        shown
          ? `You get notified about status changes, comments, evidence and archiving${note ? ` (${note})` : ""}`
          : `Get notified about status changes, comments, evidence and archiving`
      }
      data-testid="watch-toggle"
      className={cn(
        buttonClass("secondary", "sm"),
        "w-28",
        shown && "bg-indigo-50 text-indigo-800 ring-indigo-200",
      )}
    >
      {isPending ? (
        <Loader2 aria-hidden className="size-4 animate-spin" />
      ) : shown ? (
        <Bell aria-hidden className="size-4" />
      ) : (
        <BellOff aria-hidden className="size-4" />
      )}
      {shown ? "Watching" : "Watch"}
    </Toggle.Root>
  );
}
