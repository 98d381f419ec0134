/**
 * The machine-readable permission matrix: every server action, page and route handler, and who may
 * use it. `permissions.test.ts` finds the actions (each feature's actions.ts under lib), pages and routes (app) and fails when one is
 * missing here, then checks every cell: actor × resource in the actor's own workspace or another.
 */
import type { Role } from "@/lib/generated/prisma/enums";
import type { ActionResult } from "@/lib/action-result";
import type { SessionUser } from "@/lib/accounts/queries";
import type { People, World } from "./world";

export type FieldContext = {
  w: World;
  p: People;
  email: string;
  unique: string;
  /** The acting user if they may import into this world, else its editor: who stages uploads. */
  importer: SessionUser;
  /** The acting user if they may manage trackers in this world, else its owner: who uploads documents. */
  manager: SessionUser;
  /** Who calls the action in this cell (null: anonymous); fields about the caller's own rows use it. */
  actor?: SessionUser | null;
  /** Runs a step as another user (to stage an upload or start a job the cell then uses). */
  as: <T>(user: SessionUser, run: () => Promise<T>) => Promise<T>;
};
export type Fields = (
  ctx: FieldContext,
) => Record<string, string | Blob> | Promise<Record<string, string | Blob>>;

export type Rule =
  /** Members of the resource's workspace with one of these roles; everyone else is refused. */
  | {
      kind: "roles";
      roles: Role[];
      fields: Fields;
      settle?: (result: ActionResult<unknown>, ctx: FieldContext) => Promise<void>;
    }
  /** Any signed-in user, no workspace involved. */
  | { kind: "signed-in"; fields: Fields }
  /** Anyone; executed as anonymous. */
  | { kind: "public"; fields: Fields }
  /** Needs a live Auth.js request (sign-in cookies): checked here for anonymous refusal only, the rest in e2e. */
  | { kind: "own-account"; fields: Fields; coveredBy: string }
  /** Cannot run outside a browser request (Auth.js sign-in); covered by the named e2e spec. */
  | { kind: "e2e-only"; coveredBy: string };

const OWNER: Role[] = ["OWNER"];
const ADMIN: Role[] = ["OWNER", "ADMIN"];
const EDITOR: Role[] = ["OWNER", "ADMIN", "EDITOR"];
const VIEWER: Role[] = ["OWNER", "ADMIN", "EDITOR", "VIEWER"];

const ws = (w: World) => ({ workspaceSlug: w.slug });

const MAPPING = JSON.stringify({ Title: "title", Text: "text" });
const importFile = () =>
  new File(["Title,Text\nRatify the convention,The State should ratify the convention.\n"], "import.csv", {
    type: "text/csv",
  });

/** Stages an upload of the small CSV as the world's importer (as the upload route does); returns its id. */
async function stage(ctx: FieldContext): Promise<string> {
  return ctx.as(ctx.importer, async () => {
    const { requireMembership } = await import("@/lib/server/authz");
    const { stageImportFile } = await import("@/lib/import/mutations");
    const membership = await requireMembership(ctx.w.slug, "tracker.import");
    const bytes = new Uint8Array(await importFile().arrayBuffer());
    const staged = await stageImportFile(membership, {
      trackerId: ctx.w.tracker.id,
      fileName: "import.csv",
      mimeType: "text/csv",
      bytes,
    });
    return staged.uploadId;
  });
}

/** Stages a pasted document as the world's manager (as the document route does); returns its upload id. */
async function stageDocument(ctx: FieldContext, text: string): Promise<string> {
  return ctx.as(ctx.manager, async () => {
    const { requireMembership } = await import("@/lib/server/authz");
    const { analyzeDocument } = await import("@/lib/documents/mutations");
    const membership = await requireMembership(ctx.w.slug, "tracker.manage");
    return (await analyzeDocument(membership, { file: null, text })).uploadId;
  });
}

/**
 * Runs a queued import job to its end in this process (what a pg-boss worker does), so later cells see a
 * quiet database. A failed attempt is retried as the worker would, until the job is DONE or FAILED.
 */
export async function finishJob(jobId: string): Promise<void> {
  if (!jobId) return;
  const { runImportJob, MAX_IMPORT_ATTEMPTS } = await import("@/lib/import/worker");
  const { db } = await import("@/lib/server/db");
  for (let i = 0; i <= MAX_IMPORT_ATTEMPTS; i++) {
    await runImportJob(jobId).catch(() => undefined);
    const job = await db.importJob.findUniqueOrThrow({ where: { id: jobId }, select: { state: true } });
    if (job.state === "DONE" || job.state === "FAILED") return;
  }
  throw new Error(`Import job ${jobId} did not finish.`);
}

