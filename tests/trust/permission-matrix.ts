/**
 * The machine-readable permission matrix: every server action, page and route handler, and who may
 * use it. `permissions.test.ts` finds the actions, pages and routes in app/ and fails when one is
 * missing here, then checks every cell: actor × resource in the actor's own workspace or another.
 */
import type { Role } from "@/lib/generated/prisma/enums";
import type { People, World } from "./world";

export type Fields = (ctx: { w: World; p: People; email: string; unique: string }) => Record<string, string>;

export type Rule =
  /** Members of the resource's workspace with one of these roles; everyone else is refused. */
  | { kind: "roles"; roles: Role[]; fields: Fields }
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

export const ACTION_MATRIX: Record<string, Rule> = {
  // app/(auth)/actions.ts
  signUpAction: { kind: "e2e-only", coveredBy: "e2e/accounts.spec.ts" },
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
  // app/(app)/w/new/actions.ts and app/(app)/invite/[token]/actions.ts
  createWorkspaceAction: {
    kind: "signed-in",
    fields: ({ unique }) => ({ name: "New coalition", slug: unique }),
  },
  acceptInvitationAction: { kind: "signed-in", fields: () => ({}) }, // token filled in by the test (needs the actor's email)
  // app/(app)/w/[slug]/actions.ts
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
  // app/(app)/w/[slug]/t/[trackerId]/actions.ts
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
  "/invite/[token]": "public preview; accepting needs the invited email (acceptInvitationAction)",
  "/account": "signed-in users, own account only (e2e/accounts.spec.ts)",
  "/w/new": "signed-in users (createWorkspaceAction)",
  "/api/health": "public; reveals only up/down",
  "/api/auth/[...nextauth]": "Auth.js endpoints (CSRF-protected; e2e/accounts.spec.ts)",
};
