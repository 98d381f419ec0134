"use server";

import { revalidatePath } from "next/cache";
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
    return success(input.isRead ? "Marked as read" : "Marked as unread");
  });
}

export async function markAllReadAction(_: unknown, form: FormData) {
  return runAction(MarkAllReadSchema, formToObject(form), async () => {
    const user = await requireUser();
    const count = await markAllNotificationsRead(user);
    revalidatePath(routes.inbox());
    return success(count === 0 ? "Nothing unread" : `Marked ${count} as read`);
  });
}

export async function setWatchingAction(_: unknown, form: FormData) {
  return runAction(WatchSchema, formToObject(form), async (input) => {
    const { path } = await setWatching(input);
    revalidatePath(path);
    return success(input.isWatching ? "Watching: you will be notified of changes" : "Not watching any more");
  });
}

export async function updateNotificationSettingsAction(_: unknown, form: FormData) {
  return runAction(NotificationSettingsSchema, formToObject(form), async (input) => {
    const user = await requireUser();
    await updateNotificationSettings(user, input);
    revalidatePath(routes.account());
    return success("Notification settings saved");
  });
}
