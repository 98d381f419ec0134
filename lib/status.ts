import type { RecommendationStatus } from "@/lib/generated/prisma/enums";

export const STATUSES = [
  "NOT_STARTED",
  "IN_PROGRESS",
  "STALLED",
  "PARTIALLY_ACHIEVED",
  "ACHIEVED",
  "REVERSED",
] as const satisfies readonly RecommendationStatus[];

type StatusMeta = {
  /** The English name in exports and imports (CSV/JSON are a stable data format). The UI uses the catalogues. */
  label: string;
  dot: string;
  badge: string;
  bar: string;
  /** The chart fill (hex): at least 3:1 against white (WCAG 1.4.11), checked in status.test.ts. */
  chart: string;
};

/**
 * Each status has a colour; its name and one-line meaning are in the catalogues, under
 * status.<STATUS>.label and status.<STATUS>.meaning (use the StatusBadge, or t(`${status}.label`)).
 * i18n-keys: status.*.label, status.*.meaning
 */
export const statusMeta: Record<RecommendationStatus, StatusMeta> = {
  NOT_STARTED: {
    label: "Not started",
    dot: "bg-slate-400",
    badge: "bg-slate-100 text-slate-700 ring-slate-300",
    bar: "bg-slate-300",
    chart: "#64748b",
  },
  IN_PROGRESS: {
    label: "In progress",
    dot: "bg-blue-500",
    badge: "bg-blue-50 text-blue-800 ring-blue-200",
    bar: "bg-blue-500",
    chart: "#2563eb",
  },
  STALLED: {
    label: "Stalled",
    dot: "bg-amber-500",
    badge: "bg-amber-50 text-amber-800 ring-amber-200",
    bar: "bg-amber-400",
    chart: "#b45309",
  },
  PARTIALLY_ACHIEVED: {
    label: "Partially achieved",
    dot: "bg-teal-500",
    badge: "bg-teal-50 text-teal-800 ring-teal-200",
    bar: "bg-teal-400",
    chart: "#0f766e",
  },
  ACHIEVED: {
    label: "Achieved",
    dot: "bg-green-600",
    badge: "bg-green-50 text-green-800 ring-green-200",
    bar: "bg-green-600",
    chart: "#15803d",
  },
  REVERSED: {
    label: "Reversed",
    dot: "bg-red-600",
    badge: "bg-red-50 text-red-800 ring-red-200",
    bar: "bg-red-500",
    chart: "#dc2626",
  },
};

export type StatusCounts = Record<RecommendationStatus, number>;

export function emptyCounts(): StatusCounts {
  return Object.fromEntries(STATUSES.map((status) => [status, 0])) as StatusCounts;
}

export type Progress = { total: number; counts: StatusCounts; achievedShare: number };

/** Share achieved counts achieved items fully and partially achieved ones as half. */
export function progressFrom(counts: StatusCounts): Progress {
  const total = STATUSES.reduce((sum, status) => sum + counts[status], 0);
  const achieved = counts.ACHIEVED + counts.PARTIALLY_ACHIEVED / 2;
  return { total, counts, achievedShare: total === 0 ? 0 : achieved / total };
}

/** WCAG relative luminance of a "#rrggbb" colour. */
export function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of two "#rrggbb" colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}
