"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";

/** The inbox's "by tracker" filter: a labelled select that navigates to the filtered inbox. */
export function TrackerFilter({
  trackers,
  current,
  baseQuery,
}: {
  trackers: { id: string; label: string }[];
  current: string;
  /** The inbox URL with every other filter kept and no tracker. */
  baseQuery: string;
}) {
  const t = useTranslations("notificationsClient");
  const router = useRouter();
  return (
    <label className="flex items-center gap-2 text-sm text-zinc-600">
      <span>{t("trackerFilter")}</span>
      <select
        value={current}
        disabled={trackers.length === 0}
        onChange={(event) => {
          const id = event.target.value;
          const url = new URL(baseQuery, window.location.origin);
          if (id) url.searchParams.set("tracker", id);
          router.push(`${url.pathname}${url.search}`);
        }}
        className="h-8 max-w-56 rounded-md border-0 bg-white px-2 text-sm ring-1 ring-zinc-300 ring-inset focus-visible:outline-2 focus-visible:outline-indigo-600"
      >
        <option value="">{t("allTrackers")}</option>
        {trackers.map((tracker) => (
          <option key={tracker.id} value={tracker.id}>
            {tracker.label}
          </option>
        ))}
      </select>
    </label>
  );
}
