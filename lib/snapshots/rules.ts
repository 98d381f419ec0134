/**
 * Snapshots (report cards) as pure data: the frozen item, the limits, progress per section, and the
 * comparison of two snapshots (or a snapshot and now). Shared by the snapshot pages, the exports and the
 * public scorecard; nothing here reads the database.
 */
import type { EvidenceSourceType, EvidenceStance, RecommendationStatus } from "@/lib/generated/prisma/enums";
import { emptyCounts, progressFrom, type Progress } from "@/lib/status";

export const SNAPSHOT_LIMITS = {
  /** Recommendations frozen in one snapshot (the benchmark tracker holds 50,000). */
  recommendations: 50_000,
  /** Public evidence items kept per recommendation (newest first). */
  evidencePerRecommendation: 20,
  /** Snapshots per tracker. */
  perTracker: 200,
  /** Items written per INSERT while taking a snapshot. */
  insertBatch: 2_000,
} as const;

export type FrozenEvidence = {
  title: string;
  url: string;
  sourceType: EvidenceSourceType;
  stance: EvidenceStance;
  /** YYYY-MM-DD */
  publishedAt: string | null;
  quote: string | null;
};

/**
 * Whether a status justification may appear on the public scorecard: only when its author ticked "Show on the
 * public scorecard" (the event says `isInternal: false`). Older events and imports carry no flag and stay
 * with the team, so publishing a tracker never exposes text written before publishing existed.
 */
export function isJustificationPublic(data: { isInternal?: boolean }): boolean {
  return data.isInternal === false;
}

/** One recommendation as a snapshot holds it (and as "now" is read, to compare with). */
export type FrozenItem = {
  recommendationId: string;
  referenceId: string | null;
  sectionTitle: string;
  sectionPosition: number;
  position: number;
  title: string;
  status: RecommendationStatus;
  justification: string | null;
  isJustificationInternal: boolean;
  /** ISO timestamp of the status change the justification belongs to. */
  statusChangedAt: string | null;
  ownerNames: string[];
  evidence: FrozenEvidence[];
};

/** How far along each status is; Stalled and Reversed are set-backs, whatever they came from. */
const rank: Record<RecommendationStatus, number> = {
  NOT_STARTED: 0,
  IN_PROGRESS: 1,
  PARTIALLY_ACHIEVED: 2,
  ACHIEVED: 3,
  STALLED: -1,
  REVERSED: -2,
};

export type Direction = "advanced" | "regressed" | "unchanged";

/** Any move to Stalled or Reversed regressed; otherwise a move up the ladder advanced, down regressed. */
export function statusDirection(from: RecommendationStatus, to: RecommendationStatus): Direction {
  if (from === to) return "unchanged";
  if (to === "STALLED" || to === "REVERSED") return "regressed";
  return rank[to] > rank[from] ? "advanced" : "regressed";
}

export type ItemChange = {
  recommendationId: string;
  referenceId: string | null;
  title: string;
  sectionTitle: string;
  /** null when the recommendation is not in the earlier snapshot. */
  from: RecommendationStatus | null;
  /** null when it is not in the later one (archived or deleted since). */
  to: RecommendationStatus | null;
  direction: Direction | "added" | "removed";
  newEvidence: FrozenEvidence[];
};

export type Comparison = {
  advanced: ItemChange[];
  regressed: ItemChange[];
  newlyAchieved: ItemChange[];
  /** Same status, but new evidence. */
  newEvidenceOnly: ItemChange[];
  added: ItemChange[];
  removed: ItemChange[];
  unchangedCount: number;
};

const evidenceKey = (e: FrozenEvidence) => e.url;

