import type { Priority, RecommendationStatus } from "@/lib/generated/prisma/enums";
import { isPastDue } from "@/lib/action-items/rules";

export const priorityLabels: Record<Priority, string> = { LOW: "Low", MEDIUM: "Medium", HIGH: "High" };

/** Statuses that finish a recommendation: past its due date it is no longer overdue. */
export const FINISHED_STATUSES = ["ACHIEVED"] as const satisfies readonly RecommendationStatus[];

export function isFinished(status: RecommendationStatus): boolean {
  return (FINISHED_STATUSES as readonly RecommendationStatus[]).includes(status);
}

/** A recommendation is overdue when its due date has passed and it is not achieved. */
export function isRecommendationOverdue(
  dueDate: Date | null,
  status: RecommendationStatus,
  today: Date,
): boolean {
  return isPastDue(dueDate, isFinished(status), today);
}
