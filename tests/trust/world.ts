/**
 * The world the permission matrix and the fuzzer run in: one user per role, an outsider, a removed
 * member, and workspaces full of every kind of row, built with direct inserts (fast, one per cell).
 */
import { db } from "@/lib/server/db";
import { createToken } from "@/lib/server/auth/tokens";
import type { SessionUser } from "@/lib/accounts/queries";
import type { Role } from "@/lib/generated/prisma/enums";
import { newUser } from "../support/fixtures";

export type Actor = "anonymous" | "outsider" | "removed" | "viewer" | "editor" | "admin" | "owner";
export const ACTORS: Actor[] = ["anonymous", "outsider", "removed", "viewer", "editor", "admin", "owner"];
export const MEMBER_ROLES: Partial<Record<Actor, Role>> = {
  viewer: "VIEWER",
  editor: "EDITOR",
  admin: "ADMIN",
  owner: "OWNER",
};

export type People = Record<Exclude<Actor, "anonymous">, SessionUser> & { target: SessionUser };

export async function createPeople(): Promise<People> {
  const entries = await Promise.all(
    (["outsider", "removed", "viewer", "editor", "admin", "owner", "target"] as const).map(
      async (key) => [key, await newUser(`m-${key}`)] as const,
    ),
  );
  return Object.fromEntries(entries) as People;
}

let n = 0;

/** A workspace holding one row of every kind, with the role users as members. */
export async function createWorld(people: People) {
  n += 1;
  const slug = `matrix-${Date.now().toString(36)}-${n}`;
  const workspace = await db.workspace.create({ data: { name: `Matrix ${n}`, slug } });
  const roles: [SessionUser, Role][] = [
    [people.viewer, "VIEWER"],
    [people.editor, "EDITOR"],
    [people.admin, "ADMIN"],
    [people.owner, "OWNER"],
    [people.target, "EDITOR"],
  ];
  await db.membership.createMany({
    data: roles.map(([user, role]) => ({ workspaceId: workspace.id, userId: user.id, role })),
  });
  const targetMembership = await db.membership.findFirstOrThrow({
    where: { workspaceId: workspace.id, userId: people.target.id },
  });
  const w = workspace.id;
  const document = await db.document.create({
    data: { workspaceId: w, title: "A document", content: "Recommendation text. Neighbour text." },
  });
  const tracker = await db.tracker.create({
    data: { workspaceId: w, name: "Tracker", documentId: document.id },
  });
  const section = await db.section.create({
    data: { workspaceId: w, trackerId: tracker.id, title: "Section", position: 0 },
  });
  const otherSection = await db.section.create({
    data: { workspaceId: w, trackerId: tracker.id, title: "Other section", position: 1 },
  });
  const rec = await db.recommendation.create({
    data: {
      workspaceId: w,
      trackerId: tracker.id,
      sectionId: section.id,
      title: "Recommendation",
      text: "Text",
      position: 0,
    },
  });
  const neighbour = await db.recommendation.create({
    data: {
      workspaceId: w,
      trackerId: tracker.id,
      sectionId: section.id,
      title: "Neighbour",
      text: "Text",
      position: 1,
    },
  });
  await db.recommendationOwner.create({ data: { recommendationId: rec.id, userId: people.target.id } });
  const evidence = await db.evidence.create({
    data: {
      workspaceId: w,
      recommendationId: rec.id,
      url: "https://example.org/a",
      normalizedUrl: "example.org/a",
      title: "Evidence",
      sourceType: "NEWS",
      stance: "CONTEXT",
      addedById: people.editor.id,
    },
  });
  const comment = await db.comment.create({
    data: { workspaceId: w, recommendationId: rec.id, authorId: people.editor.id, body: "A comment" },
  });
  const action = await db.actionItem.create({
    data: { workspaceId: w, recommendationId: rec.id, title: "An action", position: 0 },
  });
  const invitation = await db.invitation.create({
    data: {
      workspaceId: w,
      email: `invitee-${n}@it.test`,
      role: "VIEWER",
      tokenHash: createToken().tokenHash,
      invitedById: people.owner.id,
      expiresAt: new Date(Date.now() + 86_400_000),
    },
  });
  const snapshot = await db.snapshot.create({
    data: {
      workspaceId: w,
      trackerId: tracker.id,
      name: "A snapshot",
      asOf: new Date(),
      trackerName: "Tracker",
      itemCount: 0,
    },
  });
  // "removed" was a member and was removed: it keeps no membership.
  return {
    workspace,
    slug,
    tracker,
    section,
    otherSection,
    rec,
    neighbour,
    evidence,
    comment,
    action,
    invitation,
    targetMembership,
    snapshot,
  };
}

