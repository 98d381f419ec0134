"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/server/auth/session";
import { formToObject, runAction } from "@/lib/server/run-action";
import { success } from "@/lib/action-result";
import { routes } from "@/lib/routes";
import {
  MarkAllReadSchema,
  NotificationRefSchema,
  NotificationSettingsSchema,
  WatchSchema,
} from "@/lib/notifications/schemas";
import {
  markAllNotificationsRead,
  setNotificationRead,
  setWatching,
  updateNotificationSettings,
} from "@/lib/notifications/mutations";

export async function setNotificationReadAction(_: unknown, form: FormData) {
  return runAction(NotificationRefSchema, formToObject(form), async (input) => {
    const user = await requireUser();
    await setNotificationRead(user, input.notificationId, input.isRead);
    revalidatePath(routes.inbox());
    return success(input.isRead ? "notifications.toasts.markedRead" : "notifications.toasts.markedUnread");
  });
}

export async function markAllReadAction(_: unknown, form: FormData) {
  return runAction(MarkAllReadSchema, formToObject(form), async () => {
    const user = await requireUser();
    const count = await markAllNotificationsRead(user);
    revalidatePath(routes.inbox());
    const t = await getTranslations("notifications.toasts");
    return success(count === 0 ? t("nothingUnread") : t("markedAllRead", { count }));
  });
}

export async function setWatchingAction(_: unknown, form: FormData) {
  return runAction(WatchSchema, formToObject(form), async (input) => {
    const { path } = await setWatching(input);
    revalidatePath(path);
    return success(input.isWatching ? "notifications.toasts.watching" : "notifications.toasts.notWatching");
  });
}

export async function updateNotificationSettingsAction(_: unknown, form: FormData) {
  return runAction(NotificationSettingsSchema, formToObject(form), async (input) => {
    const user = await requireUser();
    await updateNotificationSettings(user, input);
    revalidatePath(routes.account());
    return success("notifications.toasts.settingsSaved");
  });
}
