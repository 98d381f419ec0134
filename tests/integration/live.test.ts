/**
 * The live stream's data path against a real PostgreSQL: events loaded with the workspace predicate and
 * announced through the instance's one LISTEN connection, catch-up after Last-Event-ID, the notification
 * channel (the notifications feature's contract), presence, and a removed member's stream closing at once.
 */
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { actAs } from "../support/session";
import { newUser, newWorkspaceWithTracker } from "../support/fixtures";
import { readSse, type SseMessage, type SseReader } from "../support/sse";
import { db } from "@/lib/server/db";
import { addComment } from "@/lib/comments/mutations";
import { removeMember } from "@/lib/members/mutations";
import { liveStreamResponse, userStreamResponse } from "@/lib/live/handlers";
import { USER_NOTIFICATION_CHANNEL } from "@/lib/live/channels";
import { CATCH_UP_LIMIT } from "@/lib/live/rules";
import { findAnnouncedEvent } from "@/lib/live/queries";
import { liveHub } from "@/lib/live/hub";
import type { SessionUser } from "@/lib/accounts/queries";

type World = Awaited<ReturnType<typeof newWorkspaceWithTracker>>;
let w: World;
let other: World;
const open: SseReader[] = [];

beforeAll(async () => {
  w = await newWorkspaceWithTracker("live");
  other = await newWorkspaceWithTracker("live-other");
});

afterEach(async () => {
  await Promise.all(open.splice(0).map((reader) => reader.close()));
  actAs(null);
});

async function stream(
  user: SessionUser,
  slug: string,
  query = "",
  headers: Record<string, string> = {},
): Promise<{ response: Response; sse: SseReader }> {
  actAs(user);
  const response = await liveStreamResponse(
    slug,
    new Request(`http://localhost/api/w/${slug}/live${query}`, { headers }),
  );
  actAs(null);
  const sse = readSse(response);
  open.push(sse);
  return { response, sse };
}

const isChange = (m: SseMessage) => m.event === "change";
const data = (m: SseMessage) =>
  m.json as { seq: string; type: string; recommendationId: string | null; isOwn: boolean };

