"use client";

import { useEffect, useRef, useState, useTransition } from "react";
import { usePathname, useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Loader2 } from "lucide-react";
import { Icon } from "@/components/ui/icon";
import { inputClass } from "@/components/ui/field";
import { cn } from "@/lib/cn";
import { STATUSES } from "@/lib/status";
import {
  hasActiveFilters,
  SORTS,
  toSearchParams,
  type TrackerFilters,
  type TrackerSort,
} from "@/lib/trackers/filters";

type Options = {
  sections: { id: string; title: string }[];
  members: { id: string; name: string }[];
  tags: string[];
  actors: string[];
  recommenders: string[];
};

/** Filters, search, sorting and the list/board switch. Every change is a URL change (shareable, back button works). */
export function TrackerToolbar({
  filters,
  options,
  lang,
}: {
  filters: TrackerFilters;
  options: Options;
  /** The tracker's content language, when declared: section titles are the team's text. */
  lang?: string;
}) {
  const t = useTranslations("trackerClient.toolbar");
  const ts = useTranslations("status");
  const router = useRouter();
  const pathname = usePathname();
  const [isPending, startTransition] = useTransition();
  const [query, setQuery] = useState(filters.q);
  const [areFiltersOpen, setAreFiltersOpen] = useState(false);
  const activeCount = [
    filters.section,
    filters.status.length,
    filters.owner,
    filters.tag,
    filters.actor,
    filters.by,
    filters.evidence,
    filters.overdue,
    filters.archived,
  ].filter(Boolean).length;
  const lastPushedQuery = useRef(filters.q);

  const go = (change: Partial<TrackerFilters>) => {
    const next = { ...filters, page: 1, after: null, before: null, column: null, reorder: false, ...change };
    const search = toSearchParams(next).toString();
    startTransition(() => router.push(search ? `${pathname}?${search}` : pathname, { scroll: false }));
  };

  // Search as you type, one history entry per pause.
  useEffect(() => {
    if (query === lastPushedQuery.current) return;
    const timer = setTimeout(() => {
      lastPushedQuery.current = query;
      go({ q: query.trim() });
    }, 400);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [query]);

  // When the URL's query changes (back button, clear), show it in the box.
  const [shownUrlQuery, setShownUrlQuery] = useState(filters.q);
  if (shownUrlQuery !== filters.q) {
    setShownUrlQuery(filters.q);
    setQuery(filters.q);
  }
  useEffect(() => {
    lastPushedQuery.current = filters.q;
  }, [filters.q]);

  return (
    <div className="space-y-2" role="search" aria-label={t("label")}>
      <div className="flex flex-wrap items-center gap-2">
        <div className="relative min-w-0 flex-1 basis-56">
          <Icon
            name="search"
            className="pointer-events-none absolute start-2.5 top-1/2 size-4 -translate-y-1/2 text-zinc-400"
          />
          <label htmlFor="tracker-search" className="sr-only">
            {t("search")}
          </label>
          <input
            id="tracker-search"
            type="search"
            value={query}
            placeholder={t("search")}
            onChange={(event) => setQuery(event.target.value)}
            className={cn(inputClass, "h-8 ps-8")}
          />
        </div>
        <div className="flex rounded-md ring-1 ring-zinc-300" role="group" aria-label={t("view")}>
          {(["list", "board"] as const).map((view) => (
            <button
              key={view}
              type="button"
              aria-pressed={filters.view === view}
              onClick={() => go({ view })}
              className={cn(
                "inline-flex h-8 items-center gap-1.5 px-2.5 text-sm first:rounded-s-md last:rounded-e-md",
                filters.view === view ? "bg-zinc-900 text-white" : "bg-white text-zinc-700 hover:bg-zinc-50",
              )}
            >
              {view === "list" ? (
                <Icon name="list" className="size-4" />
              ) : (
                <Icon name="columns" className="size-4" />
              )}
              {view === "list" ? t("list") : t("board")}
            </button>
          ))}
        </div>
        <button
          type="button"
          aria-expanded={areFiltersOpen}
          aria-controls="tracker-filters"
          onClick={() => setAreFiltersOpen(!areFiltersOpen)}
          className="inline-flex h-8 items-center gap-1.5 rounded-md bg-white px-2.5 text-sm ring-1 ring-zinc-300 sm:hidden"
        >
          <Icon name="sliders" className="size-4" /> {t("filters", { count: activeCount })}
        </button>
        <span className="w-4" aria-live="polite">
          {isPending ? (
            <Loader2 aria-label={t("updating")} className="size-4 animate-spin text-zinc-400" />
          ) : null}
        </span>
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <FilterSelect
          label={t("section")}
          value={filters.section ?? ""}
          onChange={(v) => go({ section: v || null })}
        >
          <option value="">{t("allSections")}</option>
          {options.sections.map((section) => (
            <option key={section.id} value={section.id} lang={lang}>
              {section.title}
            </option>
          ))}
        </FilterSelect>
        <FilterSelect
          label={t("status")}
          value={filters.status.join(",")}
          onChange={(v) => go({ status: v ? (v.split(",") as TrackerFilters["status"]) : [] })}
        >
          <option value="">{t("anyStatus")}</option>
          {STATUSES.map((status) => (
            <option key={status} value={status}>
              {ts(`${status}.label`)}
            </option>
          ))}
          {filters.status.length > 1 ? (
            <option value={filters.status.join(",")}>
              {t("statusCount", { count: filters.status.length })}
            </option>
          ) : null}
        </FilterSelect>
        <FilterSelect
          label={t("owner")}
          value={filters.owner ?? ""}
          onChange={(v) => go({ owner: v || null })}
        >
          <option value="">{t("anyone")}</option>
          <option value="me">{t("me")}</option>
          <option value="unassigned">{t("unassigned")}</option>
          {options.members.map((member) => (
            <option key={member.id} value={member.id}>
              {member.name}
            </option>
          ))}
        </FilterSelect>
        <FilterSelect label={t("tag")} value={filters.tag ?? ""} onChange={(v) => go({ tag: v || null })}>
          <option value="">{t("anyTag")}</option>
          {options.tags.map((tag) => (
            <option key={tag} value={tag}>
              {tag}
            </option>
          ))}
        </FilterSelect>
        <FilterSelect
          label={t("actor")}
          value={filters.actor ?? ""}
          onChange={(v) => go({ actor: v || null })}
        >
          <option value="">{t("anyActor")}</option>
          {options.actors.map((actor) => (
            <option key={actor} value={actor}>
              {actor}
            </option>
          ))}
        </FilterSelect>
        {options.recommenders.length > 0 ? (
          <FilterSelect
            label={t("recommendedBy")}
            value={filters.by ?? ""}
            onChange={(v) => go({ by: v || null })}
          >
            <option value="">{t("recommendedByAnyone")}</option>
            {options.recommenders.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </FilterSelect>
        ) : null}
        <FilterSelect
          label={t("evidence")}
          value={filters.evidence ?? ""}
          onChange={(v) => go({ evidence: v === "with" || v === "without" ? v : null })}
        >
          <option value="">{t("evidenceAny")}</option>
          <option value="with">{t("evidenceWith")}</option>
          <option value="without">{t("evidenceWithout")}</option>
        </FilterSelect>
        <label className="inline-flex h-8 items-center gap-1.5 rounded-md bg-white px-2.5 text-sm ring-1 ring-zinc-300">
          <input
            type="checkbox"
            checked={filters.overdue}
            onChange={(event) => go({ overdue: event.target.checked })}
            className="accent-indigo-600"
          />
          {t("overdue")}
        </label>
        <label className="inline-flex h-8 items-center gap-1.5 rounded-md bg-white px-2.5 text-sm ring-1 ring-zinc-300">
          <input
            type="checkbox"
            checked={filters.archived}
            onChange={(event) => go({ archived: event.target.checked })}
            className="accent-indigo-600"
          />
          {t("archived")}
        </label>
        <FilterSelect label={t("sort")} value={filters.sort} onChange={(v) => go({ sort: v as TrackerSort })}>
          {SORTS.map((value) => (
            <option key={value} value={value}>
              {t(`sortBy.${value}`)}
            </option>
          ))}
        </FilterSelect>
        {hasActiveFilters(filters) ? (
          <button
            type="button"
            onClick={() => {
              setQuery("");
              lastPushedQuery.current = "";
              go({
                q: "",
                section: null,
                status: [],
                owner: null,
                tag: null,
                actor: null,
                by: null,
                evidence: null,
                overdue: false,
                archived: false,
              });
            }}
            className="inline-flex h-8 items-center gap-1 rounded-md px-2 text-sm text-zinc-600 hover:bg-zinc-100"
          >
            <Icon name="x" className="size-4" /> {t("clear")}
          </button>
        ) : null}
      </div>
    </div>
  );
}

// i18n-keys: trackerClient.toolbar.sortBy.*
function FilterSelect({
  label,
  value,
  onChange,
  children,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  children: React.ReactNode;
}) {
  return (
    <select
      aria-label={label}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      className={cn("fsel", value && "ring-indigo-400")}
    >
      {children}
    </select>
  );
}
