import type { useTranslations } from "next-intl";
import type { TypedEvent, UnreadableEvent } from "@/lib/events/catalog";

/**
 * A translator over the whole catalogue: `useTranslations()` in a component, `await getTranslations()` in
 * an async server component, `createTranslator({ locale, messages, formats })` elsewhere. Activity
 * sentences live under `activity.*`; status names come from `status.*.label`.
 */
export type ActivityTranslator = ReturnType<typeof useTranslations<never>>;

/** A stored day ("2021-04-30" or a full ISO time) as a Date, or null when it is not a date. */
function dayOf(value: string | undefined): Date | null {
  if (!value) return null;
  const date = new Date(`${value.slice(0, 10)}T00:00:00.000Z`);
  return Number.isNaN(date.getTime()) ? null : date;
}

/**
 * A one-line description of an event, for timelines and the audit log, in the reader's language. The
 * actor is shown before it ("Ada" + "changed the status…"). The switch is exhaustive over the catalogue:
 * a new event type does not compile until it has a sentence here.
 */
export function describeActivity(event: TypedEvent | UnreadableEvent, t: ActivityTranslator): string {
  const quoted = (text: string | undefined) =>
    text ? t("activity.quoted", { text }) : t("activity.nothing");
  // Language codes: our three by name, any other BCP 47 tag as itself.
  const language = (code: string | null | undefined) => t("activity.languageName", { code: code ?? "none" });
  switch (event.type) {
    case "unreadable":
      return event.storedType.replace(/[._]/g, " ");
    case "recommendation.created":
      return t("activity.recommendationCreated", { title: quoted(event.data.title) });
    case "recommendation.updated": {
      if (event.data.field === "text") return t("activity.textEdited");
      if (event.data.field === "import")
        return event.data.importedFrom
          ? t("activity.updatedFromImport", { source: event.data.importedFrom })
          : t("activity.updatedFromAnImport");
      return t("activity.fieldChanged", { field: event.data.field, value: quoted(event.data.to) });
    }
    case "recommendation.status_changed": {
      const { data } = event;
      const values = {
        from: data.from ? t(`status.${data.from}.label`) : "—",
        to: t(`status.${data.to}.label`),
      };
      if (!data.importedFrom) return t("activity.statusChanged", values);
      // What an imported file claims about a change: shown as the file's words, never as the actor or date.
      const who = data.recordedBy ?? data.by;
      const when = dayOf(data.recordedAt);
      const imported = { ...values, source: data.importedFrom };
      if (who && when) return t("activity.statusImportedByOn", { ...imported, who, when });
      if (who) return t("activity.statusImportedBy", { ...imported, who });
      if (when) return t("activity.statusImportedOn", { ...imported, when });
      return t("activity.statusImported", imported);
    }
    case "recommendation.owner_added":
      return t("activity.ownerAdded", { name: event.data.name });
    case "recommendation.owner_removed":
      return t("activity.ownerRemoved", { name: event.data.name });
    case "recommendation.moved":
      return t("activity.recommendationMoved", { direction: event.data.direction });
    case "recommendation.archived":
      return t("activity.recommendationArchived");
    case "recommendation.restored":
      return t("activity.recommendationRestored");
    case "recommendation.deleted":
      return t("activity.recommendationDeleted", { title: quoted(event.data.title) });
    case "evidence.added":
      return t("activity.evidenceAdded", { title: quoted(event.data.title) });
    case "evidence.updated":
      return t("activity.evidenceUpdated", { title: quoted(event.data.title) });
    case "evidence.deleted":
      return t("activity.evidenceDeleted", { title: quoted(event.data.title) });
    case "comment.added":
      return t("activity.commentAdded");
    case "comment.edited":
      return t("activity.commentEdited");
    case "comment.deleted":
      return t("activity.commentDeleted");
    case "action.created":
      return t("activity.actionCreated", { title: quoted(event.data.title) });
    case "action.updated":
      return t("activity.actionUpdated", { title: quoted(event.data.title) });
    case "action.completed":
      return t("activity.actionCompleted", { title: quoted(event.data.title) });
    case "action.reopened":
      return t("activity.actionReopened", { title: quoted(event.data.title) });
    case "action.deleted":
      return t("activity.actionDeleted", { title: quoted(event.data.title) });
    case "section.created":
      return t("activity.sectionCreated", { title: quoted(event.data.title) });
    case "section.updated":
      return t("activity.sectionRenamed", { title: quoted(event.data.to) });
    case "section.moved":
      return t("activity.sectionMoved", { title: quoted(event.data.title), direction: event.data.direction });
    case "section.archived":
      return t("activity.sectionArchived", { title: quoted(event.data.title) });
    case "section.restored":
      return t("activity.sectionRestored", { title: quoted(event.data.title) });
    case "tracker.created":
      return event.data.documentTitle
        ? t("activity.trackerCreatedFromDocument", {
            name: quoted(event.data.name),
            document: quoted(event.data.documentTitle),
          })
        : t("activity.trackerCreated", { name: quoted(event.data.name) });
    case "tracker.exported":
      return t("activity.trackerExported", {
        count: event.data.recommendations,
        format: event.data.format.toUpperCase(),
      });
    case "tracker.imported":
      return t("activity.trackerImported", {
        fileName: event.data.fileName,
        created: event.data.created,
        updated: event.data.updated,
        rejected: event.data.rejected,
      });
    case "tracker.updated":
      return t("activity.trackerUpdated", { name: quoted(event.data.name) });
    case "tracker.language_changed":
      return t("activity.trackerLanguageChanged", {
        name: quoted(event.data.name),
        language: language(event.data.to),
      });
    case "tracker.archived":
      return t("activity.trackerArchived", { name: quoted(event.data.name) });
    case "tracker.restored":
      return t("activity.trackerRestored", { name: quoted(event.data.name) });
    case "snapshot.created": {
      const asOf = dayOf(event.data.asOf);
      const values = { name: quoted(event.data.name), count: event.data.recommendations };
      return asOf
        ? t("activity.snapshotCreated", { ...values, asOf })
        : t("activity.snapshotCreatedUndated", values);
    }
    case "tracker.published":
      return event.data.snapshotName
        ? t("activity.publishedSnapshot", { name: quoted(event.data.snapshotName) })
        : t("activity.publishedLive");
    case "tracker.unpublished":
      return t("activity.unpublished");
    case "member.removed":
      return t("activity.memberRemoved", { name: event.data.name });
    case "member.left":
      return t("activity.memberLeft", { name: event.data.name });
    case "member.joined":
      return t("activity.memberJoined", { role: event.data.role });
    case "member.role_changed":
      return t("activity.memberRoleChanged", { name: event.data.name, role: event.data.to });
    case "invitation.created":
      return t("activity.invitationCreated", { email: event.data.email, role: event.data.role });
    case "invitation.revoked":
      return t("activity.invitationRevoked");
    case "workspace.created":
      return t("activity.workspaceCreated", { name: quoted(event.data.name) });
    case "workspace.deleted":
      return t("activity.workspaceDeleted", { name: quoted(event.data.name) });
    case "workspace.renamed":
      return t("activity.workspaceRenamed", { name: quoted(event.data.to) });
    case "workspace.language_changed":
      return t("activity.workspaceLanguageChanged", { language: language(event.data.to) });
    case "workspace.ownership_transferred":
      return t("activity.ownershipTransferred", { name: event.data.toName });
    case "access.refused":
      if (event.data.reason === "not_a_member")
        return t("activity.refusedNotMember", { workspace: quoted(event.data.workspaceSlug) });
      return event.data.permission
        ? t("activity.refusedPermission", { permission: quoted(event.data.permission) })
        : t("activity.refusedAction");
    case "account.created":
      return t("activity.accountCreated");
    case "account.password_reset_requested":
      return t("activity.passwordResetRequested");
    case "account.password_reset":
      return t("activity.passwordReset");
    case "account.password_changed":
      return t("activity.passwordChanged");
    case "account.signed_in":
      return event.data.method === "email-link" ? t("activity.signedInByLink") : t("activity.signedIn");
    case "account.sign_in_failed":
      return t("activity.signInFailed");
    case "account.signed_out":
      return t("activity.signedOut");
    case "account.signed_out_everywhere":
      return t("activity.signedOutEverywhere");
    case "account.notification_settings_changed":
      return event.data.changedKinds.length > 0
        ? t("activity.notificationSettingsChanged", {
            count: event.data.changedKinds.length,
            timeZone: event.data.timeZone,
          })
        : t("activity.timeZoneSet", { timeZone: event.data.timeZone });
    case "account.language_changed":
      return event.data.locale
        ? t("activity.accountLanguageChanged", { language: language(event.data.locale) })
        : t("activity.accountLanguageBrowser");
    case "account.unsubscribed":
      return t("activity.unsubscribed", {
        kind: event.data.kind,
        via: event.data.via === "one-click" ? "oneClick" : "link",
      });
  }
}
