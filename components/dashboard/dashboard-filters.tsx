import Link from "next/link";
import { Filter } from "lucide-react";
import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { cn } from "@/lib/cn";
import type { TrackerFilters } from "@/lib/trackers/filters";

type Options = {
  sections: { id: string; title: string }[];
  members: { id: string; name: string }[];
  tags: string[];
  actors: string[];
};

const selectClass = cn(inputClass, "h-8 w-auto max-w-52 py-0 pe-8 text-sm");

/**
 * The tracker filters that apply to the dashboard (section, tag, owner, target actor), as a plain GET form:
 * the same query parameters as the tracker page (lib/trackers/filters.ts), so a filtered view carries over.
 */
export function DashboardFilters({
  filters,
  options,
  hiddenFields,
  clearHref,
  language,
}: {
  filters: Pick<TrackerFilters, "section" | "tag" | "owner" | "actor">;
  options: Options;
  hiddenFields: Record<string, string>;
  clearHref: string;
  /** The language of the tracker's content (section titles), when declared. */
  language?: string;
}) {
  const t = useTranslations("dashboard.filters");
  const isFiltered = Boolean(filters.section || filters.tag || filters.owner || filters.actor);
  return (
    <form method="get" role="search" aria-label={t("label")} className="flex flex-wrap items-end gap-2">
      {Object.entries(hiddenFields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div className="flex flex-col gap-1">
        <label htmlFor="dashboard-section" className="text-xs font-medium text-zinc-600">
          {t("section")}
        </label>
        <select
          id="dashboard-section"
          name="section"
          defaultValue={filters.section ?? ""}
          className={selectClass}
        >
          <option value="">{t("allSections")}</option>
          {options.sections.map((section) => (
            <option key={section.id} value={section.id} lang={language}>
              {section.title}
            </option>
          ))}
        </select>
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="dashboard-tag" className="text-xs font-medium text-zinc-600">
          {t("tag")}
        </label>
        <select id="dashboard-tag" name="tag" defaultValue={filters.tag ?? ""} className={selectClass}>
          <option value="">{t("allTags")}</option>
          {options.tags.map((tag) => (
            <option key={tag} value={tag}>
              {tag}
            </option>
          ))}
        </select>
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="dashboard-owner" className="text-xs font-medium text-zinc-600">
          {t("owner")}
        </label>
        <select id="dashboard-owner" name="owner" defaultValue={filters.owner ?? ""} className={selectClass}>
          <option value="">{t("anyone")}</option>
          <option value="me">{t("me")}</option>
          <option value="unassigned">{t("unassigned")}</option>
          {options.members.map((member) => (
            <option key={member.id} value={member.id}>
              {member.name}
            </option>
          ))}
        </select>
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="dashboard-actor" className="text-xs font-medium text-zinc-600">
          {t("actor")}
        </label>
        <select id="dashboard-actor" name="actor" defaultValue={filters.actor ?? ""} className={selectClass}>
          <option value="">{t("allActors")}</option>
          {options.actors.map((actor) => (
            <option key={actor} value={actor}>
              {actor}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className={buttonClass("secondary", "sm")}>
        <Filter aria-hidden className="size-4" /> {t("apply")}
      </button>
      {isFiltered ? (
        <Link href={clearHref} className="px-2 py-1.5 text-sm font-medium text-indigo-700 hover:underline">
          {t("clear")}
        </Link>
      ) : null}
    </form>
  );
}
