import { statusMeta } from "@/lib/status";
import type { RecommendationStatus } from "@/lib/generated/prisma/enums";

type EventData = Record<string, unknown>;

const str = (value: unknown) => (typeof value === "string" ? value : "");

const fieldLabels: Record<string, string> = {
  title: "title",
  text: "text",
  targetActor: "target actor",
  requiresLegislation: "path",
  priority: "priority",
  dueDate: "due date",
  tags: "tags",
  sectionId: "section",
};

const statusLabel = (value: unknown) => statusMeta[value as RecommendationStatus]?.label ?? "—";

/** A one-line description of an activity event, for timelines and the audit log. */
export function describeActivity(type: string, data: EventData): string {
  switch (type) {
    case "recommendation.created":
      return `created the recommendation${data.title ? ` “${str(data.title)}”` : ""}`;
    case "recommendation.updated": {
      const field = fieldLabels[str(data.field)] ?? str(data.field);
      const to = str(data.to);
      return field === "text" ? "edited the text" : `changed the ${field} to ${to ? `“${to}”` : "nothing"}`;
    }
    case "recommendation.status_changed":
      return `changed the status from ${statusLabel(data.from)} to ${statusLabel(data.to)}`;
    case "recommendation.owner_added":
      return `assigned ${str(data.name) || "an owner"}`;
    case "recommendation.owner_removed":
      return `unassigned ${str(data.name) || "an owner"}`;
    case "recommendation.moved":
      return `moved it ${str(data.direction)}`;
    case "recommendation.archived":
      return "archived it";
    case "recommendation.restored":
      return "restored it";
    case "recommendation.deleted":
      return `deleted the recommendation “${str(data.title)}”`;
    case "evidence.added":
      return `added evidence “${str(data.title)}”`;
    case "evidence.updated":
      return `edited evidence “${str(data.title)}”`;
    case "evidence.deleted":
      return `removed evidence “${str(data.title)}”`;
    case "comment.added":
      return "commented";
    case "comment.edited":
      return "edited a comment";
    case "comment.deleted":
      return "deleted a comment";
    case "action.created":
      return `added the action “${str(data.title)}”`;
    case "action.updated":
      return `edited the action “${str(data.title)}”`;
    case "action.completed":
      return `completed the action “${str(data.title)}”`;
    case "action.reopened":
      return `reopened the action “${str(data.title)}”`;
    case "action.deleted":
      return `deleted the action “${str(data.title)}”`;
    case "section.created":
      return `added the section “${str(data.title)}”`;
    case "section.updated":
      return `renamed a section to “${str(data.to)}”`;
    case "section.moved":
      return `moved the section “${str(data.title)}” ${str(data.direction)}`;
    case "section.archived":
      return `archived the section “${str(data.title)}”`;
    case "section.restored":
      return `restored the section “${str(data.title)}”`;
    case "tracker.created":
      return data.documentTitle
        ? `created the tracker “${str(data.name)}” from “${str(data.documentTitle)}”`
        : `created the tracker “${str(data.name)}”`;
    case "tracker.imported": {
      const count = (key: string) => (typeof data[key] === "number" ? (data[key] as number) : 0);
      return `imported ${str(data.fileName) || "a file"}: ${count("created")} created, ${count("updated")} updated, ${count("rejected")} rejected`;
    }
    case "member.removed":
      return `removed ${str(data.name)} from the workspace`;
    case "member.left":
      return `${str(data.name)} left the workspace`;
    case "member.joined":
      return `joined as ${str(data.role).toLowerCase()}`;
    case "member.role_changed":
      return `changed ${str(data.name)}'s role to ${str(data.to).toLowerCase()}`;
    case "invitation.created":
      return `invited ${str(data.email)} as ${str(data.role).toLowerCase()}`;
    case "invitation.revoked":
      return "revoked an invitation";
    case "workspace.created":
      return `created the workspace “${str(data.name)}”`;
    case "workspace.deleted":
      return `deleted the workspace “${str(data.name)}”`;
    case "workspace.renamed":
      return `renamed the workspace to “${str(data.to)}”`;
    case "workspace.ownership_transferred":
      return `transferred ownership to ${str(data.toName)}`;
    case "account.created":
      return "created an account";
    case "account.password_reset_requested":
      return "asked for a password reset";
    case "account.password_reset":
      return "reset their password";
    case "account.password_changed":
      return "changed their password";
    case "account.signed_out":
      return "signed out";
    case "account.signed_out_everywhere":
      return "signed out of all devices";
    case "tracker.updated":
      return `edited the tracker “${str(data.name)}”`;
    case "tracker.archived":
      return `archived the tracker “${str(data.name)}”`;
    case "tracker.restored":
      return `restored the tracker “${str(data.name)}”`;
    default:
      return type.replace(/[._]/g, " ");
  }
}
