"use client";

import { ActionForm, useFormState } from "@/components/ui/action-form";
import { updateNotificationSettingsAction } from "@/lib/notifications/actions";
import { NotificationSettingsSchema } from "@/lib/notifications/schemas";
import { NOTIFICATION_CHANNELS } from "@/lib/notifications/rules";
import type { NotificationChannel, NotificationKind } from "@/lib/generated/prisma/enums";

/** The form's words, in the reader's language (settings-form.tsx translates them on the server). */
export type NotificationSettingsLabels = {
  form: string;
  submit: string;
  pending: string;
  timeZone: string;
  timeZoneHint: string;
  kinds: { kind: NotificationKind; label: string; hint: string; legend: string }[];
  channels: Record<NotificationChannel, string>;
};

function TimeZoneField({
  timeZone,
  zones,
  labels,
}: {
  timeZone: string;
  zones: string[];
  labels: NotificationSettingsLabels;
}) {
  const { errors, isPending } = useFormState();
  const error = errors.timeZone?.[0];
  return (
    <div>
      <label htmlFor="timeZone" className="block text-sm font-medium">
        {labels.timeZone}
      </label>
      <p id="timeZone-hint" className="text-xs text-zinc-500">
        {labels.timeZoneHint}
      </p>
      <select
        id="timeZone"
        name="timeZone"
        defaultValue={timeZone}
        disabled={isPending}
        aria-describedby={error ? "timeZone-hint timeZone-error" : "timeZone-hint"}
        aria-invalid={error ? true : undefined}
        className="mt-1 h-9 w-full max-w-xs rounded-md border-0 bg-white px-2 text-sm ring-1 ring-zinc-300 ring-inset focus-visible:outline-2 focus-visible:outline-indigo-600"
      >
        {zones.map((zone) => (
          <option key={zone} value={zone}>
            {zone.replace(/_/g, " ")}
          </option>
        ))}
      </select>
      {error ? (
        <p id="timeZone-error" className="mt-1 text-xs text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** Per kind of notification: email immediately, in the daily digest, or not at all; and the time zone. */
export function NotificationSettingsFields({
  timeZone,
  zones,
  channels,
  labels,
}: {
  timeZone: string;
  zones: string[];
  channels: Record<NotificationKind, NotificationChannel>;
  labels: NotificationSettingsLabels;
}) {
  return (
    <ActionForm
      action={updateNotificationSettingsAction}
      schema={NotificationSettingsSchema}
      submitLabel={labels.submit}
      pendingLabel={labels.pending}
      aria-label={labels.form}
    >
      <div className="divide-y divide-zinc-100 rounded-lg ring-1 ring-zinc-200">
        {labels.kinds.map(({ kind, label, hint, legend }) => (
          <fieldset key={kind} className="flex flex-col gap-2 px-3 py-2.5 sm:flex-row sm:items-center">
            <legend className="sr-only">{legend}</legend>
            <div className="min-w-0 flex-1" aria-hidden>
              <span className="block text-sm font-medium">{label}</span>
              <span className="block text-xs text-zinc-500">{hint}</span>
            </div>
            <div className="flex gap-1">
              {NOTIFICATION_CHANNELS.map((channel) => (
                <label
                  key={channel}
                  className="flex cursor-pointer items-center gap-1.5 rounded-md px-2 py-1 text-sm ring-1 ring-zinc-200 ring-inset has-checked:bg-indigo-50 has-checked:ring-indigo-300 has-focus-visible:outline-2 has-focus-visible:outline-indigo-600"
                >
                  <input
                    type="radio"
                    name={kind}
                    value={channel}
                    defaultChecked={channels[kind] === channel}
                    className="accent-indigo-600"
                  />
                  {labels.channels[channel]}
                </label>
              ))}
            </div>
          </fieldset>
        ))}
      </div>
      <TimeZoneField timeZone={timeZone} zones={zones} labels={labels} />
    </ActionForm>
  );
}
