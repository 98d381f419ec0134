"use client";

import { usePathname, useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { inputClass } from "@/components/ui/field";
import { cn } from "@/lib/cn";

type Props = {
  values: { actor: string | null; tracker: string | null; from: string | null; to: string | null };
  actors: { id: string; name: string }[];
  trackers: { id: string; name: string }[];
};

/** Audit log filters: person, tracker, date range. They live in the URL. */
export function AuditFilters({ values, actors, trackers }: Props) {
  const t = useTranslations("auditClient");
  const router = useRouter();
  const pathname = usePathname();
  const set = (key: string, value: string) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...values, [key]: value || null })) if (v) params.set(k, v);
    router.push(params.size ? `${pathname}?${params}` : pathname);
  };
  const cls = cn(inputClass, "h-8 w-auto py-0 text-sm");
  return (
    <div className="flex flex-wrap items-end gap-2" role="search" aria-label={t("label")}>
      <label className="text-xs font-medium text-zinc-600">
        {t("person")}
        <select
          className={cn(cls, "mt-1")}
          value={values.actor ?? ""}
          onChange={(e) => set("actor", e.target.value)}
        >
          <option value="">{t("everyone")}</option>
          {actors.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
      </label>
      <label className="text-xs font-medium text-zinc-600">
        {t("tracker")}
        <select
          className={cn(cls, "mt-1")}
          value={values.tracker ?? ""}
          onChange={(e) => set("tracker", e.target.value)}
        >
          <option value="">{t("allTrackers")}</option>
          {trackers.map((tracker) => (
            <option key={tracker.id} value={tracker.id}>
              {tracker.name}
            </option>
          ))}
        </select>
      </label>
      <label className="text-xs font-medium text-zinc-600">
        {t("from")}
        <input
          type="date"
          className={cn(cls, "mt-1")}
          value={values.from ?? ""}
          onChange={(e) => set("from", e.target.value)}
        />
      </label>
      <label className="text-xs font-medium text-zinc-600">
        {t("to")}
        <input
          type="date"
          className={cn(cls, "mt-1")}
          value={values.to ?? ""}
          onChange={(e) => set("to", e.target.value)}
        />
      </label>
    </div>
  );
}