describe("the live stream", () => {
  it("answers an event stream with the right headers, then `ready` carrying the newest seq", async () => {
    const { response, sse } = await stream(w.editor, w.workspace.slug);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/);
    expect(response.headers.get("cache-control")).toBe("no-cache, no-transform");
    expect(response.headers.get("x-accel-buffering")).toBe("no");
    const ready = await sse.next((m) => m.event === "ready");
    const latest = await db.activityEvent.aggregate({
      where: { workspaceId: w.workspace.id },
      _max: { seq: true },
    });
    expect(ready.id).toBe((latest._max.seq ?? 0n).toString());
  });

  it("delivers a committed change of its workspace, by seq, with type and ids only", async () => {
    const { sse } = await stream(w.editor, w.workspace.slug);
    await sse.next((m) => m.event === "ready");
    actAs(w.owner);
    await addComment(w.workspace.slug, w.rec.id, "Seen live?");
    const change = await sse.next(isChange);
    const row = await db.activityEvent.findFirstOrThrow({
      where: { workspaceId: w.workspace.id, type: "comment.added" },
      orderBy: { seq: "desc" },
    });
    expect(change.id).toBe(row.seq.toString());
    expect(change.json).toEqual({
      seq: row.seq.toString(),
      type: "comment.added",
      trackerId: w.tracker.id,
      recommendationId: w.rec.id,
      isOwn: false,
    });
  });

  it("loads an announced event only within the workspaces asked for", async () => {
    actAs(other.owner);
    await addComment(other.workspace.slug, other.rec.id, "Elsewhere");
    const row = await db.activityEvent.findFirstOrThrow({
      where: { workspaceId: other.workspace.id },
      orderBy: { seq: "desc" },
    });
    expect(await findAnnouncedEvent(row.id, [w.workspace.id])).toBeNull();
    expect(await findAnnouncedEvent(row.id, [])).toBeNull();
    expect((await findAnnouncedEvent(row.id, [w.workspace.id, other.workspace.id]))?.seq).toBe(row.seq);
  });

  it("catches up after Last-Event-ID (header or query), re-reading a window behind it", async () => {
    const cursor = (await db.activityEvent.aggregate({ _max: { seq: true } }))._max.seq!;
    actAs(w.owner);
    await addComment(w.workspace.slug, w.rec.id, "Missed one");
    await addComment(w.workspace.slug, w.second.id, "Missed two");
    const expected = await db.activityEvent.findMany({
      where: { workspaceId: w.workspace.id, seq: { gt: cursor } },
      orderBy: { seq: "asc" },
    });
    expect(expected).toHaveLength(2);
    for (const how of ["header", "query"] as const) {
      const { sse } = await stream(
        w.editor,
        w.workspace.slug,
        how === "query" ? `?lastEventId=${cursor}` : "",
        how === "header" ? { "Last-Event-ID": cursor.toString() } : {},
      );
      await sse.next((m) => m.event === "ready");
      const seqs = sse.skipped.filter(isChange).map((m) => data(m).seq);
      for (const row of expected) expect(seqs).toContain(row.seq.toString());
      // Only this workspace's events, each once.
      expect(new Set(seqs).size).toBe(seqs.length);
      const rows = await db.activityEvent.findMany({ where: { seq: { in: seqs.map(BigInt) } } });
      expect(rows.every((r) => r.workspaceId === w.workspace.id)).toBe(true);
    }
  });

  it("asks for a reload instead of replaying more than the limit", async () => {
    const busy = await newWorkspaceWithTracker("live-busy");
    const cursor = (await db.activityEvent.aggregate({ _max: { seq: true } }))._max.seq!;
    await db.activityEvent.createMany({
      data: Array.from({ length: CATCH_UP_LIMIT + 1 }, () => ({
        type: "tracker.updated",
        workspaceId: busy.workspace.id,
        trackerId: busy.tracker.id,
        data: { name: "Busy" },
      })),
    });
    const { sse } = await stream(busy.editor, busy.workspace.slug, `?lastEventId=${cursor}`);
    const first = await sse.next((m) => m.event !== "hello");
    expect(first.event).toBe("reload");
    expect(sse.skipped.filter(isChange)).toHaveLength(0);
  });

  it("passes on pg_notify('user_notification', <id>) to that user's streams only", async () => {
    const { sse } = await stream(w.editor, w.workspace.slug);
    await sse.next((m) => m.event === "ready");
    const notify = (userId: string) =>
      db.$executeRaw`SELECT pg_notify(${USER_NOTIFICATION_CHANNEL}, ${userId})`;
    await notify(w.viewer.id);
    // A change after the other user's signal: if that signal had reached this stream, it would come first.
    actAs(w.owner);
    await addComment(w.workspace.slug, w.rec.id, "Marker");
    const marker = await sse.next((m) => m.event === "change" || m.event === "notification");
    expect(marker.event).toBe("change");
    await notify(w.editor.id);
    expect((await sse.next((m) => m.event === "notification")).event).toBe("notification");
  });

  it("shows who else views a recommendation, and drops them when their stream closes", async () => {
    const editor = await stream(w.editor, w.workspace.slug, `?recommendation=${w.rec.id}`);
    const viewer = await stream(w.viewer, w.workspace.slug, `?recommendation=${w.rec.id}`);
    const viewers = (m: SseMessage) => (m.json as { viewers: { id: string; name: string }[] }).viewers;
    const withEditor = await viewer.sse.next(
      (m) => m.event === "presence" && viewers(m).some((v) => v.id === w.editor.id),
    );
    expect(viewers(withEditor)).toEqual([{ id: w.editor.id, name: w.editor.name }]); // never oneself
    await editor.sse.next((m) => m.event === "presence" && viewers(m).some((v) => v.id === w.viewer.id));
    await editor.sse.close();
    await viewer.sse.next((m) => m.event === "presence" && viewers(m).length === 0);
    expect(await db.presence.count({ where: { userId: w.editor.id } })).toBe(0);
  });

  it("refuses a recommendation of another workspace like a missing one", async () => {
    actAs(w.editor);
    const response = await liveStreamResponse(
      w.workspace.slug,
      new Request(`http://localhost/api/w/${w.workspace.slug}/live?recommendation=${other.rec.id}`),
    );
    expect(response.status).toBe(404);
  });

  it("closes a removed member's stream at once, saying why", async () => {
    const team = await newWorkspaceWithTracker("live-remove");
    const leaving = await newUser("live-leaving");
    const membership = await db.membership.create({
      data: { workspaceId: team.workspace.id, userId: leaving.id, role: "EDITOR" },
    });
    const { sse } = await stream(leaving, team.workspace.slug, `?recommendation=${team.rec.id}`);
    await sse.next((m) => m.event === "ready");
    actAs(team.owner);
    await removeMember(team.workspace.slug, membership.id);
    const revoked = await sse.next((m) => m.event === "revoked", 10_000);
    expect(revoked.json).toEqual({ reason: "no-longer-a-member" });
    await sse.ended;
    expect(sse.skipped.filter((m) => m.event === "change")).toHaveLength(0); // member.* is not forwarded
    expect(await db.presence.count({ where: { userId: leaving.id } })).toBe(0);
  });

  it("survives PostgreSQL dropping the instance's LISTEN connection: it reconnects and catches up", async () => {
    const { sse } = await stream(w.editor, w.workspace.slug);
    await sse.next((m) => m.event === "ready");
    const killed = await db.$queryRaw<{ pid: number }[]>`
      SELECT pid FROM pg_stat_activity WHERE query LIKE 'LISTEN %' AND pid <> pg_backend_pid()`;
    expect(killed.length).toBeGreaterThan(0);
    for (const { pid } of killed) await db.$queryRaw`SELECT pg_terminate_backend(${pid})`;
    // Committed while (or just after) the listener is down: delivered by the catch-up after reconnecting,
    // or by the new LISTEN — either way, once.
    actAs(w.owner);
    await addComment(w.workspace.slug, w.rec.id, "While you were away");
    const row = await db.activityEvent.findFirstOrThrow({
      where: { workspaceId: w.workspace.id },
      orderBy: { seq: "desc" },
    });
    const change = await sse.next((m) => m.event === "change" && data(m).seq === row.seq.toString(), 20_000);
    expect(data(change).type).toBe("comment.added");
    await expect
      .poll(
        async () =>
          (
            await db.$queryRaw<{ n: bigint }[]>`
        SELECT count(*) AS n FROM pg_stat_activity WHERE query LIKE 'LISTEN %' AND pid <> pg_backend_pid()`
          )[0]!.n,
        { timeout: 15_000 },
      )
      .toBeGreaterThan(0n);
  });

  it("outside workspaces, a signed-in user's stream carries their notifications and nothing else", async () => {
    actAs(null);
    const anonymous = await userStreamResponse(new Request("http://localhost/api/live"));
    expect(anonymous.status).toBe(401);
    actAs(w.editor);
    const response = await userStreamResponse(new Request("http://localhost/api/live"));
    actAs(null);
    const sse = readSse(response);
    open.push(sse);
    await sse.next((m) => m.event === "ready");
    actAs(w.owner);
    await addComment(w.workspace.slug, w.rec.id, "Not for the home page");
    await db.$executeRaw`SELECT pg_notify(${USER_NOTIFICATION_CHANNEL}, ${w.editor.id})`;
    const first = await sse.next((m) => m.event !== "ready");
    expect(first.event).toBe("notification");
    expect(sse.skipped.filter((m) => m.event === "change")).toHaveLength(0);
  });

  it("the periodic re-check (one query for all streams) closes streams whose access went without an event", async () => {
    const team = await newWorkspaceWithTracker("live-recheck");
    const quiet = await newUser("live-quiet");
    const staying = await stream(team.viewer, team.workspace.slug);
    await db.membership.create({
      data: { workspaceId: team.workspace.id, userId: quiet.id, role: "VIEWER" },
    });
    const { sse } = await stream(quiet, team.workspace.slug);
    const signedOutEverywhere = await stream(team.editor, team.workspace.slug);
    await Promise.all(
      [sse, staying.sse, signedOutEverywhere.sse].map((r) => r.next((m) => m.event === "ready")),
    );
    // Gone behind the app's back (no member.* event): a direct delete, and a bumped session version.
    await db.membership.deleteMany({ where: { workspaceId: team.workspace.id, userId: quiet.id } });
    await db.user.update({ where: { id: team.editor.id }, data: { sessionVersion: { increment: 1 } } });
    await liveHub().recheckMemberships();
    expect((await sse.next((m) => m.event === "revoked")).json).toEqual({ reason: "no-longer-a-member" });
    await signedOutEverywhere.sse.next((m) => m.event === "revoked");
    await Promise.all([sse.ended, signedOutEverywhere.sse.ended]);
    // The member still in the workspace keeps a live stream.
    actAs(team.owner);
    await addComment(team.workspace.slug, team.rec.id, "Still here");
    expect((await staying.sse.next((m) => m.event === "change" || m.event === "revoked")).event).toBe(
      "change",
    );
  });
});
