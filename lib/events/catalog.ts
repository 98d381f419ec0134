/**
 * The event stream's catalogue: every kind of ActivityEvent and the zod schema of its payload.
 *
 * Writers go through `recordEvent` (lib/server/events.ts), which validates the payload against this map
 * inside the mutation's transaction; readers go through `parseEvent`, which gives them a discriminated
 * union, so no reader casts `data`. Add a kind here first; TypeScript then shows every place to handle it.
 * Payloads only grow: a field added later is optional, so events written before it still parse.
 */
import { z } from "zod";
import { RecommendationStatus, Role } from "@/lib/generated/prisma/enums";

const Id = z.string().min(1);
const Name = z.string();
const Status = z.enum(RecommendationStatus);
const RoleName = z.enum(Role);
const Direction = z.enum(["up", "down"]);
const Mention = z.object({ userId: Id, name: Name });
/** Set on events an import wrote: the file they came from. */
const ImportedFrom = { importedFrom: z.string().optional() };

const empty = z.object({});
const named = z.object({ name: Name });
const section = z.object({ sectionId: Id, title: Name });
const evidence = z.object({
  evidenceId: Id,
  title: Name,
  url: z.string(),
  /** Written since evidence can be marked public (absent on older events: not public). */
  isPublic: z.boolean().optional(),
});
const action = z.object({ actionId: Id, title: Name });
/** Who owns the action after the change, and before it (to tell a new assignment from an edit). */
const actionOwner = { ownerId: Id.nullable().optional(), previousOwnerId: Id.nullable().optional() };
const ownerChange = z.object({ userId: Id, name: Name });
const memberGone = z.object({
  userId: Id,
  name: Name,
  email: z.string(),
  role: RoleName,
  unassignedRecommendations: z.number().int(),
  unassignedActions: z.number().int(),
});

export const EVENT_PAYLOADS = {
  "account.created": empty,
  "account.password_reset_requested": empty,
  "account.password_reset": empty,
  "account.password_changed": empty,
  "account.signed_in": z.object({ method: z.enum(["password", "email-link"]) }),
  "account.sign_in_failed": z.object({ reason: z.literal("invalid_credentials") }),
  "account.signed_out": empty,
  "account.signed_out_everywhere": empty,
  "account.notification_settings_changed": z.object({
    timeZone: z.string(),
    changedKinds: z.array(z.string()),
  }),
  "account.unsubscribed": z.object({ kind: z.string(), via: z.enum(["one-click", "page"]) }),
  "account.language_changed": z.object({ locale: z.string().nullable() }),

  "access.refused": z.object({
    workspaceSlug: z.string(),
    permission: z.string().nullable(),
    reason: z.enum(["not_a_member", "not_allowed"]),
  }),

  "workspace.created": z.object({ name: Name, slug: z.string() }),
  "workspace.renamed": z.object({ from: Name, to: Name }),
  "workspace.deleted": z.object({ workspaceId: Id, name: Name, slug: z.string() }),
  "workspace.ownership_transferred": z.object({ toUserId: Id, toName: Name }),
  "workspace.language_changed": z.object({ from: z.string(), to: z.string() }),

  "member.joined": z.object({
    name: Name,
    email: z.string(),
    role: RoleName,
    via: z.literal("invitation"),
    invitedById: Id.optional(),
  }),
  "member.role_changed": z.object({ userId: Id, name: Name, from: RoleName, to: RoleName }),
  "member.removed": memberGone,
  "member.left": memberGone,
  "invitation.created": z.object({ email: z.string(), role: RoleName }),
  "invitation.revoked": z.object({ invitationId: Id }),

  "tracker.created": z.object({
    name: Name,
    sections: z.number().int(),
    documentTitle: z.string().optional(),
    recommendations: z.number().int().optional(),
  }),
  "tracker.updated": named,
  "tracker.language_changed": z.object({
    name: Name,
    from: z.string().nullable(),
    to: z.string().nullable(),
  }),
  "tracker.archived": named,
  "tracker.restored": named,
  "tracker.exported": z.object({ format: z.enum(["csv", "json"]), recommendations: z.number().int() }),
  "tracker.imported": z.object({
    fileName: z.string(),
    total: z.number().int(),
    created: z.number().int(),
    updated: z.number().int(),
    rejected: z.number().int(),
    sectionsCreated: z.number().int(),
  }),

  "snapshot.created": z.object({
    snapshotId: Id,
    name: Name,
    asOf: z.string(),
    recommendations: z.number().int(),
  }),
  "tracker.published": z.object({
    mode: z.enum(["live", "snapshot"]),
    snapshotId: Id.nullable(),
    snapshotName: Name.nullable(),
  }),
  "tracker.unpublished": z.object({ mode: z.enum(["live", "snapshot"]) }),

  "section.created": z.object({ sectionId: Id.optional(), title: Name, ...ImportedFrom }),
  "section.updated": z.object({ sectionId: Id, from: Name, to: Name }),
  "section.moved": section.extend({ direction: Direction }),
  "section.archived": section,
  "section.restored": section,

  "recommendation.created": z.object({ title: Name, ...ImportedFrom }),
  "recommendation.updated": z.object({
    field: z.string(),
    from: z.string().optional(),
    to: z.string().optional(),
    ...ImportedFrom,
  }),
  "recommendation.status_changed": z.object({
    from: Status.nullable(),
    to: Status,
    justification: z.string(),
    /**
     * false: the author chose to show the justification on the public scorecard. true, or absent (older events,
     * imports): for the team only. Publishing is opt-in (isJustificationPublic in lib/snapshots/rules.ts).
     */
    isInternal: z.boolean().optional(),
    evidence: z.array(z.object({ id: Id, title: Name, url: z.string() })).optional(),
    /** Imported history: who and when the file says (unverified; the event itself is the importer's, dated at import). */
    recordedBy: z.string().nullable().optional(),
    recordedAt: z.string().optional(),
    /** Written by imports before recordedBy existed. */
    by: z.string().nullable().optional(),
    ...ImportedFrom,
  }),
  "recommendation.owner_added": ownerChange,
  "recommendation.owner_removed": ownerChange,
  "recommendation.moved": z.object({ direction: Direction }),
  "recommendation.archived": z.object({ title: Name }),
  "recommendation.restored": z.object({ title: Name }),
  "recommendation.deleted": z.object({ recommendationId: Id, title: Name }),

  "evidence.added": evidence,
  "evidence.updated": evidence,
  "evidence.deleted": z.object({ evidenceId: Id, title: Name }),

  "comment.added": z.object({ commentId: Id, mentions: z.array(Mention) }),
  "comment.edited": z.object({
    commentId: Id,
    mentions: z.array(Mention),
    /** People the edit mentions who were not mentioned before (they are notified). */
    addedMentions: z.array(Mention).optional(),
  }),
  "comment.deleted": z.object({ commentId: Id, byAuthor: z.boolean() }),

  "action.created": action.extend(actionOwner),
  "action.updated": action.extend(actionOwner),
  "action.completed": action,
  "action.reopened": action,
  "action.deleted": action,
} as const satisfies Record<string, z.ZodType>;

