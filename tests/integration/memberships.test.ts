/**
 * Membership changes under concurrency, and invitations that die with their inviter's right to invite.
 */
import { describe, expect, it } from "vitest";
import { actAs, runAs } from "../support/session";
import { newUser, newWorkspaceWithTracker } from "../support/fixtures";
import { db } from "@/lib/server/db";
import { changeMemberRole, removeMember } from "@/lib/members/mutations";
import { acceptInvitation, inviteMember } from "@/lib/invitations/mutations";

const tokenOf = (link: string) => link.split("/invite/")[1]!;

describe("owners", () => {
  it("never leaves a workspace without an owner when two owners demote each other at once", async () => {
    const rounds = 10;
    let bothSucceeded = 0;
    let ownerless = 0;
    for (let round = 0; round < rounds; round++) {
      const w = await newWorkspaceWithTracker(`owners-${round}`);
      const second = await db.membership.update({
        where: { workspaceId_userId: { workspaceId: w.workspace.id, userId: w.editor.id } },
        data: { role: "OWNER" },
      });
      const first = await db.membership.findUniqueOrThrow({
        where: { workspaceId_userId: { workspaceId: w.workspace.id, userId: w.owner.id } },
      });
      const results = await Promise.allSettled([
        runAs(w.owner, () => changeMemberRole(w.workspace.slug, second.id, "ADMIN")),
        runAs(w.editor, () => changeMemberRole(w.workspace.slug, first.id, "ADMIN")),
      ]);
      if (results.every((r) => r.status === "fulfilled")) bothSucceeded += 1;
      const owners = await db.membership.count({ where: { workspaceId: w.workspace.id, role: "OWNER" } });
      if (owners === 0) ownerless += 1;
    }
    console.log(
      `concurrent demotions: ${rounds} rounds, both succeeded ${bothSucceeded}, ownerless ${ownerless}`,
    );
    expect(ownerless).toBe(0);
    expect(bothSucceeded).toBe(0);
  });
});

describe("invitations", () => {
  it("die when their inviter is removed, or demoted below the right to invite", async () => {
    const w = await newWorkspaceWithTracker("inviter");
    const admin = await newUser("inviter-admin");
    const adminMembership = await db.membership.create({
      data: { workspaceId: w.workspace.id, userId: admin.id, role: "ADMIN" },
    });
    const invitee = await newUser("invitee");
    const other = await newUser("invitee-2");

    actAs(admin);
    const first = await inviteMember(w.workspace.slug, invitee.email, "ADMIN");
    const second = await inviteMember(w.workspace.slug, other.email, "EDITOR");

    // Demoted to editor: an editor may not invite, so the invitation no longer grants anything.
    actAs(w.owner);
    await changeMemberRole(w.workspace.slug, adminMembership.id, "EDITOR");
    await expect(acceptInvitation(invitee, tokenOf(first.link))).rejects.toThrow(
      "invitations.errors.inviterLostRight",
    );

    // Removed: their pending invitations are revoked with them.
    await removeMember(w.workspace.slug, adminMembership.id);
    await expect(acceptInvitation(other, tokenOf(second.link))).rejects.toThrow(
      /invitations\.errors\.(revoked|inviterLostRight)/,
    );
    expect(
      await db.membership.count({
        where: { workspaceId: w.workspace.id, userId: { in: [invitee.id, other.id] } },
      }),
    ).toBe(0);

    // An owner's invitation still works.
    const third = await inviteMember(w.workspace.slug, invitee.email, "EDITOR");
    await acceptInvitation(invitee, tokenOf(third.link));
    expect(
      await db.membership.findUnique({
        where: { workspaceId_userId: { workspaceId: w.workspace.id, userId: invitee.id } },
      }),
    ).toMatchObject({ role: "EDITOR" });
  });
});
