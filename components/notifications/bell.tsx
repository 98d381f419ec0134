"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { routes } from "@/lib/routes";
import { fetchJson } from "@/components/ui/fetch-json";
import { cn } from "@/lib/cn";
import { Icon } from "@/components/ui/icon";
import { LIVE_NOTIFICATION_EVENT } from "@/components/live/live-provider";

/**
 * The header's bell: the unread count, rendered by the server and re-fetched from
 * /api/notifications/unread-count when the live stream says a notification arrived
 * (`window` event "live:notification") and when the window regains focus.
 */
export function NotificationBell({ initialUnread }: { initialUnread: number }) {
  const t = useTranslations("notificationsClient");
  const [unread, setUnread] = useState(initialUnread);
  const inFlight = useRef(false);

  // A new count from the server (after a navigation that re-rendered the header) replaces the local one.
  const [serverUnread, setServerUnread] = useState(initialUnread);
  if (serverUnread !== initialUnread) {
    setServerUnread(initialUnread);
    setUnread(initialUnread);
  }

  const refresh = useCallback(async () => {
    if (inFlight.current) return;
    inFlight.current = true;
    try {
      const result = await fetchJson<{ unread: number }>(routes.api.unreadCount(), { method: "GET" }, "");
      if (result.ok && typeof result.data.unread === "number") setUnread(result.data.unread);
    } finally {
      inFlight.current = false;
    }
  }, []);

  useEffect(() => {
    const onLive = () => void refresh();
    window.addEventListener(LIVE_NOTIFICATION_EVENT, onLive);
    window.addEventListener("focus", onLive);
    return () => {
      window.removeEventListener(LIVE_NOTIFICATION_EVENT, onLive);
      window.removeEventListener("focus", onLive);
    };
  }, [refresh]);

  const label = unread === 0 ? t("bellNone") : t("bellUnread", { count: unread });
  return (
    <Link
      href={routes.inbox()}
      aria-label={label}
      title={label}
      data-testid="notification-bell"
      className="relative inline-flex size-9 items-center justify-center rounded-md text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
    >
      <Icon name="bell" className="size-5" />
      <span
        aria-hidden
        data-testid="notification-count"
        className={cn(
          "absolute -end-0.5 -top-0.5 min-w-[1.125rem] rounded-full bg-indigo-600 px-1 text-center text-[11px] leading-[1.125rem] font-semibold text-white tabular-nums",
          unread === 0 && "invisible",
        )}
      >
        {unread > 99 ? "99+" : unread}
      </span>
    </Link>
  );
}
