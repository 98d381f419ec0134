import Link from "next/link";
import type { ReactNode } from "react";
import { ArrowDownRight, ArrowUpRight, Trophy } from "lucide-react";
import { ChartCard } from "@/components/dashboard/chart-card";
import { StatusAreaChart, StatusBarChart } from "@/components/dashboard/charts";
import { StatusBadge } from "@/components/recommendations/status-badge";
import { ProgressBar } from "@/components/trackers/progress-bar";
import { buttonClass } from "@/components/ui/button";
import { cardClass } from "@/components/ui/card";
import { inputClass } from "@/components/ui/field";
import { cn } from "@/lib/cn";
import { formatDate } from "@/lib/dates";
import {
  formatPointChange,
  formatShare,
  QUICK_PICKS,
  STALE_CHOICES,
  type DashboardOptions,
} from "@/lib/dashboard/rules";
import type { Breakdown, TrackerDashboard } from "@/lib/dashboard/queries";
import type { MovementRow } from "@/lib/history/queries";
import { STATUSES, statusMeta, type StatusCounts } from "@/lib/status";

type Links = {
  recommendation: (id: string) => string;
  /** The dashboard URL with these options changed (filters kept). */
  withOptions: (change: Record<string, string>) => string;
};

const th = "px-3 py-2 text-left text-xs font-semibold text-zinc-600";
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
  return (
    <table className="w-full border-collapse">
      <caption className="sr-only">{caption}</caption>
      <thead className="sticky top-0 bg-white">
        <tr className="border-b border-zinc-200">
          <th scope="col" className={th}>
            {rowHeader}
          </th>
          {STATUSES.map((status) => (
            <th key={status} scope="col" className={cn(th, "text-right")}>
              {statusMeta[status].label}
            </th>
          ))}
          <th scope="col" className={cn(th, "text-right")}>
            Total
          </th>
        </tr>
      </thead>
      <tbody className="divide-y divide-zinc-100">
        {rows.map((row) => (
          <tr key={row.label}>
            <th scope="row" className={cn(td, "text-left font-medium")}>
              {row.label}
            </th>
            {STATUSES.map((status) => (
              <td key={status} className={cn(td, "text-right")}>
                {row.counts[status].toLocaleString("en")}
              </td>
            ))}
            <td className={cn(td, "text-right font-medium")}>
              {STATUSES.reduce((sum, s) => sum + row.counts[s], 0).toLocaleString("en")}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Panel({
  title,
  description,
  children,
  className,
}: {
  title: string;
  description?: ReactNode;
  children: ReactNode;
  className?: string;
}) {
  const id = `panel-${title.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;
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
                {statusMeta[row.from].label} → {statusMeta[row.to].label} · {formatDate(row.lastChangedAt)}
              </span>
            </li>
          ))}
          {total > rows.length ? (
            <li className="text-xs text-zinc-600">and {total - rows.length} more</li>
          ) : null}
        </ul>
      )}
    </div>
  );
}

const breakdownRows = (rows: Breakdown[]) =>
  rows.map((row) => ({ label: row.label, counts: row.progress.counts }));

/** The tracker dashboard (issue 11, part 1). Every list links to its recommendation. */
export function DashboardView({
  data,
  options,
  links,
  hiddenFields,
}: {
  data: TrackerDashboard;
  options: DashboardOptions;
  links: Links;
  /** The tracker filters, kept by the dashboard's own forms (GET). */
  hiddenFields: Record<string, string>;
}) {
  const sinceLabel = formatDate(options.since);
  const movement = data.movement;
  const latest = data.series.at(-1);
  const isEmpty = !latest || latest.total === 0;
  const stepNote = data.step > 1 ? ` One point every ${data.step} days.` : "";
  const hidden = (omit: string) =>
    Object.entries(hiddenFields)
      .filter(([name]) => name !== omit)
      .map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />);

  return (
    <div className="space-y-6">
      <ChartCard
        title="Status over time"
        description={`How many recommendations were in each status at the end of each day, from the status history.${stepNote}`}
        chart={
          isEmpty ? (
            <Empty>
              No recommendations yet. Add some to the tracker, then change their status: this chart fills in.
            </Empty>
          ) : (
            <StatusAreaChart data={data.series} label="Recommendations in each status over time" />
          )
        }
        table={
          <CountsTable
            caption="Recommendations in each status by day"
            rowHeader="Day"
            rows={data.series.map((row) => ({ label: formatDate(row.day), counts: row.counts })).reverse()}
          />
        }
      />

      <Panel
        title="Movement"
        description={
          <div className="flex flex-wrap items-center gap-2">
            <span>Status changes since the end of {sinceLabel}.</span>
            <nav aria-label="Measure movement since" className="flex flex-wrap items-center gap-1">
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
                    {days} days
                  </Link>
                );
              })}
            </nav>
            <form method="get" className="flex items-center gap-1">
              {hidden("since")}
              <label htmlFor="since-custom" className="sr-only">
                Custom date
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
                Custom date
              </button>
            </form>
          </div>
        }
      >
        {movement.totals.moved === 0 ? (
          <Empty>
            Nothing changed status since {sinceLabel}. Pick a longer period above, or set a status on a
            recommendation.
          </Empty>
        ) : (
          <div className="grid gap-6 md:grid-cols-3">
            <MovementList
              title="Advanced"
              icon={<ArrowUpRight aria-hidden className="size-4 text-blue-700" />}
              rows={movement.rows.filter((r) => r.isAdvanced).slice(0, 12)}
              total={movement.totals.advanced}
              links={links}
              empty="None advanced."
            />
            <MovementList
              title="Regressed (to Stalled or Reversed)"
              icon={<ArrowDownRight aria-hidden className="size-4 text-red-700" />}
              rows={movement.rows.filter((r) => r.isRegressed).slice(0, 12)}
              total={movement.totals.regressed}
              links={links}
              empty="None regressed."
            />
            <MovementList
              title="Newly achieved"
              icon={<Trophy aria-hidden className="size-4 text-green-700" />}
              rows={movement.rows.filter((r) => r.isNewlyAchieved).slice(0, 12)}
              total={movement.totals.newlyAchieved}
              links={links}
              empty="None newly achieved."
            />
          </div>
        )}
      </Panel>

      <Panel
        title="Progress by section"
        description={`Share achieved (partially achieved counts as half) now, and the change since ${sinceLabel}.`}
      >
        {data.sections.length === 0 ? (
          <Empty>No recommendations in any section yet.</Empty>
        ) : (
          <table className="w-full border-collapse">
            <caption className="sr-only">Progress by section</caption>
            <thead>
              <tr className="border-b border-zinc-200">
                <th scope="col" className={th}>
                  Section
                </th>
                <th scope="col" className={cn(th, "w-1/3")}>
                  Progress
                </th>
                <th scope="col" className={cn(th, "text-right")}>
                  Achieved
                </th>
                <th scope="col" className={cn(th, "text-right")}>
                  On {sinceLabel}
                </th>
                <th scope="col" className={cn(th, "text-right")}>
                  Change
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-100">
              {data.sections.map((row) => (
                <tr key={row.id}>
                  <th scope="row" className={cn(td, "text-left font-medium")}>
                    {row.title}
                  </th>
                  <td className={td}>
                    <ProgressBar progress={row.now} isHighContrast />
                  </td>
                  <td className={cn(td, "text-right")}>{formatShare(row.now.achievedShare)}</td>
                  <td className={cn(td, "text-right text-zinc-600")}>
                    {formatShare(row.then.achievedShare)}
                  </td>
                  <td className={cn(td, "text-right font-medium")}>
                    {formatPointChange(row.then.achievedShare, row.now.achievedShare)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Panel>

      <div className="grid gap-6 lg:grid-cols-2">
        <Panel
          title="Time in status"
          description="Days spent In progress before first reaching Achieved, over recommendations achieved so far."
        >
          <p className="text-2xl font-semibold tabular-nums">
            {data.timing.medianDaysInProgress === null
              ? "—"
              : `${Math.round(data.timing.medianDaysInProgress)} days`}
            <span className="ml-2 text-sm font-normal text-zinc-600">
              median over {data.timing.achievedCount} achieved
            </span>
          </p>
          <h3 className="mt-4 text-sm font-semibold">Stuck longest (In progress or Stalled)</h3>
          {data.timing.longestStuck.length === 0 ? (
            <p className="mt-2 text-sm text-zinc-600">Nothing is in progress or stalled.</p>
          ) : (
            <ul className="mt-2 space-y-1.5">
              {data.timing.longestStuck.map((row) => (
                <li key={row.id} className="flex items-center justify-between gap-3 text-sm">
                  <Link
                    href={links.recommendation(row.id)}
                    className="min-w-0 truncate font-medium hover:underline"
                  >
                    {row.title}
                  </Link>
                  <span className="flex shrink-0 items-center gap-2 text-xs text-zinc-600">
                    since {formatDate(row.since)} <StatusBadge status={row.status} />
                  </span>
                </li>
              ))}
            </ul>
          )}
        </Panel>

        <Panel
          title="Stale"
          description={
            <form method="get" className="flex flex-wrap items-center gap-1.5">
              {hidden("stale")}
              <span>No status change, comment or evidence in</span>
              <label htmlFor="stale-days" className="sr-only">
                Days without activity
              </label>
              <select
                id="stale-days"
                name="stale"
                defaultValue={String(options.staleDays)}
                className={cn(inputClass, "h-8 w-auto py-0 pr-8 text-sm")}
              >
                {[...new Set([...STALE_CHOICES, options.staleDays])]
                  .sort((a, b) => a - b)
                  .map((days) => (
                    <option key={days} value={days}>
                      {days} days
                    </option>
                  ))}
              </select>
              <button type="submit" className={buttonClass("secondary", "sm")}>
                Show
              </button>
            </form>
          }
        >
          <p className="text-2xl font-semibold tabular-nums">
            {data.stale.total.toLocaleString("en")}
            <span className="ml-2 text-sm font-normal text-zinc-600">
              open recommendations without activity in {options.staleDays} days
            </span>
          </p>
          {data.stale.rows.length === 0 ? (
            <p className="mt-2 text-sm text-zinc-600">
              Every open recommendation had activity in the last {options.staleDays} days.
            </p>
          ) : (
            <ul className="mt-3 space-y-1.5">
              {data.stale.rows.slice(0, 10).map((row) => (
                <li key={row.id} className="flex items-center justify-between gap-3 text-sm">
                  <Link
                    href={links.recommendation(row.id)}
                    className="min-w-0 truncate font-medium hover:underline"
                  >
                    {row.title}
                  </Link>
                  <span className="shrink-0 text-xs text-zinc-600">last {formatDate(row.lastActivity)}</span>
                </li>
              ))}
            </ul>
          )}
        </Panel>
      </div>

      <Panel
        title="Load per owner"
        description="Open (not achieved) recommendations each member owns, and their open advocacy actions."
      >
        {data.owners.length === 0 ? (
          <Empty>
            No recommendation or action has an owner yet. Assign owners on a recommendation’s page.
          </Empty>
        ) : (
          <table className="w-full border-collapse">
            <caption className="sr-only">Load per owner</caption>
            <thead>
              <tr className="border-b border-zinc-200">
                <th scope="col" className={th}>
                  Owner
                </th>
                <th scope="col" className={cn(th, "text-right")}>
                  Open recommendations
                </th>
                <th scope="col" className={cn(th, "text-right")}>
                  Overdue
                </th>
                <th scope="col" className={cn(th, "text-right")}>
                  Open actions
                </th>
                <th scope="col" className={cn(th, "text-right")}>
                  Overdue
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-100">
              {data.owners.map((row) => (
                <tr key={row.userId}>
                  <th scope="row" className={cn(td, "text-left font-medium")}>
                    <Link href={links.withOptions({ owner: row.userId })} className="hover:underline">
                      {row.name}
                    </Link>
                  </th>
                  <td className={cn(td, "text-right")}>{row.openRecommendations}</td>
                  <td
                    className={cn(
                      td,
                      "text-right",
                      row.overdueRecommendations > 0 && "font-medium text-red-700",
                    )}
                  >
                    {row.overdueRecommendations}
                  </td>
                  <td className={cn(td, "text-right")}>{row.openActions}</td>
                  <td className={cn(td, "text-right", row.overdueActions > 0 && "font-medium text-red-700")}>
                    {row.overdueActions}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Panel>

      <div className="grid gap-6 lg:grid-cols-2">
        <ChartCard
          title="By target actor"
          description="Today’s statuses for each actor a recommendation is addressed to."
          minHeight={10}
          chart={
            data.actors.length === 0 ? (
              <Empty>No recommendations yet.</Empty>
            ) : (
              <StatusBarChart data={breakdownRows(data.actors)} label="Statuses by target actor" />
            )
          }
          table={
            <CountsTable
              caption="Statuses by target actor"
              rowHeader="Target actor"
              rows={breakdownRows(data.actors)}
            />
          }
        />
        <ChartCard
          title="By path"
          description="Whether a recommendation needs legislation or the executive can act alone."
          minHeight={10}
          chart={
            data.paths.length === 0 ? (
              <Empty>No recommendations yet.</Empty>
            ) : (
              <StatusBarChart data={breakdownRows(data.paths)} label="Statuses by path" />
            )
          }
          table={<CountsTable caption="Statuses by path" rowHeader="Path" rows={breakdownRows(data.paths)} />}
        />
      </div>
    </div>
  );
}
