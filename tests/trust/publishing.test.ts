/**
 * Publishing and snapshots as a trust boundary: only admins publish or unpublish, another workspace's
 * tracker or snapshot behaves as missing, unpublishing makes the public read answer "not published" at
 * once, the public read carries none of the private fields, and snapshot exports are for members only.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { actAs } from "../support/session";
import { createPeople, createWorld, type People, type World } from "./world";
import { db } from "@/lib/server/db";
import { initialActionState, type ActionResult } from "@/lib/action-result";
import { publishAction, unpublishAction } from "@/lib/publishing/actions";
import { createSnapshotAction } from "@/lib/snapshots/actions";
import { getPublicRecommendation, getPublicScorecard, PUBLIC_PAGE_SIZE } from "@/lib/publishing/queries";
import { GET as exportCsv } from "@/app/(app)/w/[slug]/t/[trackerId]/snapshots/[snapshotId]/export.csv/route";

let people: People;
let strangers: People;
let home: World;
let away: World;

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
};
const publish = (w: World, trackerId: string, source = "live") =>
  publishAction(initialActionState, form({ workspaceSlug: w.slug, trackerId, source }));
const unpublish = (w: World, trackerId: string) =>
  unpublishAction(initialActionState, form({ workspaceSlug: w.slug, trackerId }));
const codeOf = (result: ActionResult<unknown>) => (result.ok ? "ok" : result.code);

beforeAll(async () => {
  people = await createPeople();
  strangers = await createPeople();
  home = await createWorld(people);
  away = await createWorld(strangers);
});

describe("publishing", () => {
  it("lets only owners and admins publish and unpublish", async () => {
    for (const actor of ["viewer", "editor"] as const) {
      actAs(people[actor]);
      expect(codeOf(await publish(home, home.tracker.id)), actor).toBe("FORBIDDEN");
    }
    expect(await db.publication.count({ where: { trackerId: home.tracker.id } })).toBe(0);
    actAs(people.admin);
    expect(codeOf(await publish(home, home.tracker.id))).toBe("ok");
    actAs(people.editor);
    expect(codeOf(await unpublish(home, home.tracker.id))).toBe("FORBIDDEN");
    expect(await db.publication.count({ where: { trackerId: home.tracker.id } })).toBe(1);
    actAs(people.owner);
    expect(codeOf(await unpublish(home, home.tracker.id))).toBe("ok");
    expect(await db.publication.count({ where: { trackerId: home.tracker.id } })).toBe(0);
    const events = await db.activityEvent.findMany({
      where: { trackerId: home.tracker.id, type: { in: ["tracker.published", "tracker.unpublished"] } },
      select: { type: true, actorId: true },
      orderBy: { seq: "asc" },
    });
    expect(events).toEqual([
      { type: "tracker.published", actorId: people.admin.id },
      { type: "tracker.unpublished", actorId: people.owner.id },
    ]);
  });

  it("treats another workspace's tracker or snapshot as missing, and writes nothing", async () => {
    actAs(people.owner);
    const before = await db.publication.count();
    expect(codeOf(await publish(home, away.tracker.id))).toBe("NOT_FOUND");
    expect(codeOf(await publish(away, away.tracker.id))).toBe("NOT_FOUND");
    expect(codeOf(await unpublish(home, away.tracker.id))).toBe("NOT_FOUND");
    // A snapshot id of another workspace is not a snapshot of this tracker.
    expect(codeOf(await publish(home, home.tracker.id, away.snapshot.id))).toBe("INVALID");
    expect(await db.publication.count()).toBe(before);
    expect(
      codeOf(
        await createSnapshotAction(
          initialActionState as ActionResult<{ path: string } | null>,
          form({ workspaceSlug: home.slug, trackerId: away.tracker.id, name: "Foreign", asOf: "" }),
        ),
      ),
    ).toBe("NOT_FOUND");
  });

  it("answers the public read only while published, with none of the private fields", async () => {
    actAs(null);
    expect(await getPublicScorecard(home.slug, home.tracker.id)).toBeNull();
    actAs(people.admin);
    await db.evidence.update({ where: { id: home.evidence.id }, data: { isPublic: false } });
    expect(codeOf(await publish(home, home.tracker.id))).toBe("ok");
    actAs(null);
    const scorecard = await getPublicScorecard(home.slug, home.tracker.id);
    expect(scorecard?.progress.total).toBe(2);
    const text = JSON.stringify(scorecard);
    for (const secret of [people.target.name, "A comment", "An action", "https://example.org/a"])
      expect(text).not.toContain(secret);
    // The same slug with another workspace's tracker id is not published.
    expect(await getPublicScorecard(home.slug, away.tracker.id)).toBeNull();
    actAs(people.admin);
    expect(codeOf(await unpublish(home, home.tracker.id))).toBe("ok");
    actAs(null);
    expect(await getPublicScorecard(home.slug, home.tracker.id)).toBeNull();
  });

  it("publishes a snapshot without its owners or internal justifications", async () => {
    await db.snapshotItem.create({
      data: {
        snapshotId: home.snapshot.id,
        recommendationId: home.rec.id,
        sectionTitle: "Section",
        sectionPosition: 0,
        position: 0,
        title: "Frozen recommendation",
        status: "IN_PROGRESS",
        justification: "Frozen internal reasoning",
        isJustificationInternal: true,
        ownerNames: ["Frozen Owner Name"],
      },
    });
    actAs(people.admin);
    expect(codeOf(await publish(home, home.tracker.id, home.snapshot.id))).toBe("ok");
    actAs(null);
    const scorecard = await getPublicScorecard(home.slug, home.tracker.id);
    expect(scorecard).toMatchObject({ mode: "snapshot", snapshotName: "A snapshot" });
    expect(scorecard!.sections[0]!.items.map((i) => [i.title, i.status, i.justification])).toEqual([
      ["Frozen recommendation", "IN_PROGRESS", null],
    ]);
    const text = JSON.stringify(scorecard);
    expect(text).not.toContain("Frozen Owner Name");
    expect(text).not.toContain("Frozen internal reasoning");
    actAs(people.admin);
    expect(codeOf(await unpublish(home, home.tracker.id))).toBe("ok");
  });

  it("leaves out of a published snapshot what the team has withdrawn since: evidence no longer public, archived items", async () => {
    const frozenEvidence = (title: string, url: string) => ({
      title,
      url,
      sourceType: "NEWS",
      stance: "CONTEXT",
      publishedAt: null,
      quote: null,
    });
    await db.evidence.update({ where: { id: home.evidence.id }, data: { isPublic: true } });
    const withdrawn = await db.evidence.create({
      data: {
        workspaceId: home.workspace.id,
        recommendationId: home.rec.id,
        url: "https://example.org/withdrawn-source",
        normalizedUrl: "example.org/withdrawn-source",
        title: "Withdrawn source",
        sourceType: "NEWS",
        stance: "CONTEXT",
        addedById: people.editor.id,
        isPublic: false, // was public when the snapshot was taken; un-marked since
      },
    });
    await db.snapshotItem.updateMany({
      where: { snapshotId: home.snapshot.id, recommendationId: home.rec.id },
      data: {
        evidence: [
          frozenEvidence("Evidence", home.evidence.url),
          frozenEvidence("Withdrawn source", withdrawn.url),
        ],
      },
    });
    actAs(people.admin);
    expect(codeOf(await publish(home, home.tracker.id, home.snapshot.id))).toBe("ok");
    actAs(null);
    const titles = async () =>
      (await getPublicScorecard(home.slug, home.tracker.id))!.sections.flatMap((s) =>
        s.items.map((i) => [i.title, i.evidence.map((e) => e.title)]),
      );
    expect(await titles()).toEqual([["Frozen recommendation", ["Evidence"]]]);
    await db.recommendation.update({ where: { id: home.rec.id }, data: { archivedAt: new Date() } });
    try {
      expect(await titles()).toEqual([]);
    } finally {
      await db.recommendation.update({ where: { id: home.rec.id }, data: { archivedAt: null } });
      await db.evidence.delete({ where: { id: withdrawn.id } });
      await db.evidence.update({ where: { id: home.evidence.id }, data: { isPublic: false } });
      actAs(people.admin);
      expect(codeOf(await unpublish(home, home.tracker.id))).toBe("ok");
    }
  });

  it("exports a snapshot to members only; other workspaces' members get 404", async () => {
    const call = () =>
      exportCsv(new Request("http://localhost/x"), {
        params: Promise.resolve({
          slug: home.slug,
          trackerId: home.tracker.id,
          snapshotId: home.snapshot.id,
        }),
      });
    actAs(people.viewer);
    expect((await call()).status).toBe(200);
    actAs(strangers.owner);
    expect((await call()).status).toBe(404);
    actAs(people.viewer);
    const foreign = await exportCsv(new Request("http://localhost/x"), {
      params: Promise.resolve({ slug: home.slug, trackerId: home.tracker.id, snapshotId: away.snapshot.id }),
    });
    expect(foreign.status).toBe(404);
  });

  it("keeps every permalink of a live scorecard working, past the first page, and ignores hostile cursors", async () => {
    const world = await createWorld(people);
    const tracker = world.tracker;
    const section = await db.section.findFirstOrThrow({
      where: { trackerId: tracker.id },
      orderBy: { position: "asc" },
    });
    await db.recommendation.createMany({
      data: Array.from({ length: PUBLIC_PAGE_SIZE + 5 }, (_, i) => ({
        workspaceId: tracker.workspaceId,
        trackerId: tracker.id,
        sectionId: section.id,
        title: `Item ${i}`,
        text: "Text",
        position: 100 + i,
      })),
    });
    actAs(people.owner);
    expect(codeOf(await publish(world, tracker.id))).toBe("ok");
    const last = await db.recommendation.findFirstOrThrow({
      where: { trackerId: tracker.id },
      orderBy: { position: "desc" },
    });
    const firstPage = await getPublicScorecard(world.slug, tracker.id);
    const onFirstPage = firstPage?.sections.flatMap((s) => s.items.map((i) => i.id)) ?? [];
    expect(onFirstPage).toHaveLength(PUBLIC_PAGE_SIZE);
    expect(onFirstPage).not.toContain(last.id);
    expect((await getPublicRecommendation(world.slug, tracker.id, last.id))?.item.id).toBe(last.id);
    // Cursors out of range for int4, or with a NUL, are ignored (page one), never a database error.
    for (const hostile of [
      [3_000_000_000, 0, "x"],
      [1e300, 0, "x"],
      [0, 0, "a\u0000b"],
    ]) {
      const cursor = Buffer.from(JSON.stringify(hostile)).toString("base64url");
      const page = await getPublicScorecard(world.slug, tracker.id, cursor);
      expect(page?.sections.flatMap((s) => s.items).length).toBe(PUBLIC_PAGE_SIZE);
    }
  });
});
