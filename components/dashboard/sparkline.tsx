import { useFormatter, useTranslations } from "next-intl";

/** A tiny server-rendered line of a share (0–1) over time, with its figures in words for screen readers. */
export function Sparkline({
  points,
  label,
  width = 160,
  height = 36,
}: {
  points: { day: string; share: number }[];
  label: string;
  width?: number;
  height?: number;
}) {
  const t = useTranslations("dashboard.sparkline");
  const format = useFormatter();
  if (points.length < 2) return null;
  const pad = 3;
  const x = (i: number) => pad + (i * (width - 2 * pad)) / (points.length - 1);
  const y = (share: number) => height - pad - share * (height - 2 * pad);
  const line = points.map((p, i) => `${x(i).toFixed(1)},${y(p.share).toFixed(1)}`).join(" ");
  const first = points[0]!;
  const last = points.at(-1)!;

  return (
    <svg
      role="img"
      aria-label={t("label", {
        label,
        first: format.number(first.share, "percent"),
        firstDay: format.dateTime(new Date(`${first.day}T00:00:00Z`), "day"),
        last: format.number(last.share, "percent"),
        lastDay: format.dateTime(new Date(`${last.day}T00:00:00Z`), "day"),
      })}
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
      className="overflow-visible"
    >
      <line x1={pad} x2={width - pad} y1={height - pad} y2={height - pad} stroke="#e4e4e7" />
      <polyline points={line} fill="none" stroke="#15803d" strokeWidth={2} strokeLinejoin="round" />
      <circle cx={x(points.length - 1)} cy={y(last.share)} r={2.5} fill="#15803d" />
    </svg>
  );
}