export type EventType = keyof typeof EVENT_PAYLOADS;

/**
 * Events that can notify someone (lib/notifications/fanout.ts). `recordEvent` writes each of them to the
 * notification outbox in the same transaction, so fan-out never misses one.
 */
export const NOTIFYING_EVENT_TYPES: ReadonlySet<string> = new Set<EventType>([
  "member.joined",
  "recommendation.created",
  "recommendation.status_changed",
  "recommendation.owner_added",
  "recommendation.archived",
  "evidence.added",
  "comment.added",
  "comment.edited",
  "action.created",
  "action.updated",
]);
export type EventPayload<T extends EventType> = z.infer<(typeof EVENT_PAYLOADS)[T]>;

export const EVENT_TYPES = Object.keys(EVENT_PAYLOADS) as EventType[];

/** An event's type and payload, discriminated by type: `if (e.type === "comment.added") e.data.mentions`. */
export type TypedEvent = { [T in EventType]: { type: T; data: EventPayload<T> } }[EventType];

/** A row that failed to parse (an unknown type, or a payload written before a schema change). */
export type UnreadableEvent = { type: "unreadable"; storedType: string };

export const isEventType = (type: string): type is EventType => Object.hasOwn(EVENT_PAYLOADS, type);

/** Validates a payload for writing; throws a ZodError (the transaction then rolls back). */
export function validatePayload<T extends EventType>(type: T, data: unknown): EventPayload<T> {
  return EVENT_PAYLOADS[type].parse(data) as EventPayload<T>;
}

/** Reads a stored row's type and payload. Never throws: a row that does not parse comes back as unreadable. */
export function parseEvent(row: { type: string; data: unknown }): TypedEvent | UnreadableEvent {
  if (!isEventType(row.type)) return { type: "unreadable", storedType: row.type };
  const parsed = EVENT_PAYLOADS[row.type].safeParse(row.data ?? {});
  if (!parsed.success) return { type: "unreadable", storedType: row.type };
  return { type: row.type, data: parsed.data } as TypedEvent;
}
