"use client";

/**
 * The dashboard's charts, drawn with Recharts 3 (SVG, React components, a keyboard-navigable accessibility
 * layer). Colours come from lib/status.ts `chart` (3:1 against white); a white stroke separates stacked areas.
 */
import {
  Area,
  AreaChart,
  Bar,
  BarChart,
  CartesianGrid,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { directionOf } from "@/i18n/locales";
import { STATUSES, statusMeta, type StatusCounts } from "@/lib/status";

/** Stored days ("YYYY-MM-DD") as short dates in the reader's language, read in UTC. */
const dayTick = { day: "numeric", month: "short", year: "2-digit", timeZone: "UTC" } as const;

/** The status key, in scale order, drawn in HTML so it reads and wraps like text. */
function StatusKey() {
  const t = useTranslations("dashboardClient");
  const tStatus = useTranslations("status");
  return (
    <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-zinc-700" aria-label={t("key")}>
      {STATUSES.map((status) => (
        <li key={status} className="inline-flex items-center gap-1.5">
          <span
            aria-hidden
            className="size-2.5 rounded-sm"
            style={{ background: statusMeta[status].chart }}
          />
          {tStatus(`${status}.label`)}
        </li>
      ))}
    </ul>
  );
}

const tickStyle = { fontSize: 12, fill: "#52525b" };

/** How many recommendations were in each status on each day: stacked areas. */
export function StatusAreaChart({
  data,
  label,
}: {
  data: { day: string; counts: StatusCounts }[];
  label: string;
}) {
  const rows = data.map((row) => ({ day: row.day, ...row.counts }));
  const tStatus = useTranslations("status");
  const format = useFormatter();
  const formatDay = (day: string) => format.dateTime(new Date(`${day}T00:00:00Z`), dayTick);
  // Right to left, time runs from right to left and the axis of counts sits on the right.
  const isRtl = directionOf(useLocale()) === "rtl";
  return (
    <div className="w-full">
      <div className="h-72">
        <ResponsiveContainer width="100%" height="100%">
          <AreaChart
            data={rows}
            accessibilityLayer
            title={label}
            margin={{ top: 4, right: 8, left: 0, bottom: 0 }}
          >
            <CartesianGrid stroke="#e4e4e7" vertical={false} />
            <XAxis
              dataKey="day"
              tickFormatter={formatDay}
              tick={tickStyle}
              minTickGap={32}
              reversed={isRtl}
            />
            <YAxis
              allowDecimals={false}
              tick={tickStyle}
              width={48}
              tickFormatter={(value: number) => format.number(value)}
              orientation={isRtl ? "right" : "left"}
            />
            <Tooltip
              labelFormatter={(day) => formatDay(String(day))}
              formatter={(value) => format.number(Number(value))}
            />
            {STATUSES.map((status) => (
              <Area
                key={status}
                type="stepAfter"
                dataKey={status}
                name={tStatus(`${status}.label`)}
                stackId="status"
                stroke="#ffffff"
                strokeWidth={1}
                fill={statusMeta[status].chart}
                fillOpacity={1}
                isAnimationActive={false}
              />
            ))}
          </AreaChart>
        </ResponsiveContainer>
      </div>
      <StatusKey />
    </div>
  );
}

/** Counts per status for a few groups (target actors, paths): horizontal stacked bars. */
export function StatusBarChart({
  data,
  label,
}: {
  data: { label: string; counts: StatusCounts }[];
  label: string;
}) {
  const rows = data.map((row) => ({ label: row.label, ...row.counts }));
  const tStatus = useTranslations("status");
  const format = useFormatter();
  const isRtl = directionOf(useLocale()) === "rtl";
  const height = Math.max(8, rows.length * 2.25 + 4);
  return (
    <div className="w-full">
      <div style={{ height: `${height}rem` }}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart
            data={rows}
            layout="vertical"
            accessibilityLayer
            title={label}
            margin={{ top: 0, right: 8, left: 0, bottom: 0 }}
          >
            <CartesianGrid stroke="#e4e4e7" horizontal={false} />
            <XAxis
              type="number"
              allowDecimals={false}
              tick={tickStyle}
              tickFormatter={(value: number) => format.number(value)}
              reversed={isRtl}
            />
            <YAxis
              type="category"
              dataKey="label"
              tick={tickStyle}
              width={160}
              interval={0}
              orientation={isRtl ? "right" : "left"}
            />
            <Tooltip formatter={(value) => format.number(Number(value))} />
            {STATUSES.map((status) => (
              <Bar
                key={status}
                dataKey={status}
                name={tStatus(`${status}.label`)}
                stackId="status"
                fill={statusMeta[status].chart}
                stroke="#ffffff"
                strokeWidth={1}
                isAnimationActive={false}
              />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
      <StatusKey />
    </div>
  );
}