/** Starts an import of the small CSV as the world's importer; returns the job id. */
async function startJob(ctx: FieldContext): Promise<string> {
  const uploadId = await stage(ctx);
  return ctx.as(ctx.importer, async () => {
    const { startImportJob } = await import("@/lib/import/mutations");
    const started = await startImportJob({
      workspaceSlug: ctx.w.slug,
      trackerId: ctx.w.tracker.id,
      uploadId,
      mapping: { Title: "title", Text: "text" },
      isStrict: false,
      defaultSection: "Imported",
    });
    return started.jobId;
  });
}

/**
 * A notification of the caller's own, in a workspace of theirs (made for the cell: an actor who is a member
 * of no workspace, such as a removed member, still has their own inbox). Anonymous cells get the owner's.
 */
async function ownNotification(ctx: FieldContext): Promise<string> {
  const { db } = await import("@/lib/server/db");
  const userId = ctx.actor?.id ?? ctx.p.owner.id;
  const workspace = await db.workspace.create({
    data: { name: "Inbox", slug: `inbox-${ctx.unique}`, memberships: { create: { userId, role: "VIEWER" } } },
  });
  const row = await db.notification.create({
    data: { userId, workspaceId: workspace.id, kind: "MENTION", summary: "Hello", channel: "IMMEDIATE" },
  });
  return row.id;
}

const SETTINGS = {
  timeZone: "Europe/Berlin",
  MENTION: "IMMEDIATE",
  ASSIGNED: "IMMEDIATE",
  STATUS_CHANGED: "DIGEST",
  COMMENT: "OFF",
  EVIDENCE: "DIGEST",
  ARCHIVED: "DIGEST",
  DUE_SOON: "DIGEST",
  OVERDUE: "IMMEDIATE",
  INVITATION_ACCEPTED: "DIGEST",
};

