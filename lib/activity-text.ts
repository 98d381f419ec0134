import { statusMeta } from "@/lib/status";
import type { RecommendationStatus } from "@/lib/generated/prisma/enums";

type EventData = Record<string, unknown>;

const str = (value: unknown) => (typeof value === "string" ? value : "");

/** A one-line description of an activity event, for timelines and the audit log. */
export function describeActivity(type: string, data: EventData): string {
  switch (type) {
    case "recommendation.created":
      return "created this recommendation";
    case "recommendation.status_changed": {
      const from = statusMeta[data.from as RecommendationStatus]?.label ?? "—";
      const to = statusMeta[data.to as RecommendationStatus]?.label ?? "—";
      return `changed the status from ${from} to ${to}`;
    }
    case "recommendation.owner_added":
      return `assigned ${str(data.name) || "an owner"}`;
    case "evidence.added":
      return `added evidence “${str(data.title)}”`;
    case "comment.added":
      return "commented";
    case "action.created":
      return `added the action “${str(data.title)}”`;
    case "member.removed":
      return `removed ${str(data.name)} from the workspace`;
    case "member.joined":
      return `${str(data.name)} joined`;
    default:
      return type.replace(/[._]/g, " ");
  }
}
