/** Builders for integration tests: real rows in the throwaway database, unique per call. */
import { db } from "@/lib/server/db";
import { createUser } from "@/lib/accounts/mutations";
import { type SessionUser } from "@/lib/accounts/queries";
import { createWorkspace } from "@/lib/workspaces/mutations";
import type { Role } from "@/lib/generated/prisma/enums";

let counter = 0;
const unique = (label: string) => `${label}-${Date.now().toString(36)}-${++counter}`;

export const newUser = (label: string) =>
  createUser({
    name: `${label} ${counter}`,
    email: `${unique(label)}@it.test`,
    password: "integration passphrase",
  });

/** A workspace with an owner, an editor and a viewer, one tracker, two sections and a recommendation. */
export async function newWorkspaceWithTracker(label = "ws") {
  const owner = await newUser(`${label}-owner`);
  const editor = await newUser(`${label}-editor`);
  const viewer = await newUser(`${label}-viewer`);
  const workspace = await createWorkspace(owner, {
    name: `Workspace ${label}`,
    slug: unique(label).toLowerCase(),
  });
  const add = (user: SessionUser, role: Role) =>
    db.membership.create({ data: { workspaceId: workspace.id, userId: user.id, role } });
  await add(editor, "EDITOR");
  await add(viewer, "VIEWER");
  const tracker = await db.tracker.create({ data: { workspaceId: workspace.id, name: `Tracker ${label}` } });
  const sectionA = await db.section.create({
    data: { workspaceId: workspace.id, trackerId: tracker.id, title: "Section A", position: 0 },
  });
  const sectionB = await db.section.create({
    data: { workspaceId: workspace.id, trackerId: tracker.id, title: "Section B", position: 1 },
  });
  const rec = await db.recommendation.create({
    data: {
      workspaceId: workspace.id,
      trackerId: tracker.id,
      sectionId: sectionA.id,
      title: "Rejoin the Council",
      text: "Rejoin the UN Human Rights Council.",
      position: 0,
    },
  });
  const second = await db.recommendation.create({
    data: {
      workspaceId: workspace.id,
      trackerId: tracker.id,
      sectionId: sectionA.id,
      title: "Close Guantánamo",
      text: "Close the detention facility.",
      position: 1,
    },
  });
  return { owner, editor, viewer, workspace, tracker, sectionA, sectionB, rec, second };
}

export type World = Awaited<ReturnType<typeof newWorkspaceWithTracker>>;