export const ACTION_MATRIX: Record<string, Rule> = {
  // lib/notifications/actions.ts: the caller's own inbox and settings; watching inside a workspace
  setNotificationReadAction: {
    kind: "signed-in",
    fields: async (ctx) => ({ notificationId: await ownNotification(ctx), isRead: "true" }),
  },
  markAllReadAction: { kind: "signed-in", fields: () => ({}) },
  updateNotificationSettingsAction: { kind: "signed-in", fields: () => SETTINGS },
  setWatchingAction: {
    kind: "roles",
    roles: VIEWER,
    fields: ({ w }) => ({ ...ws(w), recommendationId: w.rec.id, isWatching: "true" }),
  },
  // lib/accounts/actions.ts
  signUpAction: { kind: "e2e-only", coveredBy: "e2e/accounts.spec.ts" },
  verifyEmailAction: { kind: "e2e-only", coveredBy: "e2e/accounts.spec.ts" },
  signInAction: { kind: "e2e-only", coveredBy: "e2e/accounts.spec.ts" },
  resetPasswordAction: { kind: "e2e-only", coveredBy: "e2e/accounts.spec.ts" },
  signOutAction: { kind: "e2e-only", coveredBy: "e2e/accounts.spec.ts" },
  forgotPasswordAction: { kind: "public", fields: ({ email }) => ({ email }) },
  changePasswordAction: {
    kind: "own-account",
    coveredBy: "e2e/accounts.spec.ts",
    fields: () => ({
      currentPassword: "integration passphrase",
      password: "a new passphrase",
      confirmPassword: "a new passphrase",
    }),
  },
  signOutEverywhereAction: { kind: "own-account", coveredBy: "e2e/accounts.spec.ts", fields: () => ({}) },
  // lib/i18n/actions.ts: sets the language cookie (and a signed-in user's own profile language only).
  chooseLanguageAction: { kind: "e2e-only", coveredBy: "e2e/i18n.spec.ts" },
  // lib/workspaces/actions.ts (create) and lib/invitations/actions.ts (accept)
  createWorkspaceAction: {
    kind: "signed-in",
    fields: ({ unique }) => ({ name: "New coalition", slug: unique }),
  },
  acceptInvitationAction: { kind: "signed-in", fields: () => ({}) }, // token filled in by the test (needs the actor's email)
  // lib/invitations, lib/members, lib/workspaces and lib/trackers actions
  inviteMemberAction: {
    kind: "roles",
    roles: ADMIN,
    fields: ({ w, email }) => ({ ...ws(w), email, role: "VIEWER" }),
  },
  revokeInvitationAction: {
    kind: "roles",
    roles: ADMIN,
    fields: ({ w }) => ({ ...ws(w), invitationId: w.invitation.id }),
  },
  changeRoleAction: {
    kind: "roles",
    roles: ADMIN,
    fields: ({ w }) => ({ ...ws(w), membershipId: w.targetMembership.id, role: "VIEWER" }),
  },
  removeMemberAction: {
    kind: "roles",
    roles: ADMIN,
    fields: ({ w }) => ({ ...ws(w), membershipId: w.targetMembership.id }),
  },
  transferOwnershipAction: {
    kind: "roles",
    roles: OWNER,
    fields: ({ w }) => ({ ...ws(w), membershipId: w.targetMembership.id }),
  },
  renameWorkspaceAction: {
    kind: "roles",
    roles: OWNER,
    fields: ({ w }) => ({ ...ws(w), name: "Renamed coalition" }),
  },
  setWorkspaceLanguageAction: {
    kind: "roles",
    roles: OWNER,
    fields: ({ w }) => ({ ...ws(w), locale: "fr" }),
  },
  deleteWorkspaceAction: {
    kind: "roles",
    roles: OWNER,
    fields: ({ w }) => ({ ...ws(w), confirmSlug: w.slug }),
  },
  createTrackerAction: {
    kind: "roles",
    roles: ADMIN,
    fields: ({ w }) => ({ ...ws(w), name: "New tracker", sections: "One\nTwo" }),
  },
  setTrackerLanguageAction: {
    kind: "roles",
    roles: EDITOR,
    fields: ({ w }) => ({ ...ws(w), trackerId: w.tracker.id, language: "fr" }),
  },
  // lib/recommendations, lib/action-items, lib/comments, lib/evidence and lib/sections actions
  updateFieldAction: {
    kind: "roles",
    roles: EDITOR,
    fields: ({ w }) => ({
      ...ws(w),
      recommendationId: w.rec.id,
      version: "1",
      field: "title",
      value: "Edited title",
    }),
  },
  setStatusAction: {
    kind: "roles",
    roles: EDITOR,
    fields: ({ w }) => ({
      ...ws(w),
      recommendationId: w.rec.id,
      version: "1",
      status: "IN_PROGRESS",
      justification: "Work has begun.",
    }),
  },
  addOwnerAction: {
    kind: "roles",
    roles: EDITOR,
    fields: ({ w, p }) => ({ ...ws(w), recommendationId: w.rec.id, userId: p.viewer.id }),
  },
  removeOwnerAction: {
    kind: "roles",
    roles: EDITOR,
    fields: ({ w, p }) => ({ ...ws(w), recommendationId: w.rec.id, userId: p.target.id }),
  },
  createRecommendationAction: {
    kind: "roles",
    roles: EDITOR,
    fields: ({ w }) => ({
      ...ws(w),
      trackerId: w.tracker.id,
      sectionId: w.section.id,
      title: "A new one",
      text: "Its text",
    }),
  },
  moveRecommendationAction: {
    kind: "roles",
    roles: EDITOR,
    fields: ({ w }) => ({ ...ws(w), id: w.rec.id, direction: "down" }),
  },
  archiveRecommendationAction: {
    kind: "roles",
    roles: EDITOR,
    fields: ({ w }) => ({ ...ws(w), id: w.rec.id, archived: "true" }),
  },
  deleteRecommendationAction: {
    kind: "roles",
    roles: OWNER,
    fields: ({ w }) => ({ ...ws(w), recommendationId: w.rec.id, confirm: "delete" }),
  },
  createActionItemAction: {
    kind: "roles",
    roles: EDITOR,
    fields: ({ w }) => ({ ...ws(w), recommendationId: w.rec.id, title: "Call the desk officer" }),
  },
  updateActionItemAction: {
    kind: "roles",
    roles: EDITOR,
    fields: ({ w }) => ({ ...ws(w), actionId: w.action.id, version: "1", title: "Renamed action" }),
  },
  toggleActionItemAction: {
    kind: "roles",
    roles: EDITOR,
    fields: ({ w }) => ({ ...ws(w), actionId: w.action.id, done: "true" }),
  },
  deleteActionItemAction: {
    kind: "roles",
    roles: EDITOR,
    fields: ({ w }) => ({ ...ws(w), actionId: w.action.id }),
  },
  addCommentAction: {
    kind: "roles",
    roles: EDITOR,
    fields: ({ w }) => ({ ...ws(w), recommendationId: w.rec.id, body: "A new comment" }),
  },
  // The comment in each world is the editor's: only its author edits it; its author and admins delete it.
  editCommentAction: {
    kind: "roles",
    roles: ["EDITOR"],
    fields: ({ w }) => ({ ...ws(w), commentId: w.comment.id, body: "Edited" }),
  },
  deleteCommentAction: {
    kind: "roles",
    roles: ["EDITOR", "ADMIN", "OWNER"],
    fields: ({ w }) => ({ ...ws(w), commentId: w.comment.id }),
  },
  addEvidenceAction: {
    kind: "roles",
    roles: EDITOR,
    fields: ({ w, unique }) => ({
      ...ws(w),
      recommendationId: w.rec.id,
      url: `https://example.org/${unique}`,
      title: "A report",
      sourceType: "NGO_REPORT",
      stance: "PROGRESS",
    }),
  },
  updateEvidenceAction: {
    kind: "roles",
    roles: EDITOR,
    fields: ({ w }) => ({
      ...ws(w),
      evidenceId: w.evidence.id,
      version: "1",
      url: "https://example.org/a",
      title: "Renamed",
      sourceType: "NEWS",
      stance: "CONTEXT",
    }),
  },
  deleteEvidenceAction: {
    kind: "roles",
    roles: EDITOR,
    fields: ({ w }) => ({ ...ws(w), evidenceId: w.evidence.id }),
  },
  createSectionAction: {
    kind: "roles",
    roles: EDITOR,
    fields: ({ w }) => ({ ...ws(w), trackerId: w.tracker.id, title: "New section" }),
  },
  updateSectionAction: {
    kind: "roles",
    roles: EDITOR,
    fields: ({ w }) => ({ ...ws(w), sectionId: w.section.id, version: "1", title: "Renamed section" }),
  },
  moveSectionAction: {
    kind: "roles",
    roles: EDITOR,
    fields: ({ w }) => ({ ...ws(w), id: w.section.id, direction: "down" }),
  },
  archiveSectionAction: {
    kind: "roles",
    roles: EDITOR,
    fields: ({ w }) => ({ ...ws(w), id: w.section.id, archived: "true" }),
  },
  // lib/documents/actions.ts
  createDocumentTrackerAction: {
    kind: "roles",
    roles: ADMIN,
    fields: async (ctx) => {
      const content = "Reengage\n\nThe United States should rejoin the Human Rights Council.";
      const start = content.indexOf("The United");
      return {
        ...ws(ctx.w),
        payload: JSON.stringify({
          name: "From a document",
          uploadId: await stageDocument(ctx, content),
          documentTitle: "A document",
          sections: [{ title: "Reengage" }],
          recommendations: [
            {
              title: "Rejoin the Council",
              text: null,
              sourceStart: start,
              sourceEnd: content.length,
              sectionIndex: 0,
            },
          ],
        }),
      };
    },
  },
  // lib/snapshots/actions.ts
  createSnapshotAction: {
    kind: "roles",
    roles: ADMIN,
    fields: ({ w }) => ({ ...ws(w), trackerId: w.tracker.id, name: "100-day report card", asOf: "" }),
  },
  // lib/publishing/actions.ts
  publishAction: {
    kind: "roles",
    roles: ADMIN,
    fields: ({ w }) => ({ ...ws(w), trackerId: w.tracker.id, source: "live" }),
  },
  unpublishAction: {
    kind: "roles",
    roles: ADMIN,
    fields: async ({ w }) => {
      const { db } = await import("@/lib/server/db");
      await db.publication.upsert({
        where: { trackerId: w.tracker.id },
        create: { workspaceId: w.workspace.id, trackerId: w.tracker.id },
        update: {},
      });
      return { ...ws(w), trackerId: w.tracker.id };
    },
  },
  // lib/import/actions.ts (the upload and the progress are route handlers: ROUTE_MATRIX)
  previewImportAction: {
    kind: "roles",
    roles: EDITOR,
    fields: async (ctx) => ({
      ...ws(ctx.w),
      trackerId: ctx.w.tracker.id,
      uploadId: await stage(ctx),
      mapping: MAPPING,
    }),
  },
  startImportAction: {
    kind: "roles",
    roles: EDITOR,
    fields: async (ctx) => ({
      ...ws(ctx.w),
      trackerId: ctx.w.tracker.id,
      uploadId: await stage(ctx),
      mapping: MAPPING,
      isStrict: "false",
      defaultSection: "Imported",
    }),
    settle: (result) =>
      finishJob(result.ok ? ((result.data as { jobId?: string } | undefined)?.jobId ?? "") : ""),
  },
};

