/**
 * The live stream's trust boundary: a member of workspace A cannot open B's stream (404, like a missing
 * workspace) nor watch a recommendation of B through A's stream, and nothing of B — live, on catch-up, or
 * through presence — ever appears in A's stream, whatever happens in B at the same time.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actAs } from "../support/session";
import { readSse, type SseMessage, type SseReader } from "../support/sse";
import { reportFigure } from "../support/trust-report";
import { createPeople, createWorld, type People, type World } from "./world";
import { db } from "@/lib/server/db";
import { addComment } from "@/lib/comments/mutations";
import { liveStreamResponse } from "@/lib/live/handlers";
import type { SessionUser } from "@/lib/accounts/queries";

let people: People;
let strangers: People;
let a: World;
let b: World;
const open: SseReader[] = [];

beforeAll(async () => {
  people = await createPeople();
  strangers = await createPeople();
  a = await createWorld(people);
  b = await createWorld(strangers);
});

afterAll(async () => {
  await Promise.all(open.map((reader) => reader.close()));
  actAs(null);
});

async function call(
  user: SessionUser | null,
  slug: string,
  query = "",
  headers: Record<string, string> = {},
) {
  actAs(user);
  try {
    return await liveStreamResponse(
      slug,
      new Request(`http://localhost/api/w/${slug}/live${query}`, { headers }),
    );
  } finally {
    actAs(null);
  }
}

const isStream = (response: Response) =>
  response.headers.get("content-type")?.startsWith("text/event-stream") ?? false;

describe("live streams across workspaces", () => {
  it("answers 401 signed out and 404 to anyone not a member, without opening a stream", async () => {
    const cases: [string, SessionUser | null, string, string, number][] = [
      ["anonymous", null, b.slug, "", 401],
      ["A's owner on B", people.owner, b.slug, "", 404],
      ["A's owner on B's recommendation", people.owner, b.slug, `?recommendation=${b.rec.id}`, 404],
      ["A's owner, B's recommendation through A", people.owner, a.slug, `?recommendation=${b.rec.id}`, 404],
      ["a removed member", people.removed, a.slug, "", 404],
      ["an outsider", people.outsider, a.slug, "", 404],
      ["a workspace that does not exist", people.owner, "no-such-workspace", "", 404],
    ];
    const wrong: string[] = [];
    for (const [label, user, slug, query, expected] of cases) {
      const response = await call(user, slug, query);
      if (response.status !== expected || isStream(response)) wrong.push(`${label}: ${response.status}`);
      if (isStream(response)) await response.body?.cancel();
      else {
        const body = (await response.json()) as { error?: string };
        if (typeof body.error !== "string" || /prisma|sql|\bat \w+ \(/i.test(body.error))
          wrong.push(`${label}: body`);
      }
    }
    reportFigure(
      "Live streams: foreign and anonymous opens",
      `${cases.length} tried, ${wrong.length} opened or wrong`,
      wrong.length === 0,
    );
    expect(wrong).toEqual([]);
    // The viewer of A may open A's stream (same rule as A's pages).
    const own = await call(people.viewer, a.slug);
    expect(own.status).toBe(200);
    await own.body?.cancel();
  });

  it("never carries B's events, live or on catch-up, while B is busy", async () => {
    const cursor = (await db.activityEvent.aggregate({ _max: { seq: true } }))._max.seq ?? 0n;
    const response = await call(people.viewer, a.slug, `?recommendation=${a.rec.id}`);
    const sse = readSse(response);
    open.push(sse);
    await sse.next((m) => m.event === "ready");
    // B's members work on B (and look at B's recommendation) while one change happens in A, last.
    const bViewer = readSse(await call(strangers.viewer, b.slug, `?recommendation=${b.rec.id}`));
    open.push(bViewer);
    for (let i = 0; i < 10; i++) {
      actAs(strangers.editor);
      await addComment(b.slug, b.rec.id, `B's comment ${i}`);
    }
    actAs(people.editor);
    await addComment(a.slug, a.rec.id, "A's marker");
    actAs(null);
    const marker = await sse.next((m) => m.event === "change");
    const markerRow = await db.activityEvent.findFirstOrThrow({
      where: { workspaceId: a.workspace.id },
      orderBy: { seq: "desc" },
    });
    expect(marker.id).toBe(markerRow.seq.toString());

    // Catch-up from before B's burst: only A's rows.
    const replay = readSse(await call(people.viewer, a.slug, "", { "Last-Event-ID": cursor.toString() }));
    open.push(replay);
    await replay.next((m) => m.event === "ready");
    const messages: SseMessage[] = [...sse.skipped, marker, ...replay.skipped];
    // The marker arrives live and again on catch-up (its window): count each seq once.
    const seqs = [...new Set(messages.filter((m) => m.event === "change").map((m) => m.id!))].map(BigInt);
    const rows = await db.activityEvent.findMany({
      where: { seq: { in: seqs } },
      select: { workspaceId: true },
    });
    const text = messages.map((m) => m.data).join("\n");
    const bIds = [b.workspace.id, b.tracker.id, b.rec.id, ...Object.values(strangers).map((u) => u.id)];
    const leaks =
      rows.filter((row) => row.workspaceId !== a.workspace.id).length +
      bIds.filter((id) => text.includes(id)).length;
    reportFigure(
      "Live streams: B's events in A's stream",
      `${messages.length} messages read, ${leaks} from B`,
      leaks === 0,
    );
    expect(rows.length).toBe(seqs.length);
    expect(leaks).toBe(0);
  });
});
