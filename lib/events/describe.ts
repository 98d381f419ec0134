import { statusMeta } from "@/lib/status";
import type { TypedEvent, UnreadableEvent } from "@/lib/events/catalog";

const fieldLabels: Record<string, string> = {
  title: "title",
  text: "text",
  targetActor: "target actor",
  requiresLegislation: "path",
  priority: "priority",
  dueDate: "due date",
  tags: "tags",
  sectionId: "section",
  import: "fields from an import",
};

const quoted = (value: string | undefined) => (value ? `“${value}”` : "nothing");

/** What an imported file claims about a change: shown as the file's words, never as the actor or date. */
function recorded(data: { recordedBy?: string | null; recordedAt?: string; by?: string | null }): string {
  const who = data.recordedBy ?? data.by;
  const when = data.recordedAt?.slice(0, 10);
  if (!who && !when) return "";
  return ` (the file says${who ? ` by ${who}` : ""}${when ? ` on ${when}` : ""})`;
}
const lower = (value: string) => value.toLowerCase();

/**
 * A one-line description of an event, for timelines and the audit log. The switch is exhaustive over
 * the catalogue: a new event type does not compile until it has a sentence here.
 */
export function describeActivity(event: TypedEvent | UnreadableEvent): string {
  switch (event.type) {
    case "unreadable":
      return event.storedType.replace(/[._]/g, " ");
    case "recommendation.created":
      return `created the recommendation ${quoted(event.data.title)}`;
    case "recommendation.updated": {
      const field = fieldLabels[event.data.field] ?? event.data.field;
      if (event.data.field === "text") return "edited the text";
      if (event.data.field === "import") return `updated it from ${event.data.importedFrom ?? "an import"}`;
      return `changed the ${field} to ${quoted(event.data.to)}`;
    }
    case "recommendation.status_changed": {
      const change = `changed the status from ${event.data.from ? statusMeta[event.data.from].label : "—"} to ${statusMeta[event.data.to].label}`;
      return event.data.importedFrom
        ? `${change}, imported from ${event.data.importedFrom}${recorded(event.data)}`
        : change;
    }
    case "recommendation.owner_added":
      return `assigned ${event.data.name}`;
    case "recommendation.owner_removed":
      return `unassigned ${event.data.name}`;
    case "recommendation.moved":
      return `moved it ${event.data.direction}`;
    case "recommendation.archived":
      return "archived it";
    case "recommendation.restored":
      return "restored it";
    case "recommendation.deleted":
      return `deleted the recommendation ${quoted(event.data.title)}`;
    case "evidence.added":
      return `added evidence ${quoted(event.data.title)}`;
    case "evidence.updated":
      return `edited evidence ${quoted(event.data.title)}`;
    case "evidence.deleted":
      return `removed evidence ${quoted(event.data.title)}`;
    case "comment.added":
      return "commented";
    case "comment.edited":
      return "edited a comment";
    case "comment.deleted":
      return "deleted a comment";
    case "action.created":
      return `added the action ${quoted(event.data.title)}`;
    case "action.updated":
      return `edited the action ${quoted(event.data.title)}`;
    case "action.completed":
      return `completed the action ${quoted(event.data.title)}`;
    case "action.reopened":
      return `reopened the action ${quoted(event.data.title)}`;
    case "action.deleted":
      return `deleted the action ${quoted(event.data.title)}`;
    case "section.created":
      return `added the section ${quoted(event.data.title)}`;
    case "section.updated":
      return `renamed a section to ${quoted(event.data.to)}`;
    case "section.moved":
      return `moved the section ${quoted(event.data.title)} ${event.data.direction}`;
    case "section.archived":
      return `archived the section ${quoted(event.data.title)}`;
    case "section.restored":
      return `restored the section ${quoted(event.data.title)}`;
    case "tracker.created":
      return event.data.documentTitle
        ? `created the tracker ${quoted(event.data.name)} from ${quoted(event.data.documentTitle)}`
        : `created the tracker ${quoted(event.data.name)}`;
    case "tracker.exported":
      return `exported ${event.data.recommendations} recommendations as ${event.data.format.toUpperCase()}`;
    case "tracker.imported":
      return `imported ${event.data.fileName}: ${event.data.created} created, ${event.data.updated} updated, ${event.data.rejected} rejected`;
    case "tracker.updated":
      return `edited the tracker ${quoted(event.data.name)}`;
    case "tracker.language_changed":
      return `set the language of ${quoted(event.data.name)} to ${event.data.to ?? "not declared"}`;
    case "tracker.archived":
      return `archived the tracker ${quoted(event.data.name)}`;
    case "tracker.restored":
      return `restored the tracker ${quoted(event.data.name)}`;
    case "snapshot.created":
      return `took the snapshot ${quoted(event.data.name)} as of ${event.data.asOf.slice(0, 10)} (${event.data.recommendations} recommendations)`;
    case "tracker.published":
      return event.data.snapshotName
        ? `published the snapshot ${quoted(event.data.snapshotName)} as the public scorecard`
        : "published the live tracker as the public scorecard";
    case "tracker.unpublished":
      return "unpublished the public scorecard";
    case "member.removed":
      return `removed ${event.data.name} from the workspace`;
    case "member.left":
      return `${event.data.name} left the workspace`;
    case "member.joined":
      return `joined as ${lower(event.data.role)}`;
    case "member.role_changed":
      return `changed ${event.data.name}'s role to ${lower(event.data.to)}`;
    case "invitation.created":
      return `invited ${event.data.email} as ${lower(event.data.role)}`;
    case "invitation.revoked":
      return "revoked an invitation";
    case "workspace.created":
      return `created the workspace ${quoted(event.data.name)}`;
    case "workspace.deleted":
      return `deleted the workspace ${quoted(event.data.name)}`;
    case "workspace.renamed":
      return `renamed the workspace to ${quoted(event.data.to)}`;
    case "workspace.language_changed":
      return `set the workspace's email language to ${event.data.to}`;
    case "workspace.ownership_transferred":
      return `transferred ownership to ${event.data.toName}`;
    case "access.refused":
      return event.data.reason === "not_a_member"
        ? `was refused access to “${event.data.workspaceSlug}” (not a member)`
        : `was refused ${event.data.permission ? `“${event.data.permission}”` : "an action"} (their role does not allow it)`;
    case "account.created":
      return "created an account";
    case "account.password_reset_requested":
      return "asked for a password reset";
    case "account.password_reset":
      return "reset their password";
    case "account.password_changed":
      return "changed their password";
    case "account.signed_in":
      return event.data.method === "email-link" ? "signed in from an emailed link" : "signed in";
    case "account.sign_in_failed":
      return "failed to sign in (wrong email or password)";
    case "account.signed_out":
      return "signed out";
    case "account.signed_out_everywhere":
      return "signed out of all devices";
    case "account.notification_settings_changed":
      return event.data.changedKinds.length > 0
        ? `changed email settings for ${event.data.changedKinds.length} kind${event.data.changedKinds.length === 1 ? "" : "s"} of notification (time zone ${event.data.timeZone})`
        : `set the time zone to ${event.data.timeZone}`;
    case "account.language_changed":
      return `set their language to ${event.data.locale ?? "the browser's"}`;
    case "account.unsubscribed":
      return `unsubscribed from ${event.data.kind.toLowerCase().replace(/_/g, " ")} emails (${event.data.via === "one-click" ? "one-click link" : "email link"})`;
  }
}