/** Pages under a workspace, by route, with the roles that may open them (others: 404 for non-members, 403 for members). */
export const PAGE_MATRIX: Record<string, { roles: Role[]; params: (w: World) => Record<string, string> }> = {
  "/w/[slug]": { roles: VIEWER, params: (w) => ({ slug: w.slug }) },
  "/w/[slug]/members": { roles: ADMIN, params: (w) => ({ slug: w.slug }) },
  "/w/[slug]/settings": { roles: VIEWER, params: (w) => ({ slug: w.slug }) },
  "/w/[slug]/audit": { roles: ADMIN, params: (w) => ({ slug: w.slug }) },
  "/w/[slug]/my-work": { roles: VIEWER, params: (w) => ({ slug: w.slug }) },
  "/w/[slug]/t/[trackerId]": { roles: VIEWER, params: (w) => ({ slug: w.slug, trackerId: w.tracker.id }) },
  "/w/[slug]/t/[trackerId]/sections": {
    roles: EDITOR,
    params: (w) => ({ slug: w.slug, trackerId: w.tracker.id }),
  },
  "/w/[slug]/t/[trackerId]/document": {
    roles: VIEWER,
    params: (w) => ({ slug: w.slug, trackerId: w.tracker.id }),
  },
  "/w/[slug]/new-tracker": { roles: ADMIN, params: (w) => ({ slug: w.slug }) },
  "/w/[slug]/t/[trackerId]/import": {
    roles: EDITOR,
    params: (w) => ({ slug: w.slug, trackerId: w.tracker.id }),
  },
  "/w/[slug]/t/[trackerId]/dashboard": {
    roles: VIEWER,
    params: (w) => ({ slug: w.slug, trackerId: w.tracker.id }),
  },
  "/w/[slug]/t/[trackerId]/report": {
    roles: VIEWER,
    params: (w) => ({ slug: w.slug, trackerId: w.tracker.id }),
  },
  "/w/[slug]/t/[trackerId]/snapshots": {
    roles: VIEWER,
    params: (w) => ({ slug: w.slug, trackerId: w.tracker.id }),
  },
  "/w/[slug]/t/[trackerId]/snapshots/[snapshotId]": {
    roles: VIEWER,
    params: (w) => ({ slug: w.slug, trackerId: w.tracker.id, snapshotId: w.snapshot.id }),
  },
  "/w/[slug]/t/[trackerId]/snapshots/compare": {
    roles: VIEWER,
    params: (w) => ({ slug: w.slug, trackerId: w.tracker.id }),
  },
  "/w/[slug]/t/[trackerId]/publish": {
    roles: ADMIN,
    params: (w) => ({ slug: w.slug, trackerId: w.tracker.id }),
  },
  "/w/[slug]/t/[trackerId]/r/[recommendationId]": {
    roles: VIEWER,
    params: (w) => ({ slug: w.slug, trackerId: w.tracker.id, recommendationId: w.rec.id }),
  },
};

