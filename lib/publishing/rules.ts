/**
 * What the public scorecard may show, as pure functions. The public view is built from frozen items by
 * `toPublicItem`, which keeps an allow-list of fields: owners, internal justifications and anything not
 * listed here never reach a public page, its RSC payload, the badge, the embed or the preview image.
 */
import type { RecommendationStatus } from "@/lib/generated/prisma/enums";
import { emptyCounts, progressFrom, STATUSES, type Progress, type StatusCounts } from "@/lib/status";
import {
  groupBySection,
  publicJustification,
  type FrozenEvidence,
  type FrozenItem,
} from "@/lib/snapshots/rules";

/** The size of a permalink's preview image (og:image), drawn by r/[id]/preview.png. */
export const PREVIEW_SIZE = { width: 1200, height: 630 } as const;

/** The cache tag of a tracker's public scorecard (revalidated by publish and unpublish). */
export const publicTag = (trackerId: string) => `public-scorecard:${trackerId}`;

export type PublicItem = {
  id: string;
  referenceId: string | null;
  title: string;
  status: RecommendationStatus;
  /** null when there is none or it is internal. */
  justification: string | null;
  statusChangedAt: string | null;
  sectionTitle: string;
  sectionPosition: number;
  evidence: FrozenEvidence[];
};

export type PublicScorecard = {
  workspaceName: string;
  trackerName: string;
  /** The language the tracker's content is written in (BCP 47), when declared: a code, never UI text. */
  language: string | null;
  citation: string | null;
  mode: "live" | "snapshot";
  snapshotName: string | null;
  /** ISO: the snapshot's date, or null for live. */
  asOf: string | null;
  /** ISO: the newest public change (live) or the snapshot's date. */
  lastUpdated: string;
  progress: Progress;
  achieved: number;
  sections: { title: string; progress: Progress; items: PublicItem[] }[];
  /** Live scorecards come in keyset pages: the next page's cursor (null on the last), and whether this is the first. */
  nextCursor?: string | null;
  isFirstPage?: boolean;
};

/** The allow-list: a frozen item as the public may see it. Evidence in frozen items is already public-only. */
export function toPublicItem(item: FrozenItem): PublicItem {
  return {
    id: item.recommendationId,
    referenceId: item.referenceId,
    title: item.title,
    status: item.status,
    justification: publicJustification(item),
    statusChangedAt: item.statusChangedAt,
    sectionTitle: item.sectionTitle,
    sectionPosition: item.sectionPosition,
    evidence: item.evidence.map(({ title, url, sourceType, stance, publishedAt, quote }) => ({
      title,
      url,
      sourceType,
      stance,
      publishedAt,
      quote,
    })),
  };
}

export function buildScorecard(
  meta: Omit<PublicScorecard, "progress" | "achieved" | "sections">,
  items: FrozenItem[],
): PublicScorecard {
  const grouped = groupBySection(items.map(toPublicItem));
  return {
    ...meta,
    progress: grouped.progress,
    achieved: grouped.progress.counts.ACHIEVED,
    sections: grouped.sections.map(({ title, progress, items }) => ({ title, progress, items })),
  };
}

/**
 * One page of a live scorecard: progress for every section from the maintained counts, items for this page only
 * (sections without items on this page have none).
 */
export function buildScorecardPage(
  meta: Omit<PublicScorecard, "progress" | "achieved" | "sections">,
  sections: { title: string; position: number; counts: StatusCounts }[],
  items: FrozenItem[],
  page: { isFirst: boolean; nextCursor: string | null },
): PublicScorecard {
  const total = emptyCounts();
  for (const section of sections) for (const status of STATUSES) total[status] += section.counts[status];
  const progress = progressFrom(total);
  const publicItems = items.map(toPublicItem);
  return {
    ...meta,
    progress,
    achieved: total.ACHIEVED,
    sections: sections.map((section) => ({
      title: section.title,
      progress: progressFrom(section.counts),
      items: publicItems.filter(
        (item) => item.sectionPosition === section.position && item.sectionTitle === section.title,
      ),
    })),
    nextCursor: page.nextCursor,
    isFirstPage: page.isFirst,
  };
}

const escapeXml = (text: string) =>
  text.replace(
    /[<>&"']/g,
    (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c]!,
  );

/**
 * A shields-style badge: "Progress | 23 of 56 achieved", its two texts already in the reader's language
 * (the route translates them). Text widths are estimated (11 px sans-serif).
 */
export function badgeSvg(label: string, value: string, title = `${label}: ${value}`): string {
  const width = (text: string) => Math.round(text.length * 6.6 + 12);
  const lw = width(label);
  const vw = width(value);
  const name = escapeXml(title);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${lw + vw}" height="20" role="img" aria-label="${name}"><title>${name}</title><rect width="${lw}" height="20" rx="3" fill="#3f3f46"/><rect x="${lw}" width="${vw}" height="20" rx="3" fill="#15803d"/><rect x="${lw}" width="4" height="20" fill="#15803d"/><g fill="#fff" font-family="Verdana,DejaVu Sans,sans-serif" font-size="11" text-anchor="middle"><text x="${lw / 2}" y="14">${escapeXml(label)}</text><text x="${lw + vw / 2}" y="14">${escapeXml(value)}</text></g></svg>`;
}
