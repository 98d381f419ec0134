/**
 * The demo tracker's status history: a deterministic path of backdated status changes for each
 * recommendation, ending at its seeded status, spread over 2021 and later so the dashboard's charts have
 * shape (issue 11). Pure: the same input gives the same history on every run.
 */
import type { RecommendationStatus } from "../../lib/generated/prisma/enums";

export type SeedChange = {
  from: RecommendationStatus;
  to: RecommendationStatus;
  at: Date;
  justification: string;
};

const DAY = 86_400_000;

const NOTES: Record<RecommendationStatus, string> = {
  NOT_STARTED: "Back to the start: the earlier commitment was withdrawn.",
  IN_PROGRESS: "Officials announced a review and work has begun.",
  STALLED: "No visible progress since the last review; the responsible office has gone quiet.",
  PARTIALLY_ACHIEVED: "Part of what it asks for is in place; the rest is pending.",
  ACHIEVED: "Done, as the cited evidence shows.",
  REVERSED: "A later decision undid the earlier progress.",
};

/** The statuses passed through before the final one, chosen by the item's index. */
function pathTo(status: RecommendationStatus, variant: number): RecommendationStatus[] {
  switch (status) {
    case "ACHIEVED":
      return [
        ["IN_PROGRESS"],
        ["IN_PROGRESS", "STALLED", "IN_PROGRESS"],
        ["IN_PROGRESS", "PARTIALLY_ACHIEVED"],
      ][variant]! as RecommendationStatus[];
    case "IN_PROGRESS":
      return [[], ["IN_PROGRESS", "STALLED"], ["IN_PROGRESS", "PARTIALLY_ACHIEVED", "REVERSED"]][
        variant
      ]! as RecommendationStatus[];
    case "PARTIALLY_ACHIEVED":
      return [["IN_PROGRESS"], ["IN_PROGRESS", "STALLED"], []][variant]! as RecommendationStatus[];
    case "STALLED":
      return ["IN_PROGRESS"];
    case "REVERSED":
      return ["IN_PROGRESS", "ACHIEVED"];
    default:
      return [];
  }
}

/**
 * The changes that take item `index` from Not started to `status`. `finalAt` is when the last change happened
 * (the latest cited evidence, when there is some); without it the date is spread over 2021–2025. Every fourth
 * open item moved in November 2026, so "what moved recently" has content. Dates never precede `startsAt`.
 */
export function seedStatusHistory(
  index: number,
  status: RecommendationStatus,
  options: { startsAt: Date; finalAt: Date | null; finalJustification: string | null },
): SeedChange[] {
  if (status === "NOT_STARTED") return [];
  const steps = [...pathTo(status, index % 3), status];
  const isRecent = (index % 4 === 0 && status !== "PARTIALLY_ACHIEVED") || status === "STALLED";
  const spread = new Date(Date.UTC(2021, 2, 1) + ((index * 97) % 1700) * DAY);
  let final = isRecent ? new Date(Date.UTC(2026, 10, 2 + (index % 25), 15)) : (options.finalAt ?? spread);
  const earliest = options.startsAt.getTime() + DAY;
  if (final.getTime() < earliest + steps.length * DAY) final = new Date(earliest + steps.length * 7 * DAY);
  const first = Math.max(earliest, Date.UTC(2021, 1, 1) + ((index * 11) % 90) * DAY);
  const begin = Math.min(first, final.getTime() - steps.length * 7 * DAY);
  let from: RecommendationStatus = "NOT_STARTED";
  return steps.map((to, k) => {
    const isLast = k === steps.length - 1;
    const at = isLast
      ? final
      : new Date(
          begin + Math.floor(((final.getTime() - begin) * k) / (steps.length - 1 || 1)) + 9 * 3_600_000,
        );
    const change = {
      from,
      to,
      at,
      justification: isLast ? (options.finalJustification ?? NOTES[to]) : NOTES[to],
    };
    from = to;
    return change;
  });
}