/** Pages and route handlers outside workspaces: who they are for, and where that is tested. */
export const PUBLIC_ROUTES: Record<string, string> = {
  "/": "signed-in users; lists only their own workspaces (e2e/accounts.spec.ts)",
  "/sign-in": "public",
  "/sign-up": "public",
  "/forgot-password": "public",
  "/reset-password/[token]": "public; the token is the credential (e2e/accounts.spec.ts)",
  "/verify-email/[token]":
    "public; the emailed one-time token is the credential, and only the button creates the account (e2e/accounts.spec.ts)",
  "/invite/[token]": "public preview; accepting needs the invited email (acceptInvitationAction)",
  "/account": "signed-in users, own account only (e2e/accounts.spec.ts)",
  "/inbox":
    "signed-in users, own notifications only, in workspaces they are still a member of (tests/trust/notifications.test.ts)",
  "/unsubscribe":
    "public; the signed token is the credential, opening it changes nothing (tests/trust/notifications.test.ts)",
  "/api/notifications/unread-count":
    "signed-in users, own count only; 401 signed out (tests/trust/notifications.test.ts)",
  "/api/notifications/unsubscribe":
    "public POST (RFC 8058 one-click, from mail clients without cookies); the HMAC-signed token is the credential; forged tokens 400, reused ones change nothing (tests/trust/notifications.test.ts)",
  "/w/new": "signed-in users (createWorkspaceAction)",
  "/api/health": "public; reveals only up/down",
  "/api/live":
    "signed-in users (401 otherwise); only their own notification signal, no workspace data (tests/integration/live.test.ts)",
  "/w/[slug]/t/[trackerId]/export.csv":
    "members (viewers included), 404 for others: lib/export/queries.ts requireMembership; tests/integration/import-export.test.ts",
  "/w/[slug]/t/[trackerId]/export.json":
    "members (viewers included), 404 for others: lib/export/queries.ts requireMembership; tests/integration/import-export.test.ts",
  "/api/auth/[...nextauth]": "Auth.js endpoints (CSRF-protected; e2e/accounts.spec.ts)",
  "/w/[slug]/t/[trackerId]/snapshots/[snapshotId]/export.csv":
    "members (viewers included), 404 for others: lib/snapshots/queries.ts getSnapshotForExport; tests/trust/publishing.test.ts",
  "/w/[slug]/t/[trackerId]/snapshots/[snapshotId]/export.json":
    "members (viewers included), 404 for others: lib/snapshots/queries.ts getSnapshotForExport; tests/trust/publishing.test.ts",
  "/p/[workspace]/[tracker]":
    "public while published, 404 otherwise; only the public allow-list (lib/publishing/rules.ts): e2e/publishing.spec.ts marker leak test",
  "/p/[workspace]/[tracker]/r/[id]": "public while published, 404 otherwise (e2e/publishing.spec.ts)",
  "/p/[workspace]/[tracker]/badge.svg": "public while published, 404 otherwise (e2e/publishing.spec.ts)",
  "/p/[workspace]/[tracker]/embed":
    "public while published, 404 otherwise; the only frameable URL (e2e/publishing.spec.ts)",
};

