import { beforeAll, describe, expect, it } from "vitest";
import { actAs } from "../support/session";
import { db } from "@/lib/server/db";
import { DalError } from "@/lib/server/errors";
import { hashToken } from "@/lib/server/auth/tokens";
import {
  checkLogin,
  createUser,
  requestPasswordReset,
  resetPassword,
  revokeSession,
} from "@/lib/accounts/mutations";
import { getMembershipRows, getUserForSession, type SessionUser } from "@/lib/accounts/queries";
import { createWorkspace, renameWorkspace, setWorkspaceLanguage } from "@/lib/workspaces/mutations";
import { WorkspaceLanguageSchema } from "@/lib/workspaces/schemas";
import { acceptInvitation, inviteMember, revokeInvitation } from "@/lib/invitations/mutations";
import { changeMemberRole, removeMember } from "@/lib/members/mutations";
import { requireMembership } from "@/lib/server/authz";
import { THROTTLE } from "@/lib/server/throttle";
import { drainAccountMail } from "@/lib/accounts/mail-jobs";
import { translatorFor } from "@/lib/i18n/server";

let n = 0;
const email = (label: string) => `${label}-${Date.now()}-${++n}@it.test`;
const slug = (label: string) => `${label}-${Date.now().toString(36)}-${++n}`;
const newUser = (label: string) =>
  createUser({ name: label, email: email(label), password: "integration passphrase" });

async function expectDalError(promise: Promise<unknown>, code: DalError["code"]) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, `expected a ${code} DalError`).toBeInstanceOf(DalError);
  expect((error as DalError).code).toBe(code);
  return error as DalError;
}

const eventsOf = (type: string, workspaceId?: string) =>
  db.activityEvent.count({ where: { type, ...(workspaceId ? { workspaceId } : {}) } });

describe("accounts", () => {
  it("creates a user with an audit event, and refuses a duplicate email with a field error", async () => {
    const before = await eventsOf("account.created");
    const user = await newUser("ada");
    expect(await eventsOf("account.created")).toBe(before + 1);
    const error = await expectDalError(
      createUser({ name: "Copy", email: user.email, password: "another passphrase" }),
      "CONFLICT",
    );
    expect(error.fieldErrors?.email?.[0]).toBe("accounts.errors.emailTaken");
    expect(await db.user.count({ where: { email: user.email } })).toBe(1);
  });

  it("writes sign-ins and failed sign-ins to the audit log, naming only existing accounts", async () => {
    const user = await newUser("audited");
    const of = (type: string, actorId: string | null) => db.activityEvent.count({ where: { type, actorId } });
    const failedBefore = await of("account.sign_in_failed", user.id);
    const anonymousBefore = await of("account.sign_in_failed", null);
    await checkLogin(user.email, "wrong password", "192.0.2.201");
    await checkLogin(`nobody-${Date.now()}@it.test`, "wrong password", "192.0.2.202");
    expect(await of("account.sign_in_failed", user.id)).toBe(failedBefore + 1);
    expect(await of("account.sign_in_failed", null)).toBe(anonymousBefore + 1);
    const signedIn = await of("account.signed_in", user.id);
    expect((await checkLogin(user.email, "integration passphrase", "192.0.2.203")).ok).toBe(true);
    expect(await of("account.signed_in", user.id)).toBe(signedIn + 1);
  });

  it("gives the same answer for an unknown email and a wrong password, then throttles the account", async () => {
    const user = await newUser("throttle");
    const ip = `10.0.0.${n}`;
    expect(await checkLogin(email("nobody"), "whatever", ip)).toEqual({ ok: false, reason: "invalid" });
    expect(await checkLogin(user.email, "wrong password", `192.0.2.${n}`)).toEqual({
      ok: false,
      reason: "invalid",
    });
    for (let i = 1; i < THROTTLE.maxPerAccount; i++)
      await checkLogin(user.email, "wrong password", `192.0.2.${n}`);
    const limited = await checkLogin(user.email, "integration passphrase", `198.51.100.${n}`);
    expect(limited.ok).toBe(false);
    expect(!limited.ok && limited.reason).toBe("rate_limited");
  });

  it("throttles an IP address across accounts", async () => {
    const ip = `203.0.113.${n}`;
    for (let i = 0; i < THROTTLE.maxPerIp; i++) await checkLogin(email(`spray${i}`), "guess", ip);
    const user = await newUser("innocent");
    const result = await checkLogin(user.email, "integration passphrase", ip);
    expect(!result.ok && result.reason).toBe("rate_limited");
    expect((await checkLogin(user.email, "integration passphrase", "203.0.113.250")).ok).toBe(true);
  });

  it("resets a password once with a token, and bumps the session version", async () => {
    const user = await newUser("reset");
    await requestPasswordReset(user.email, "192.0.2.200");
    await drainAccountMail();
    const row = await db.passwordResetToken.findFirstOrThrow({ where: { userId: user.id } });
    // Tokens are stored hashed: fake a known token by overwriting the hash.
    const token = "a-known-token-for-the-integration-test-000";
    await db.passwordResetToken.update({ where: { id: row.id }, data: { tokenHash: hashToken(token) } });
    await resetPassword(token, "the new passphrase");
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.sessionVersion).toBe(user.sessionVersion + 1);
    expect((await checkLogin(user.email, "the new passphrase", "127.0.0.9")).ok).toBe(true);
    await expectDalError(resetPassword(token, "yet another passphrase"), "INVALID");
  });

  it("refuses an expired reset token", async () => {
    const user = await newUser("expired");
    const token = "an-expired-token-for-the-integration-test-0";
    await db.passwordResetToken.create({
      data: { userId: user.id, tokenHash: hashToken(token), expiresAt: new Date(Date.now() - 1000) },
    });
    const error = await expectDalError(resetPassword(token, "the new passphrase"), "INVALID");
    expect(error.message).toMatch(/expired/);
  });
});