/** What changed from `before` to `after`, matched by recommendation: status moves with their direction and the new evidence. */
export function compareItems(before: FrozenItem[], after: FrozenItem[]): Comparison {
  const earlier = new Map(before.map((item) => [item.recommendationId, item]));
  const later = new Set(after.map((item) => item.recommendationId));
  const result: Comparison = {
    advanced: [],
    regressed: [],
    newlyAchieved: [],
    newEvidenceOnly: [],
    added: [],
    removed: [],
    unchangedCount: 0,
  };
  for (const item of after) {
    const old = earlier.get(item.recommendationId);
    const known = new Set((old?.evidence ?? []).map(evidenceKey));
    const change: ItemChange = {
      recommendationId: item.recommendationId,
      referenceId: item.referenceId,
      title: item.title,
      sectionTitle: item.sectionTitle,
      from: old?.status ?? null,
      to: item.status,
      direction: old ? statusDirection(old.status, item.status) : "added",
      newEvidence: item.evidence.filter((e) => !known.has(evidenceKey(e))),
    };
    if (!old) result.added.push(change);
    else if (change.direction === "advanced") result.advanced.push(change);
    else if (change.direction === "regressed") result.regressed.push(change);
    else if (change.newEvidence.length > 0) result.newEvidenceOnly.push(change);
    else result.unchangedCount += 1;
    if (old && item.status === "ACHIEVED" && old.status !== "ACHIEVED") result.newlyAchieved.push(change);
  }
  for (const old of before) {
    if (later.has(old.recommendationId)) continue;
    result.removed.push({
      recommendationId: old.recommendationId,
      referenceId: old.referenceId,
      title: old.title,
      sectionTitle: old.sectionTitle,
      from: old.status,
      to: null,
      direction: "removed",
      newEvidence: [],
    });
  }
  return result;
}

export type SectionOfItems<T extends Pick<FrozenItem, "sectionTitle" | "sectionPosition" | "status">> = {
  title: string;
  position: number;
  progress: Progress;
  items: T[];
};

/** Items grouped by section in order, each section with its progress. */
export function groupBySection<T extends Pick<FrozenItem, "sectionTitle" | "sectionPosition" | "status">>(
  items: T[],
): { sections: SectionOfItems<T>[]; progress: Progress } {
  const bySection = new Map<string, SectionOfItems<T> & { counts: ReturnType<typeof emptyCounts> }>();
  const total = emptyCounts();
  for (const item of items) {
    const key = `${item.sectionPosition}\u0000${item.sectionTitle}`;
    let section = bySection.get(key);
    if (!section) {
      const counts = emptyCounts();
      section = {
        title: item.sectionTitle,
        position: item.sectionPosition,
        counts,
        progress: progressFrom(counts),
        items: [],
      };
      bySection.set(key, section);
    }
    section.items.push(item);
    section.counts[item.status] += 1;
    total[item.status] += 1;
  }
  const sections = [...bySection.values()]
    .sort((a, b) => a.position - b.position)
    .map(({ counts, ...section }) => ({ ...section, progress: progressFrom(counts) }));
  return { sections, progress: progressFrom(total) };
}

/** The latest public justification: an internal one is never shown, and older ones do not stand in for it. */
export function publicJustification(item: Pick<FrozenItem, "justification" | "isJustificationInternal">) {
  return item.isJustificationInternal ? null : item.justification;
}

/** "2021-04-30" → the end of that day (UTC): a snapshot "as of" a day includes that day's changes. */
export function endOfDay(day: Date): Date {
  return new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), 23, 59, 59, 999));
}

export const SNAPSHOT_EXPORT_FORMAT = "advocacy-tracker-snapshot/1";

/**
 * The CSV columns. A data format, not UI: headers, status names and "yes"/"no" stay in English in every
 * language, so a spreadsheet or script reading exports keeps working whoever downloaded them.
 */
export const SNAPSHOT_CSV_HEADERS = [
  "Reference",
  "Section",
  "Title",
  "Status",
  "Justification",
  "Justification internal",
  "Status changed",
  "Owners",
  "Public evidence",
];

/** A snapshot's rows for CSV (lib/import/csv.ts toCsv writes them, formula-safe). */
export function snapshotCsvRows(items: FrozenItem[], statusLabel: (s: RecommendationStatus) => string) {
  return items.map((item) => [
    item.referenceId ?? "",
    item.sectionTitle,
    item.title,
    statusLabel(item.status),
    item.justification ?? "",
    item.isJustificationInternal ? "yes" : "no",
    item.statusChangedAt?.slice(0, 10) ?? "",
    item.ownerNames.join("; "),
    item.evidence.map((e) => `${e.title} <${e.url}>`).join("; "),
  ]);
}