export type World = Awaited<ReturnType<typeof createWorld>>;

/**
 * A cheap fingerprint of everything an action could change, to prove a refused call wrote nothing.
 * `includeStaging: false` leaves out staged uploads and import-job bookkeeping (not workspace content).
 */
export async function fingerprint({ includeStaging = true } = {}): Promise<string> {
  const rows = await db.$queryRaw<{ v: string }[]>`
    SELECT concat_ws('|',
      (SELECT count(*) FROM "User"), (SELECT coalesce(sum("sessionVersion"), 0) FROM "User"),
      (SELECT count(*) FROM "Workspace"), (SELECT coalesce(sum(version), 0) FROM "Workspace"),
      (SELECT count(*) FROM "Membership"), (SELECT string_agg(role::text, '' ORDER BY id) FROM "Membership"),
      (SELECT count(*) FROM "Invitation"), (SELECT count(*) FROM "Invitation" WHERE "revokedAt" IS NOT NULL OR "acceptedAt" IS NOT NULL),
      (SELECT count(*) FROM "Tracker"), (SELECT count(*) FROM "Section"), (SELECT coalesce(sum(version), 0) FROM "Section"),
      (SELECT count(*) FROM "Recommendation"), (SELECT coalesce(sum(version), 0) FROM "Recommendation"),
      (SELECT count(*) FROM "RecommendationOwner"), (SELECT count(*) FROM "RecommendationTag"),
      (SELECT count(*) FROM "ActionItem"), (SELECT coalesce(sum(version), 0) FROM "ActionItem"),
      (SELECT count(*) FROM "Comment"), (SELECT count(*) FROM "Comment" WHERE "deletedAt" IS NOT NULL OR "editedAt" IS NOT NULL),
      (SELECT count(*) FROM "Evidence"), (SELECT coalesce(sum(version), 0) FROM "Evidence"),
      (SELECT count(*) FROM "Snapshot"), (SELECT count(*) FROM "SnapshotItem"),
      (SELECT count(*) || '/' || coalesce(string_agg(coalesce("snapshotId", 'live'), ',' ORDER BY id), '') FROM "Publication"),
      -- A refused call writes exactly its own audit event (access.refused) and nothing else.
      (SELECT count(*) FROM "ActivityEvent" WHERE type <> 'access.refused'),
      (SELECT CASE WHEN ${includeStaging} THEN (SELECT count(*) FROM "Upload") ELSE 0 END),
      (SELECT CASE WHEN ${includeStaging} THEN (SELECT count(*) || '/' || coalesce(sum("attempts"), 0) FROM "ImportJob") ELSE '' END)
    ) AS v`;
  return rows[0]?.v ?? "";
}

/** Runs `run` as `user`, then restores the actor the test set. */
export function makeAs(actAs: (user: SessionUser | null) => void, current: () => SessionUser | null) {
  return async <T>(user: SessionUser, run: () => Promise<T>): Promise<T> => {
    const previous = current();
    actAs(user);
    try {
      return await run();
    } finally {
      actAs(previous);
    }
  };
}
