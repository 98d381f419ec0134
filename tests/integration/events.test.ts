/**
 * The event stream: typed payloads validated on write, parsed on read, and announced to every listener
 * only when the mutation's transaction commits (PostgreSQL NOTIFY with the event id).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actAs } from "../support/session";
import { newWorkspaceWithTracker, type World } from "../support/fixtures";
import { db } from "@/lib/server/db";
import { mutate } from "@/lib/server/mutate";
import {
  getWorkspaceEvent,
  recordEvent,
  subscribeToEvents,
  type EventSubscription,
} from "@/lib/server/events";
import { addComment } from "@/lib/comments/mutations";
import { setActionItemDone, createActionItem } from "@/lib/action-items/mutations";
import type { EventType } from "@/lib/events/catalog";

let w: World;
let subscription: EventSubscription;
/**
 * Ids of this test workspace's events, in the order PostgreSQL delivered them. Other workspaces' events
 * (fixtures of other tests, background jobs) arrive on the same channel and are set aside, so a late
 * notification from elsewhere can never pass for the one a test waits for.
 */
const received: string[] = [];
const waiters: { count: number; resolve: () => void }[] = [];
let pending = Promise.resolve();
const nextEvents = (count: number) =>
  new Promise<string[]>((resolve) => {
    const target = received.length + count;
    const check = () => resolve(received.slice(target - count, target));
    if (received.length >= target) check();
    else waiters.push({ count: target, resolve: check });
  });

beforeAll(async () => {
  w = await newWorkspaceWithTracker("events");
  subscription = await subscribeToEvents((id) => {
    // Keep delivery order while looking each id up.
    pending = pending.then(async () => {
      if (!(await getWorkspaceEvent(w.workspace.id, id))) return;
      received.push(id);
      for (const waiter of waiters.filter((x) => received.length >= x.count)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    });
  });
});

afterAll(async () => {
  await subscription.close();
});

const countEvents = () => db.activityEvent.count({ where: { workspaceId: w.workspace.id } });

describe("the event stream", () => {
  it("announces a committed mutation's event by id, and readers get its typed payload", async () => {
    actAs(w.editor);
    const announced = nextEvents(1);
    await addComment(w.workspace.slug, w.rec.id, "A note for @" + w.owner.name);
    const [id] = await announced;
    const stored = await getWorkspaceEvent(w.workspace.id, id!);
    expect(stored?.event.type).toBe("comment.added");
    if (stored?.event.type !== "comment.added") throw new Error("unreachable");
    expect(stored.event.data.mentions).toEqual([{ userId: w.owner.id, name: w.owner.name }]);
    expect(stored.actorId).toBe(w.editor.id);
    // Scoped: the same id read as another workspace is not found.
    const other = await newWorkspaceWithTracker("events-other");
    expect(await getWorkspaceEvent(other.workspace.id, id!)).toBeNull();
  });

  it("announces nothing for a rolled-back mutation: the next announcement is the next commit", async () => {
    actAs(w.editor);
    const before = await countEvents();
    const announced = nextEvents(1);
    await expect(
      mutate(w.workspace.slug, "comment.create", async ({ emit }) => {
        await emit({ type: "recommendation.archived", recommendationId: w.rec.id, data: { title: "x" } });
        throw new Error("fails after its event");
      }),
    ).rejects.toThrow("fails after its event");
    await addComment(w.workspace.slug, w.rec.id, "After the rollback");
    const [id] = await announced;
    const stored = await getWorkspaceEvent(w.workspace.id, id!);
    expect(stored?.event.type).toBe("comment.added");
    expect(await countEvents()).toBe(before + 1);
  });

  it("refuses a payload that does not match its type, and the mutation writes nothing", async () => {
    actAs(w.editor);
    const before = await countEvents();
    await expect(
      mutate(w.workspace.slug, "comment.create", ({ emit }) =>
        emit({
          type: "comment.added" as EventType,
          // A reader would otherwise have to guess: no mentions list, a numeric id.
          data: { commentId: 42 } as never,
        }),
      ),
    ).rejects.toThrow();
    await expect(
      db.$transaction((tx) =>
        recordEvent(tx, {
          type: "section.moved",
          actorId: w.editor.id,
          data: { direction: "sideways" } as never,
        }),
      ),
    ).rejects.toThrow();
    expect(await countEvents()).toBe(before);
  });

  it("refuses to commit a workspace mutation that wrote no event, unless it declares that it changed nothing", async () => {
    actAs(w.editor);
    const before = await db.recommendation.findUniqueOrThrow({ where: { id: w.second.id } });
    await expect(
      mutate(w.workspace.slug, "recommendation.update", ({ tx }) =>
        tx.recommendation.update({ where: { id: w.second.id }, data: { title: "Changed silently" } }),
      ),
    ).rejects.toThrow("without its event");
    const after = await db.recommendation.findUniqueOrThrow({ where: { id: w.second.id } });
    expect(after.title).toBe(before.title);

    // Ticking an already-done action changes nothing and writes no event, without an error.
    await createActionItem({
      workspaceSlug: w.workspace.slug,
      recommendationId: w.rec.id,
      title: "Call the mission",
      ownerId: null,
      dueDate: null,
    });
    const action = await db.actionItem.findFirstOrThrow({ where: { recommendationId: w.rec.id } });
    await setActionItemDone(w.workspace.slug, action.id, true);
    const count = await countEvents();
    await setActionItemDone(w.workspace.slug, action.id, true);
    expect(await countEvents()).toBe(count);
  });

  it("runs a mutation again when PostgreSQL aborts it for a deadlock, and gives up after three tries", async () => {
    actAs(w.editor);
    // The real SQLSTATE of a deadlock (40P01), raised inside the transaction after its change and event.
    const deadlock = (tx: Parameters<Parameters<typeof mutate>[2]>[0]["tx"]) =>
      tx.$executeRawUnsafe(`DO $$ BEGIN RAISE EXCEPTION 'deadlock detected' USING ERRCODE = '40P01'; END $$`);
    const title = async () =>
      (await db.recommendation.findUniqueOrThrow({ where: { id: w.second.id } })).title;
    const before = await countEvents();
    let attempts = 0;
    const result = await mutate(w.workspace.slug, "recommendation.update", async ({ tx, emit }) => {
      attempts += 1;
      await tx.recommendation.update({ where: { id: w.second.id }, data: { title: `Retitled ${attempts}` } });
      await emit({ type: "recommendation.archived", recommendationId: w.second.id, data: { title: "x" } });
      if (attempts === 1) await deadlock(tx);
      return attempts;
    });
    expect(result).toBe(2);
    // The first try was rolled back whole: one change, one event.
    expect(await title()).toBe("Retitled 2");
    expect(await countEvents()).toBe(before + 1);

    let tries = 0;
    await expect(
      mutate(w.workspace.slug, "recommendation.update", async ({ tx, emit }) => {
        tries += 1;
        await tx.recommendation.update({ where: { id: w.second.id }, data: { title: "Never kept" } });
        await emit({ type: "recommendation.archived", recommendationId: w.second.id, data: { title: "x" } });
        await deadlock(tx);
      }),
    ).rejects.toMatchObject({
      code: "P2010",
      meta: { driverAdapterError: { cause: { originalCode: "40P01" } } },
    });
    expect(tries).toBe(3);
    expect(await title()).toBe("Retitled 2");
    expect(await countEvents()).toBe(before + 1);
  });
});
