"use client";

import Link from "next/link";
import { Check, CheckCheck, Circle } from "lucide-react";
import { useTranslations } from "next-intl";
import { useServerAction } from "@/components/ui/use-server-action";
import { Button } from "@/components/ui/button";
import { markAllReadAction, setNotificationReadAction } from "@/lib/notifications/actions";
import { LIVE_NOTIFICATION_EVENT } from "@/components/live/live-provider";

/** Tells the bell (and other listeners in this tab) that the unread count changed. */
const refreshBell = () => window.dispatchEvent(new CustomEvent(LIVE_NOTIFICATION_EVENT));

export function ToggleReadButton({ notificationId, isRead }: { notificationId: string; isRead: boolean }) {
  const t = useTranslations("notificationsClient");
  const { run, isPending } = useServerAction(setNotificationReadAction, { onSuccess: refreshBell });
  const label = isRead ? t("markUnread") : t("markRead");
  return (
    <Button
      type="button"
      variant="ghost"
      size="sm"
      isPending={isPending}
      onClick={() => void run({ notificationId, isRead: String(!isRead) })}
      aria-label={label}
      title={label}
    >
      {isRead ? <Circle className="size-4" aria-hidden /> : <Check className="size-4" aria-hidden />}
      <span className="sr-only sm:not-sr-only">{isRead ? t("unread") : t("read")}</span>
    </Button>
  );
}

export function MarkAllReadButton({ isDisabled }: { isDisabled: boolean }) {
  const t = useTranslations("notificationsClient");
  const { run, isPending } = useServerAction(markAllReadAction, { onSuccess: refreshBell });
  return (
    <Button
      type="button"
      variant="secondary"
      size="sm"
      isPending={isPending}
      disabled={isDisabled}
      onClick={() => void run({})}
    >
      <CheckCheck className="size-4" aria-hidden />
      {t("markAllRead")}
    </Button>
  );
}

/** Opening an entry marks it read (the recommendation page does too); the link itself is a normal link. */
export function OpenEntryLink({
  href,
  notificationId,
  isRead,
  children,
}: {
  href: string;
  notificationId: string;
  isRead: boolean;
  children: React.ReactNode;
}) {
  const { run } = useServerAction(setNotificationReadAction, { notify: false, onSuccess: refreshBell });
  return (
    <Link
      href={href}
      className="block min-w-0 rounded-sm focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
      onClick={() => {
        if (!isRead) void run({ notificationId, isRead: "true" });
      }}
    >
      {children}
    </Link>
  );
}
