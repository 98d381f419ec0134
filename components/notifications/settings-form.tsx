import { useTranslations } from "next-intl";
import { NOTIFICATION_CHANNELS, NOTIFICATION_KINDS } from "@/lib/notifications/rules";
import type { NotificationChannel, NotificationKind } from "@/lib/generated/prisma/enums";
import { NotificationSettingsFields } from "@/components/notifications/settings-fields";

/**
 * The notification settings form. Its words are translated here, on the server, and handed to the client
 * form, so the kinds' names and hints are not sent to every page as a client namespace.
 */
export function NotificationSettingsForm({
  timeZone,
  zones,
  channels,
}: {
  timeZone: string;
  zones: string[];
  channels: Record<NotificationKind, NotificationChannel>;
}) {
  const t = useTranslations("notifications");
  return (
    <NotificationSettingsFields
      timeZone={timeZone}
      zones={zones}
      channels={channels}
      labels={{
        form: t("settings.label"),
        submit: t("settings.submit"),
        pending: t("settings.pending"),
        timeZone: t("settings.timeZone"),
        timeZoneHint: t("settings.timeZoneHint"),
        // i18n-keys: notifications.kinds.*.label, notifications.kinds.*.hint, notifications.channels.*
        kinds: NOTIFICATION_KINDS.map((kind) => {
          const label = t(`kinds.${kind}.label`);
          return {
            kind,
            label,
            hint: t(`kinds.${kind}.hint`),
            legend: t("settings.kindLegend", { kind: label }),
          };
        }),
        channels: Object.fromEntries(
          NOTIFICATION_CHANNELS.map((channel) => [channel, t(`channels.${channel}`)]),
        ) as Record<NotificationChannel, string>,
      }}
    />
  );
}