/**
 * Route handlers under a workspace, with the roles that may use them. Anonymous callers get 401, non-members
 * and other workspaces' ids 404, members without the role 403, all before the body is read; refused calls
 * write nothing. `request` builds the call for the cell (the job a progress cell reads is the importer's).
 */
export type RouteRule = {
  method: "GET" | "POST";
  roles: Role[];
  /** The status of an allowed call. */
  allowed: number;
  request: (ctx: FieldContext) => Promise<{ params: Record<string, string>; request: Request }>;
};

const url = (path: string) => `http://localhost${path}`;

export const ROUTE_MATRIX: Record<string, RouteRule> = {
  // An event stream: permissions.test.ts reads its status and headers, then cancels it (it never ends).
  "/api/w/[slug]/live": {
    method: "GET",
    roles: VIEWER,
    allowed: 200,
    request: async ({ w }) => ({
      params: { slug: w.slug },
      request: new Request(url(`/api/w/${w.slug}/live?recommendation=${w.rec.id}`)),
    }),
  },
  "/api/w/[slug]/t/[trackerId]/import-uploads": {
    method: "POST",
    roles: EDITOR,
    allowed: 201,
    request: async ({ w }) => ({
      params: { slug: w.slug, trackerId: w.tracker.id },
      request: new Request(url(`/api/w/${w.slug}/t/${w.tracker.id}/import-uploads?name=import.csv`), {
        method: "POST",
        headers: { "Content-Type": "text/csv" },
        body: await importFile().arrayBuffer(),
      }),
    }),
  },
  "/api/w/[slug]/document-uploads": {
    method: "POST",
    roles: ADMIN,
    allowed: 201,
    request: async ({ w }) => ({
      params: { slug: w.slug },
      request: new Request(url(`/api/w/${w.slug}/document-uploads?source=paste`), {
        method: "POST",
        headers: { "Content-Type": "text/plain; charset=utf-8" },
        body: "Reengage\n\nThe United States should rejoin the Human Rights Council.",
      }),
    }),
  },
  "/api/w/[slug]/import-jobs/[jobId]": {
    method: "GET",
    roles: EDITOR,
    allowed: 200,
    request: async (ctx) => {
      const jobId = await startJob(ctx);
      await finishJob(jobId);
      return {
        params: { slug: ctx.w.slug, jobId },
        request: new Request(url(`/api/w/${ctx.w.slug}/import-jobs/${jobId}`)),
      };
    },
  },
};