describe("the session check", () => {
  it("finds the user only for the current session version and an unrevoked session, with every membership by workspace name", async () => {
    const user = await newUser("session");
    const other = await newUser("session-other");
    actAs(user);
    const zeta = await createWorkspace(user, { name: "Zeta Coalition", slug: slug("zeta") });
    const alpha = await createWorkspace(user, { name: "Alpha Network", slug: slug("alpha") });
    actAs(other);
    await createWorkspace(other, { name: "Another Team", slug: slug("another") });

    const found = await getUserForSession(user.id, user.sessionVersion, "session-a");
    expect(found).toEqual(user);
    const rows = await getMembershipRows(user.id);
    expect(rows.map((row) => [row.workspaceId, row.slug, row.role])).toEqual([
      [alpha.id, alpha.slug, "OWNER"],
      [zeta.id, zeta.slug, "OWNER"],
    ]);
    expect(await getMembershipRows("no-such-user")).toEqual([]);

    expect(await getUserForSession(user.id, user.sessionVersion + 1, "session-a")).toBeNull();
    await revokeSession(user.id, "session-b", new Date(Date.now() + 60_000));
    expect(await getUserForSession(user.id, user.sessionVersion, "session-b")).toBeNull();
    expect(await getUserForSession(user.id, user.sessionVersion, "session-a")).toEqual(user);
  });
});

