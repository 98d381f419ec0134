import Link from "next/link";
import type { ReactNode } from "react";
import { ArrowDownRight, ArrowUpRight, Trophy } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { ChartCard } from "@/components/dashboard/chart-card";
import { StatusAreaChart, StatusBarChart } from "@/components/dashboard/charts";
import { StatusBadge } from "@/components/recommendations/status-badge";
import { ProgressBar } from "@/components/trackers/progress-bar";
import { buttonClass } from "@/components/ui/button";
import { cardClass } from "@/components/ui/card";
import { inputClass } from "@/components/ui/field";
import { cn } from "@/lib/cn";
import { pointChange, QUICK_PICKS, STALE_CHOICES, type DashboardOptions } from "@/lib/dashboard/rules";
import type { TrackerDashboard } from "@/lib/dashboard/queries";
import type { MovementRow } from "@/lib/history/queries";
import { STATUSES, type StatusCounts } from "@/lib/status";

type Links = {
  recommendation: (id: string) => string;
  /** The dashboard URL with these options changed (filters kept). */
  withOptions: (change: Record<string, string>) => string;
};

const th = "px-3 py-2 text-start text-xs font-semibold text-zinc-600";
const td = "px-3 py-1.5 text-sm tabular-nums";

function CountsTable({
  caption,
  rows,
  rowHeader,
}: {
  caption: string;
  rows: { label: string; counts: StatusCounts }[];
  rowHeader: string;
}) {
  const t = useTranslations("dashboard");
  const tStatus = useTranslations("status");
  const format = useFormatter();
  return (
    <table className="w-full border-collapse">
      <caption className="sr-only">{caption}</caption>
      <thead className="sticky top-0 bg-white">
        <tr className="border-b border-zinc-200">
          <th scope="col" className={th}>
            {rowHeader}
          </th>
          {STATUSES.map((status) => (
            <th key={status} scope="col" className={cn(th, "text-end")}>
              {tStatus(`${status}.label`)}
            </th>
          ))}
          <th scope="col" className={cn(th, "text-end")}>
            {t("table.total")}
          </th>
        </tr>
      </thead>
      <tbody className="divide-y divide-zinc-100">
        {rows.map((row) => (
          <tr key={row.label}>
            <th scope="row" className={cn(td, "text-start font-medium")}>
              {row.label}
            </th>
            {STATUSES.map((status) => (
              <td key={status} className={cn(td, "text-end")}>
                {format.number(row.counts[status])}
              </td>
            ))}
            <td className={cn(td, "text-end font-medium")}>
              {format.number(STATUSES.reduce((sum, s) => sum + row.counts[s], 0))}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Panel({
  id,
  title,
  description,
  children,
  className,
}: {
  /** The heading's id (the title is translated, so it is not derived from it). */
  id: string;
  title: string;
  description?: ReactNode;
  children: ReactNode;
  className?: string;
}) {
  return (
    <section aria-labelledby={id} className={cardClass(cn("p-5", className))}>
      <h2 id={id} className="font-semibold">
        {title}
      </h2>
      {description ? <div className="mt-0.5 text-sm text-zinc-600">{description}</div> : null}
      <div className="mt-4">{children}</div>
    </section>
  );
}

function Empty({ children }: { children: ReactNode }) {
  return <p className="rounded-lg bg-zinc-50 px-3 py-4 text-sm text-zinc-600">{children}</p>;
}

function MovementList({
  title,
  icon,
  rows,
  total,
  links,
  empty,
}: {
  title: string;
  icon: ReactNode;
  rows: MovementRow[];
  total: number;
  links: Links;
  empty: string;
}) {
  const t = useTranslations("dashboard.movement");
  const tStatus = useTranslations("status");
  const format = useFormatter();
  return (
    <div>
      <h3 className="flex items-center gap-1.5 text-sm font-semibold">
        {icon}
        {title} <span className="font-normal text-zinc-600 tabular-nums">{total}</span>
      </h3>
      {rows.length === 0 ? (
        <p className="mt-2 text-sm text-zinc-600">{empty}</p>
      ) : (
        <ul className="mt-2 space-y-1.5">
          {rows.map((row) => (
            <li key={row.id} className="text-sm">
              <Link href={links.recommendation(row.id)} className="font-medium text-zinc-900 hover:underline">
                {row.title}
              </Link>
              <span className="block text-xs text-zinc-600">
                {t("change", {
                  from: tStatus(`${row.from}.label`),
                  to: tStatus(`${row.to}.label`),
                  date: format.dateTime(new Date(row.lastChangedAt), "day"),
                })}
              </span>
            </li>
          ))}
          {total > rows.length ? (
            <li className="text-xs text-zinc-600">{t("more", { count: total - rows.length })}</li>
          ) : null}
        </ul>
      )}
    </div>
  );
}

/** The tracker dashboard (issue 11, part 1). Every list links to its recommendation. */
export function DashboardView({
  data,
  options,
  links,
  hiddenFields,
  language,
}: {
  data: TrackerDashboard;
  options: DashboardOptions;
  links: Links;
  /** The tracker filters, kept by the dashboard's own forms (GET). */
  hiddenFields: Record<string, string>;
  /** The language of the tracker's content (recommendation and section titles), when declared. */
  language?: string;
}) {
  const t = useTranslations("dashboard");
  const format = useFormatter();
  const day = (date: Date | string) => format.dateTime(new Date(date), "day");
  const sinceLabel = day(options.since);
  const movement = data.movement;
  const latest = data.series.at(-1);
  const isEmpty = !latest || latest.total === 0;
  const share = (value: number) => format.number(value, "percent");
  const hidden = (omit: string) =>
    Object.entries(hiddenFields)
      .filter(([name]) => name !== omit)
      .map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />);
  const actorRows = data.actors.map((row) => ({
    label:
      row.key === "__other"
        ? t("breakdowns.otherActors", { count: Number(row.label) })
        : row.key === ""
          ? t("breakdowns.noActor")
          : row.label,
    counts: row.progress.counts,
  }));
  // i18n-keys: dashboard.breakdowns.path.*
  const pathKey = (key: string) => (key === "true" ? "yes" : key === "false" ? "no" : "unknown");
  const pathRows = data.paths.map((row) => ({
    label: t(`breakdowns.path.${pathKey(row.key)}`),
    counts: row.progress.counts,
  }));

  return (
    <div className="space-y-6">
      <ChartCard
        title={t("overTime.title")}
        description={
          data.step > 1 ? t("overTime.descriptionStep", { step: data.step }) : t("overTime.description")
        }
        chart={
          isEmpty ? (
            <Empty>{t("overTime.empty")}</Empty>
          ) : (
            <StatusAreaChart data={data.series} label={t("overTime.chartLabel")} />
          )
        }
        table={
          <CountsTable
            caption={t("overTime.tableCaption")}
            rowHeader={t("overTime.day")}
            rows={data.series.map((row) => ({ label: day(row.day), counts: row.counts })).reverse()}
          />
        }
      />

      <Panel
        id="panel-movement"
        title={t("movement.title")}
        description={
          <div className="flex flex-wrap items-center gap-2">
            <span>{t("movement.description", { date: sinceLabel })}</span>
            <nav aria-label={t("movement.quickPicks")} className="flex flex-wrap items-center gap-1">
              {QUICK_PICKS.map((days) => {
                const key = `${days}d`;
                const isCurrent = options.sinceKey === key;
                return (
                  <Link
                    key={key}
                    href={links.withOptions({ since: key })}
                    aria-current={isCurrent ? "true" : undefined}
                    className={buttonClass(isCurrent ? "primary" : "secondary", "sm")}
                    scroll={false}
                  >
                    {t("days", { count: days })}
                  </Link>
                );
              })}
            </nav>
            <form method="get" className="flex items-center gap-1">
              {hidden("since")}
              <label htmlFor="since-custom" className="sr-only">
                {t("movement.customDate")}
              </label>
              <input
                id="since-custom"
                type="date"
                name="since"
                max={options.today}
                defaultValue={options.isCustomSince ? options.since : ""}
                className={cn(inputClass, "h-8 w-auto py-0 text-sm")}
              />
              <button
                type="submit"
                className={buttonClass(options.isCustomSince ? "primary" : "secondary", "sm")}
              >
                {t("movement.customDate")}
              </button>
            </form>
          </div>
        }
      >
        {movement.totals.moved === 0 ? (
          <Empty>{t("movement.empty", { date: sinceLabel })}</Empty>
        ) : (
          <div className="grid gap-6 md:grid-cols-3" lang={language}>
            <MovementList
              title={t("movement.advanced")}
              icon={<ArrowUpRight aria-hidden className="size-4 text-blue-700 rtl:-scale-x-100" />}
              rows={movement.rows.filter((r) => r.isAdvanced).slice(0, 12)}
              total={movement.totals.advanced}
              links={links}
              empty={t("movement.noneAdvanced")}
            />
            <MovementList
              title={t("movement.regressed")}
              icon={<ArrowDownRight aria-hidden className="size-4 text-red-700 rtl:-scale-x-100" />}
              rows={movement.rows.filter((r) => r.isRegressed).slice(0, 12)}
              total={movement.totals.regressed}
              links={links}
              empty={t("movement.noneRegressed")}
            />
            <MovementList
              title={t("movement.newlyAchieved")}
              icon={<Trophy aria-hidden className="size-4 text-green-700" />}
              rows={movement.rows.filter((r) => r.isNewlyAchieved).slice(0, 12)}
              total={movement.totals.newlyAchieved}
              links={links}
              empty={t("movement.noneNewlyAchieved")}
            />
          </div>
        )}
      </Panel>

      <Panel
        id="panel-progress-by-section"
        title={t("sections.title")}
        description={t("sections.description", { date: sinceLabel })}
      >
        {data.sections.length === 0 ? (
          <Empty>{t("sections.empty")}</Empty>
        ) : (
          <table className="w-full border-collapse">
            <caption className="sr-only">{t("sections.title")}</caption>
            <thead>
              <tr className="border-b border-zinc-200">
                <th scope="col" className={th}>
                  {t("sections.section")}
                </th>
                <th scope="col" className={cn(th, "w-1/3")}>
                  {t("sections.progress")}
                </th>
                <th scope="col" className={cn(th, "text-end")}>
                  {t("sections.achieved")}
                </th>
                <th scope="col" className={cn(th, "text-end")}>
                  {t("sections.onDate", { date: sinceLabel })}
                </th>
                <th scope="col" className={cn(th, "text-end")}>
                  {t("sections.change")}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-100">
              {data.sections.map((row) => {
                const points = pointChange(row.then.achievedShare, row.now.achievedShare);
                return (
                  <tr key={row.id}>
                    <th scope="row" className={cn(td, "text-start font-medium")} lang={language}>
                      {row.title}
                    </th>
                    <td className={td}>
                      <ProgressBar progress={row.now} isHighContrast />
                    </td>
                    <td className={cn(td, "text-end")}>{share(row.now.achievedShare)}</td>
                    <td className={cn(td, "text-end text-zinc-600")}>{share(row.then.achievedShare)}</td>
                    <td className={cn(td, "text-end font-medium")}>
                      {t("sections.pointChange", {
                        points: Math.abs(points),
                        sign: points > 0 ? "up" : points < 0 ? "down" : "none",
                      })}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </Panel>

      <div className="grid gap-6 lg:grid-cols-2">
        <Panel id="panel-time-in-status" title={t("timing.title")} description={t("timing.description")}>
          <p className="text-2xl font-semibold tabular-nums">
            {data.timing.medianDaysInProgress === null
              ? "—"
              : t("days", { count: Math.round(data.timing.medianDaysInProgress) })}
            <span className="ms-2 text-sm font-normal text-zinc-600">
              {t("timing.median", { count: data.timing.achievedCount })}
            </span>
          </p>
          <h3 className="mt-4 text-sm font-semibold">{t("timing.stuckTitle")}</h3>
          {data.timing.longestStuck.length === 0 ? (
            <p className="mt-2 text-sm text-zinc-600">{t("timing.noneStuck")}</p>
          ) : (
            <ul className="mt-2 space-y-1.5" lang={language}>
              {data.timing.longestStuck.map((row) => (
                <li key={row.id} className="flex items-center justify-between gap-3 text-sm">
                  <Link
                    href={links.recommendation(row.id)}
                    className="min-w-0 truncate font-medium hover:underline"
                  >
                    {row.title}
                  </Link>
                  <span className="flex shrink-0 items-center gap-2 text-xs text-zinc-600">
                    {t("timing.since", { date: day(row.since) })} <StatusBadge status={row.status} />
                  </span>
                </li>
              ))}
            </ul>
          )}
        </Panel>

        <Panel
          id="panel-stale"
          title={t("stale.title")}
          description={
            <form method="get" className="flex flex-wrap items-center gap-1.5">
              {hidden("stale")}
              <span>{t("stale.description")}</span>
              <label htmlFor="stale-days" className="sr-only">
                {t("stale.daysLabel")}
              </label>
              <select
                id="stale-days"
                name="stale"
                defaultValue={String(options.staleDays)}
                className={cn(inputClass, "h-8 w-auto py-0 pe-8 text-sm")}
              >
                {[...new Set([...STALE_CHOICES, options.staleDays])]
                  .sort((a, b) => a - b)
                  .map((days) => (
                    <option key={days} value={days}>
                      {t("days", { count: days })}
                    </option>
                  ))}
              </select>
              <button type="submit" className={buttonClass("secondary", "sm")}>
                {t("stale.show")}
              </button>
            </form>
          }
        >
          <p className="text-2xl font-semibold tabular-nums">
            {data.stale.isCapped
              ? t("stale.atLeast", { count: data.stale.total })
              : format.number(data.stale.total)}
            <span className="ms-2 text-sm font-normal text-zinc-600">
              {t("stale.count", { count: data.stale.total, days: options.staleDays })}
            </span>
          </p>
          {data.stale.rows.length === 0 ? (
            <p className="mt-2 text-sm text-zinc-600">{t("stale.none", { days: options.staleDays })}</p>
          ) : (
            <ul className="mt-3 space-y-1.5" lang={language}>
              {data.stale.rows.slice(0, 10).map((row) => (
                <li key={row.id} className="flex items-center justify-between gap-3 text-sm">
                  <Link
                    href={links.recommendation(row.id)}
                    className="min-w-0 truncate font-medium hover:underline"
                  >
                    {row.title}
                  </Link>
                  <span className="shrink-0 text-xs text-zinc-600">
                    {t("stale.last", { date: day(row.lastActivity) })}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </Panel>
      </div>

      <Panel id="panel-load-per-owner" title={t("owners.title")} description={t("owners.description")}>
        {data.owners.length === 0 ? (
          <Empty>{t("owners.empty")}</Empty>
        ) : (
          <table className="w-full border-collapse">
            <caption className="sr-only">{t("owners.title")}</caption>
            <thead>
              <tr className="border-b border-zinc-200">
                <th scope="col" className={th}>
                  {t("owners.owner")}
                </th>
                <th scope="col" className={cn(th, "text-end")}>
                  {t("owners.openRecommendations")}
                </th>
                <th scope="col" className={cn(th, "text-end")}>
                  {t("owners.overdue")}
                </th>
                <th scope="col" className={cn(th, "text-end")}>
                  {t("owners.openActions")}
                </th>
                <th scope="col" className={cn(th, "text-end")}>
                  {t("owners.overdue")}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-100">
              {data.owners.map((row) => (
                <tr key={row.userId}>
                  <th scope="row" className={cn(td, "text-start font-medium")}>
                    <Link href={links.withOptions({ owner: row.userId })} className="hover:underline">
                      {row.name}
                    </Link>
                  </th>
                  <td className={cn(td, "text-end")}>{format.number(row.openRecommendations)}</td>
                  <td
                    className={cn(
                      td,
                      "text-end",
                      row.overdueRecommendations > 0 && "font-medium text-red-700",
                    )}
                  >
                    {format.number(row.overdueRecommendations)}
                  </td>
                  <td className={cn(td, "text-end")}>{format.number(row.openActions)}</td>
                  <td className={cn(td, "text-end", row.overdueActions > 0 && "font-medium text-red-700")}>
                    {format.number(row.overdueActions)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Panel>

      <div className="grid gap-6 lg:grid-cols-2">
        <ChartCard
          title={t("breakdowns.actorTitle")}
          description={t("breakdowns.actorDescription")}
          minHeight={10}
          chart={
            actorRows.length === 0 ? (
              <Empty>{t("breakdowns.empty")}</Empty>
            ) : (
              <StatusBarChart data={actorRows} label={t("breakdowns.actorLabel")} />
            )
          }
          table={
            <CountsTable
              caption={t("breakdowns.actorLabel")}
              rowHeader={t("breakdowns.actorHeader")}
              rows={actorRows}
            />
          }
        />
        <ChartCard
          title={t("breakdowns.pathTitle")}
          description={t("breakdowns.pathDescription")}
          minHeight={10}
          chart={
            pathRows.length === 0 ? (
              <Empty>{t("breakdowns.empty")}</Empty>
            ) : (
              <StatusBarChart data={pathRows} label={t("breakdowns.pathLabel")} />
            )
          }
          table={
            <CountsTable
              caption={t("breakdowns.pathLabel")}
              rowHeader={t("breakdowns.pathHeader")}
              rows={pathRows}
            />
          }
        />
      </div>
    </div>
  );
}
