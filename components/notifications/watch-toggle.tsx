"use client";

import { useOptimistic } from "react";
import { Toggle } from "radix-ui";
import { Loader2 } from "lucide-react";
import { Icon } from "@/components/ui/icon";
import { useTranslations } from "next-intl";
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
  /** Already in the reader's language, e.g. "through its tracker". */
  note?: string;
}) {
  const t = useTranslations("notificationsClient");
  const [shown, setShown] = useOptimistic(isWatching);
  const { run, isPending } = useServerAction(setWatchingAction);
  const what = "recommendationId" in target ? "recommendation" : "tracker";
  const watchingTitle = note ? t("watchingTitleWithNote", { note }) : t("watchingTitle");
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
      aria-label={shown ? t("watchingLabel", { target: what }) : t("watchLabel", { target: what })}
      title={shown ? watchingTitle : t("watchTitle")}
      data-testid="watch-toggle"
      className={cn(
        buttonClass("secondary", "sm"),
        "min-w-28",
        shown && "bg-indigo-50 text-indigo-800 ring-indigo-200",
      )}
    >
      {isPending ? (
        <Loader2 aria-hidden className="size-4 animate-spin" />
      ) : shown ? (
        <Icon name="bell" className="size-4" />
      ) : (
        <Icon name="bell-off" className="size-4" />
      )}
      {shown ? t("watching") : t("watch")}
    </Toggle.Root>
  );
}
