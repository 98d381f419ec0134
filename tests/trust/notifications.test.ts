import { beforeAll, describe, expect, it } from "vitest";
import { actAs } from "../support/session";
import { reportFigure } from "../support/trust-report";
import { createPeople, createWorld, type People, type World } from "./world";
import { db } from "@/lib/server/db";
import { initialActionState } from "@/lib/action-result";
import { markAllReadAction, setNotificationReadAction } from "@/lib/notifications/actions";
import { unreadCountRoute, unsubscribeRoute } from "@/lib/notifications/handlers";
import { countUnread, listInbox } from "@/lib/notifications/queries";
import { createUnsubscribeToken } from "@/lib/notifications/unsubscribe-token";
import { unsubscribeSecret } from "@/lib/notifications/secret";
import { processNotificationOutbox } from "@/lib/notifications/fanout";
import { sendDigest, sendImmediateEmail } from "@/lib/notifications/delivery";
import { addComment } from "@/lib/comments/mutations";
import { deleteRecommendation } from "@/lib/recommendations/mutations";

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
};

const ALL = { show: "all", reason: "any", page: 1 } as const;

let home: People;
let strangers: People;
let other: World;

async function entryFor(userId: string, world: World, summary = "Hello") {
  return db.notification.create({
    data: {
      userId,
      workspaceId: world.workspace.id,
      trackerId: world.tracker.id,
      recommendationId: world.rec.id,
      kind: "MENTION",
      summary,
      channel: "IMMEDIATE",
    },
  });
}

beforeAll(async () => {
  home = await createPeople();
  strangers = await createPeople();
  await createWorld(home);
  other = await createWorld(strangers);
});

describe("inbox entries of another person or workspace", () => {
  it("cannot be read, counted, marked or listed by anyone else", async () => {
    const theirs = await entryFor(strangers.editor.id, other, "secret of another workspace");
    let attempts = 0;
    let leaks = 0;
    for (const actor of [home.owner, home.editor, home.viewer, strangers.viewer]) {
      actAs(actor);
      attempts += 1;
      const result = await setNotificationReadAction(
        initialActionState,
        form({ notificationId: theirs.id, isRead: "true" }),
      );
      if (result.ok) leaks += 1;
      await markAllReadAction(initialActionState, form({}));
      const listed = await listInbox(actor, ALL);
      if (listed.entries.some((e) => e.id === theirs.id || e.summary.includes("secret"))) leaks += 1;
      const count = (await (await unreadCountRoute()).json()) as { unread: number };
      if (count.unread !== (await countUnread(actor))) leaks += 1;
    }
    actAs(null);
    const after = await db.notification.findUniqueOrThrow({ where: { id: theirs.id } });
    if (after.readAt !== null) leaks += 1;
    const signedOut = await unreadCountRoute();
    expect(signedOut.status).toBe(401);
    reportFigure(
      "Notifications: other people's inbox entries",
      `attempts ${attempts}, entries read, listed, counted or marked 0 → ${leaks}`,
      leaks === 0,
    );
    expect(leaks).toBe(0);
  });
});

describe("unsubscribe tokens", () => {
  const post = (token: string) =>
    unsubscribeRoute(
      new Request(`http://localhost/api/notifications/unsubscribe?token=${encodeURIComponent(token)}`, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: "List-Unsubscribe=One-Click",
      }),
    );
  const channelOf = async (userId: string, kind: "MENTION" | "COMMENT") =>
    (await db.notificationPreference.findUnique({ where: { userId_kind: { userId, kind } } }))?.channel ??
    "default";

  it("refuse forged or altered tokens; a reused token changes nothing more", async () => {
    const secret = unsubscribeSecret();
    const good = createUnsubscribeToken(secret, home.viewer.id, "MENTION");
    const signature = good.split(".")[2]!;
    const forged = [
      createUnsubscribeToken("not the secret at all, but long enough", home.viewer.id, "MENTION"),
      `${home.editor.id}.MENTION.${signature}`, // someone else's id with the viewer's signature
      `${home.viewer.id}.COMMENT.${signature}`, // another kind
      `${home.viewer.id}.MENTION.${signature.slice(0, -2)}`,
      `${home.viewer.id}.MENTION`,
      "",
      "x".repeat(5000),
    ];
    let accepted = 0;
    for (const token of forged) if ((await post(token)).status !== 400) accepted += 1;
    expect(await channelOf(home.viewer.id, "MENTION")).toBe("default");
    expect(await channelOf(home.editor.id, "MENTION")).toBe("default");
    expect(await channelOf(home.viewer.id, "COMMENT")).toBe("default");

    const events = () =>
      db.activityEvent.count({ where: { type: "account.unsubscribed", actorId: home.viewer.id } });
    const first = await post(good);
    const second = await post(good);
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect(await channelOf(home.viewer.id, "MENTION")).toBe("OFF");
    expect(await events()).toBe(1);
    reportFigure(
      "Notifications: unsubscribe tokens",
      `forged or altered ${forged.length}, accepted ${accepted}; reused token: preference changes 1, events 1`,
      accepted === 0,
    );
    expect(accepted).toBe(0);
  });
});

describe("notifications about items the recipient can no longer read", () => {
  it("disappear from the inbox and are never emailed", async () => {
    const people = await createPeople();
    const x = await createWorld(people);
    await processNotificationOutbox(100_000);
    // The editor is mentioned twice on two recommendations, then loses access in two ways.
    actAs(people.owner);
    await addComment(x.slug, x.rec.id, `@${people.editor.name} first`);
    await addComment(x.slug, x.neighbour.id, `@${people.editor.name} second`);
    await processNotificationOutbox(100_000);
    expect(await countUnread(people.editor)).toBe(2);
    // 1. The recommendation is deleted: its entries go with it.
    await deleteRecommendation(x.slug, x.neighbour.id);
    expect(await countUnread(people.editor)).toBe(1);
    // 2. She is removed from the workspace: nothing of it is listed, counted or mailed.
    await db.membership.deleteMany({ where: { workspaceId: x.workspace.id, userId: people.editor.id } });
    const listed = (await listInbox(people.editor, ALL)).entries.length;
    const counted = await countUnread(people.editor);
    const mailed =
      (await sendImmediateEmail({ userId: people.editor.id, recommendationId: x.rec.id })) +
      (await sendDigest({ userId: people.editor.id, localDate: "2099-02-02" }));
    // And nothing new reaches her about it.
    const total = async () =>
      (
        await db.notification.aggregate({
          where: { userId: people.editor.id, workspaceId: x.workspace.id },
          _sum: { count: true },
        })
      )._sum.count ?? 0;
    const before = await total();
    await addComment(x.slug, x.rec.id, `@${people.editor.name} are you there?`);
    await processNotificationOutbox(100_000);
    const newRows = (await total()) - before;
    actAs(null);
    reportFigure(
      "Notifications: items no longer readable",
      `after deletion and removal: listed ${listed}, counted ${counted}, emailed ${mailed}, new notifications ${newRows}`,
      listed + counted + mailed + newRows === 0,
    );
    expect([listed, counted, mailed, newRows]).toEqual([0, 0, 0, 0]);
  });
});