describe("workspaces, members and invitations", () => {
  let owner: SessionUser;
  let outsider: SessionUser;
  let ws: { id: string; slug: string };

  beforeAll(async () => {
    owner = await newUser("owner");
    outsider = await newUser("outsider");
    actAs(owner);
    ws = await createWorkspace(owner, { name: "Integration Coalition", slug: slug("coalition") });
  });

  it("makes the creator the owner, writes the event, and refuses a taken slug exactly like a reserved one", async () => {
    const membership = await db.membership.findFirstOrThrow({
      where: { workspaceId: ws.id, userId: owner.id },
    });
    expect(membership.role).toBe("OWNER");
    expect(await eventsOf("workspace.created", ws.id)).toBe(1);
    const error = await expectDalError(
      createWorkspace(outsider, { name: "Copycat", slug: ws.slug }),
      "CONFLICT",
    );
    // Messages are catalogue keys with values; runAction renders them in the reader's language.
    const t = await translatorFor("en", "home");
    const slugMessage = (e: DalError) =>
      t("slugUnavailableTry", e.values as { suggestions: string; count: number });
    expect(error.fieldErrors?.slug?.[0]).toBe("home.slugUnavailableTry");
    expect(slugMessage(error)).toMatch(/^That address is unavailable\. Try /);
    // A reserved address gets the same answer (a stranger cannot tell a workspace from a reserved word),
    // and the suggestions are free addresses.
    const reserved = await expectDalError(
      createWorkspace(outsider, { name: "Copycat", slug: "admin" }),
      "CONFLICT",
    );
    expect(reserved.message).toBe(error.message);
    expect(slugMessage(reserved)).toMatch(/^That address is unavailable\. Try admin-org, /);
    const suggested = String(error.values!.suggestions).split(", ");
    expect(suggested.length).toBeGreaterThan(0);
    expect(await db.workspace.count({ where: { slug: { in: suggested } } })).toBe(0);
    await createWorkspace(outsider, { name: "Suggested", slug: suggested[0]! });
  });

  it("treats a non-member exactly like a missing workspace", async () => {
    actAs(outsider);
    const hidden = await expectDalError(requireMembership(ws.slug), "NOT_FOUND");
    const missing = await expectDalError(requireMembership("no-such-workspace"), "NOT_FOUND");
    expect(hidden.message).toBe(missing.message);
    await expectDalError(renameWorkspace(ws.slug, "Hijacked"), "NOT_FOUND");
    expect((await db.workspace.findUniqueOrThrow({ where: { id: ws.id } })).name).toBe(
      "Integration Coalition",
    );
  });

  it("invites, accepts only with the invited email, and refuses viewers managing members", async () => {
    actAs(owner);
    const viewer = await newUser("viewer");
    const { link } = await inviteMember(ws.slug, viewer.email, "VIEWER");
    const token = link.split("/invite/")[1]!;
    expect(await eventsOf("invitation.created", ws.id)).toBeGreaterThanOrEqual(1);

    await expectDalError(acceptInvitation(outsider, token), "FORBIDDEN");
    await acceptInvitation(viewer, token);
    await expectDalError(acceptInvitation(viewer, token), "INVALID");
    const membership = await db.membership.findFirstOrThrow({
      where: { workspaceId: ws.id, userId: viewer.id },
    });
    expect(membership.role).toBe("VIEWER");

    actAs(viewer);
    await expectDalError(inviteMember(ws.slug, email("x"), "ADMIN"), "FORBIDDEN");
    await expectDalError(changeMemberRole(ws.slug, membership.id, "OWNER"), "FORBIDDEN");
    expect((await db.membership.findUniqueOrThrow({ where: { id: membership.id } })).role).toBe("VIEWER");
  });

  it("refuses revoked and expired invitations", async () => {
    actAs(owner);
    const invitee = await newUser("invitee");
    const { link } = await inviteMember(ws.slug, invitee.email, "EDITOR");
    const token = link.split("/invite/")[1]!;
    const row = await db.invitation.findUniqueOrThrow({ where: { tokenHash: hashToken(token) } });
    await revokeInvitation(ws.slug, row.id);
    expect((await expectDalError(acceptInvitation(invitee, token), "INVALID")).message).toBe(
      "invitations.errors.revoked",
    );

    const second = await inviteMember(ws.slug, invitee.email, "EDITOR");
    const secondToken = second.link.split("/invite/")[1]!;
    await db.invitation.update({
      where: { tokenHash: hashToken(secondToken) },
      data: { expiresAt: new Date(Date.now() - 1) },
    });
    expect((await expectDalError(acceptInvitation(invitee, secondToken), "INVALID")).message).toBe(
      "invitations.errors.expired",
    );
    expect(await db.membership.count({ where: { workspaceId: ws.id, userId: invitee.id } })).toBe(0);
  });

  it("keeps the last owner, and scopes member ids to the workspace", async () => {
    actAs(owner);
    const own = await db.membership.findFirstOrThrow({ where: { workspaceId: ws.id, userId: owner.id } });
    await expectDalError(removeMember(ws.slug, own.id), "CONFLICT");

    // A membership id from another workspace behaves like a missing one.
    const other = await createWorkspace(outsider, { name: "Other", slug: slug("other") });
    const foreign = await db.membership.findFirstOrThrow({ where: { workspaceId: other.id } });
    await expectDalError(removeMember(ws.slug, foreign.id), "NOT_FOUND");
    await expectDalError(changeMemberRole(ws.slug, foreign.id, "VIEWER"), "NOT_FOUND");
    expect(await db.membership.count({ where: { id: foreign.id, role: "OWNER" } })).toBe(1);
  });

  it("lets admins manage editors but not owners, and writes one event per change", async () => {
    actAs(owner);
    const admin = await newUser("admin");
    const editor = await newUser("editor");
    for (const [user, role] of [
      [admin, "ADMIN"],
      [editor, "EDITOR"],
    ] as const) {
      const { link } = await inviteMember(ws.slug, user.email, role);
      await acceptInvitation(user, link.split("/invite/")[1]!);
    }
    const editorMembership = await db.membership.findFirstOrThrow({
      where: { workspaceId: ws.id, userId: editor.id },
    });
    const ownerMembership = await db.membership.findFirstOrThrow({
      where: { workspaceId: ws.id, userId: owner.id },
    });
    actAs(admin);
    const before = await eventsOf("member.role_changed", ws.id);
    await changeMemberRole(ws.slug, editorMembership.id, "VIEWER");
    expect(await eventsOf("member.role_changed", ws.id)).toBe(before + 1);
    await expectDalError(changeMemberRole(ws.slug, ownerMembership.id, "VIEWER"), "FORBIDDEN");
    await expectDalError(removeMember(ws.slug, ownerMembership.id), "FORBIDDEN");
    await removeMember(ws.slug, editorMembership.id);
    expect(await db.membership.count({ where: { id: editorMembership.id } })).toBe(0);
    expect(await eventsOf("member.removed", ws.id)).toBe(1);
  });
});

describe("the workspace's email language", () => {
  it("is saved and audited for an owner, unchanged choices write nothing, and editors and admins are refused", async () => {
    const owner = await newUser("lang-owner");
    actAs(owner);
    const ws = await createWorkspace(owner, { name: "Language Coalition", slug: slug("language") });
    const language = async () =>
      (await db.workspace.findUniqueOrThrow({ where: { id: ws.id } })).defaultLocale;
    expect(await language()).toBe("en");

    await setWorkspaceLanguage(ws.slug, "fr");
    expect(await language()).toBe("fr");
    const events = await db.activityEvent.findMany({
      where: { workspaceId: ws.id, type: "workspace.language_changed" },
    });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: owner.id, data: { from: "en", to: "fr" } });
    await setWorkspaceLanguage(ws.slug, "fr");
    expect(await eventsOf("workspace.language_changed", ws.id)).toBe(1);

    for (const role of ["EDITOR", "ADMIN"] as const) {
      const member = await newUser(role.toLowerCase());
      actAs(owner);
      const { link } = await inviteMember(ws.slug, member.email, role);
      await acceptInvitation(member, link.split("/invite/")[1]!);
      actAs(member);
      await expectDalError(setWorkspaceLanguage(ws.slug, "es"), "FORBIDDEN");
    }
    expect(await language()).toBe("fr");
    expect(await eventsOf("workspace.language_changed", ws.id)).toBe(1);

    // Only our languages: the form and the action share this schema.
    expect(WorkspaceLanguageSchema.safeParse({ workspaceSlug: ws.slug, locale: "de" }).success).toBe(false);
    expect(WorkspaceLanguageSchema.safeParse({ workspaceSlug: ws.slug, locale: "es" }).success).toBe(true);
  });
});
