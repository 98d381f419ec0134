/**
 * The dashboard's counters kept by triggers (migration 20261203110000_dashboard_counters): RecommendationCount
 * per section, status, target actor and path, and RecommendationOwnerCount per section, owner and status, against
 * a GROUP BY of the live rows from scratch, after every kind of write: inserts (one and many in one statement),
 * status changes, actor and path edits, section moves, archiving and restoring recommendations, owners added and
 * removed (through the app and in bulk), a member deleted, deletions (live, archived, many in one statement).
 * Then the dashboard itself: its breakdowns and owner load (read from the counters) equal the same figures from
 * the live rows, with a section archived and restored, and the stale count stops at its limit. No timings.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { RecommendationStatus } from "@/lib/generated/prisma/enums";
import { actAs } from "../support/session";
import { newUser, newWorkspaceWithTracker, type World } from "../support/fixtures";
import { db } from "@/lib/server/db";
import { STATUSES } from "@/lib/status";
import { isoDay } from "@/lib/history/rules";
import { getTrackerDashboard, STALE_COUNT_LIMIT } from "@/lib/dashboard/queries";
import { parseDashboardOptions } from "@/lib/dashboard/rules";
import {
  addOwner,
  deleteRecommendation,
  removeOwner,
  setRecommendationArchived,
  setRecommendationStatus,
  updateRecommendationField,
} from "@/lib/recommendations/mutations";
import { setSectionArchived } from "@/lib/sections/mutations";

let w: World;
let trackerId: string;
let sectionC: string;
const ACTORS = [null, "Parliament", "Ministry of Justice"] as const;
const PATHS = [null, true, false] as const;

type Counted = Record<string, number>;
const byKey = (rows: { key: string; n: number }[]): Counted =>
  Object.fromEntries(rows.filter((row) => row.n !== 0).map((row) => [row.key, row.n]));

/** The kept counters and the same counts from the live rows, keyed alike. */
async function counters() {
  const [kept, actual, keptOwners, actualOwners] = await Promise.all([
    db.$queryRaw<{ key: string; n: number }[]>`
      SELECT concat_ws('|', "sectionId", status, "targetActor", path) AS key, count AS n
      FROM "RecommendationCount" WHERE "trackerId" = ${trackerId}`,
    db.$queryRaw<{ key: string; n: number }[]>`
      SELECT concat_ws('|', "sectionId", status, COALESCE("targetActor", ''),
        COALESCE("requiresLegislation"::text, '')) AS key, count(*)::int AS n
      FROM "Recommendation" WHERE "trackerId" = ${trackerId} AND "archivedAt" IS NULL GROUP BY 1`,
    db.$queryRaw<{ key: string; n: number }[]>`
      SELECT concat_ws('|', "sectionId", "userId", status) AS key, count AS n
      FROM "RecommendationOwnerCount" WHERE "trackerId" = ${trackerId}`,
    db.$queryRaw<{ key: string; n: number }[]>`
      SELECT concat_ws('|', r."sectionId", o."userId", r.status) AS key, count(*)::int AS n
      FROM "Recommendation" r JOIN "RecommendationOwner" o ON o."recommendationId" = r.id
      WHERE r."trackerId" = ${trackerId} AND r."archivedAt" IS NULL GROUP BY 1`,
  ]);
  return {
    kept: byKey(kept),
    actual: byKey(actual),
    keptOwners: byKey(keptOwners),
    actualOwners: byKey(actualOwners),
  };
}

async function expectAgreement(label: string) {
  const { kept, actual, keptOwners, actualOwners } = await counters();
  expect(kept, `RecommendationCount after ${label}`).toEqual(actual);
  expect(keptOwners, `RecommendationOwnerCount after ${label}`).toEqual(actualOwners);
  expect(Object.keys(actualOwners).length, label).toBeGreaterThan(0);
  // No negative counts anywhere (a row taken off twice would show here even if it balanced out).
  const [negative] = await db.$queryRaw<{ n: number }[]>`
    SELECT (SELECT count(*) FROM "RecommendationCount" WHERE count < 0)
      + (SELECT count(*) FROM "RecommendationOwnerCount" WHERE count < 0) AS n`;
  expect(Number(negative?.n), label).toBe(0);
}

const rec = (id: string) => db.recommendation.findUniqueOrThrow({ where: { id } });
let serial = 0;

/** Many recommendations in one statement, with every actor, path and status. */
async function insertMany(sectionId: string, count: number) {
  const rows = Array.from({ length: count }, (_, index) => {
    serial += 1;
    return {
      workspaceId: w.workspace.id,
      trackerId,
      sectionId,
      title: `Bulk ${serial}`,
      text: `Bulk recommendation ${serial}`,
      position: 100 + serial,
      status: STATUSES[index % STATUSES.length]!,
      targetActor: ACTORS[index % ACTORS.length]!,
      requiresLegislation: PATHS[Math.floor(index / 3) % PATHS.length]!,
      dueDate: index % 4 === 0 ? new Date("2024-01-15") : null,
    };
  });
  await db.recommendation.createMany({ data: rows });
  return db.recommendation.findMany({
    where: { trackerId, title: { in: rows.map((row) => row.title) } },
    orderBy: { position: "asc" },
  });
}

beforeAll(async () => {
  w = await newWorkspaceWithTracker("dash-counters");
  trackerId = w.tracker.id;
  sectionC = (
    await db.section.create({
      data: { workspaceId: w.workspace.id, trackerId, title: "Section C", position: 2 },
    })
  ).id;
});

describe("dashboard counters kept by triggers agree with a GROUP BY from scratch", () => {
  it("after inserts (one through the fixture, many in one statement) and owners added", async () => {
    const many = await insertMany(w.sectionA.id, 24);
    await insertMany(w.sectionB.id, 12);
    actAs(w.editor);
    await addOwner(w.workspace.slug, w.rec.id, w.editor.id);
    await addOwner(w.workspace.slug, many[0]!.id, w.viewer.id);
    // Owners of many recommendations in one statement.
    await db.recommendationOwner.createMany({
      data: many.flatMap((row, index) => [
        { recommendationId: row.id, userId: w.owner.id },
        ...(index % 2 ? [{ recommendationId: row.id, userId: w.editor.id }] : []),
      ]),
    });
    await expectAgreement("inserts and owners");
  });

  it("after status changes (through the app and many in one statement) and actor and path edits", async () => {
    actAs(w.editor);
    const rows = await db.recommendation.findMany({
      where: { trackerId },
      orderBy: { position: "asc" },
      take: 5,
    });
    for (const [index, row] of rows.entries()) {
      await setRecommendationStatus({
        workspaceSlug: w.workspace.slug,
        recommendationId: row.id,
        version: row.version,
        status: STATUSES.filter((status) => status !== row.status)[index % 5]!,
        justification: "Today",
        evidenceIds: [],
      });
    }
    await db.$executeRaw`
      UPDATE "Recommendation" SET status = 'STALLED' WHERE "trackerId" = ${trackerId} AND position % 3 = 0`;
    const edited = await rec(w.rec.id);
    await updateRecommendationField({
      workspaceSlug: w.workspace.slug,
      recommendationId: edited.id,
      version: edited.version,
      field: "targetActor",
      value: "Office of the President",
    });
    const again = await rec(w.rec.id);
    await updateRecommendationField({
      workspaceSlug: w.workspace.slug,
      recommendationId: again.id,
      version: again.version,
      field: "requiresLegislation",
      value: true,
    });
    await db.$executeRaw`
      UPDATE "Recommendation" SET "targetActor" = NULL, "requiresLegislation" = false
      WHERE "trackerId" = ${trackerId} AND position % 5 = 1`;
    await expectAgreement("status, actor and path changes");
  });

  it("after section moves (one through the app, many in one statement)", async () => {
    actAs(w.editor);
    const moved = await rec(w.rec.id);
    await updateRecommendationField({
      workspaceSlug: w.workspace.slug,
      recommendationId: moved.id,
      version: moved.version,
      field: "sectionId",
      value: w.sectionB.id,
    });
    await db.$executeRaw`
      UPDATE "Recommendation" SET "sectionId" = ${sectionC}
      WHERE "trackerId" = ${trackerId} AND "sectionId" = ${w.sectionA.id} AND position % 2 = 0`;
    await expectAgreement("section moves");
  });

  it("after archiving and restoring recommendations, and a status change while archived", async () => {
    actAs(w.editor);
    const owned = await db.recommendation.findMany({
      where: { trackerId, archivedAt: null, owners: { some: {} } },
      orderBy: { position: "asc" },
      take: 3,
    });
    await setRecommendationArchived(w.workspace.slug, owned[0]!.id, true);
    await setRecommendationArchived(w.workspace.slug, owned[1]!.id, true);
    await setRecommendationArchived(w.workspace.slug, owned[1]!.id, false);
    await expectAgreement("archive and restore");
    // Changed while archived (counted nowhere), then restored: counted under its new status and section.
    await db.recommendation.update({
      where: { id: owned[0]!.id },
      data: { status: "REVERSED", sectionId: w.sectionB.id },
    });
    // (ON CONFLICT DO NOTHING: the transition table holds only the rows inserted.)
    await db.recommendationOwner.createMany({
      data: [w.owner, w.editor, w.viewer].map((user) => ({
        recommendationId: owned[0]!.id,
        userId: user.id,
      })),
      skipDuplicates: true,
    });
    await expectAgreement("changes while archived");
    await setRecommendationArchived(w.workspace.slug, owned[0]!.id, false);
    await expectAgreement("restore after changes");
    // Many archived and restored in one statement each.
    await db.$executeRaw`
      UPDATE "Recommendation" SET "archivedAt" = now() WHERE "trackerId" = ${trackerId} AND position % 4 = 2`;
    await expectAgreement("bulk archive");
    await db.$executeRaw`
      UPDATE "Recommendation" SET "archivedAt" = NULL WHERE "trackerId" = ${trackerId} AND position % 8 = 2`;
    await expectAgreement("bulk restore");
  });

  it("after owners removed (through the app, many in one statement) and a member deleted", async () => {
    actAs(w.editor);
    await removeOwner(w.workspace.slug, w.rec.id, w.editor.id);
    await db.$executeRaw`
      DELETE FROM "RecommendationOwner" o USING "Recommendation" r
      WHERE r.id = o."recommendationId" AND r."trackerId" = ${trackerId} AND r.position % 3 = 1
        AND o."userId" = ${w.owner.id}`;
    await expectAgreement("owners removed");
    // A member who owns recommendations, deleted: the foreign key's cascade removes their ownerships.
    const leaving = await newUser("dash-counters-leaving");
    await db.membership.create({ data: { workspaceId: w.workspace.id, userId: leaving.id, role: "EDITOR" } });
    const some = await db.recommendation.findMany({ where: { trackerId }, take: 4 });
    await db.recommendationOwner.createMany({
      data: some.map((row) => ({ recommendationId: row.id, userId: leaving.id })),
    });
    await expectAgreement("owners of a new member");
    await db.user.delete({ where: { id: leaving.id } });
    await expectAgreement("member deleted");
  });

  it("after deletions: a live owned one through the app, an archived owned one, many in one statement", async () => {
    actAs(w.owner);
    const live = await db.recommendation.findFirstOrThrow({
      where: { trackerId, archivedAt: null, owners: { some: {} } },
      orderBy: { position: "asc" },
    });
    await deleteRecommendation(w.workspace.slug, live.id);
    await expectAgreement("one deletion");
    const archived = await db.recommendation.findFirstOrThrow({
      where: { trackerId, archivedAt: { not: null }, owners: { some: {} } },
    });
    await db.recommendation.delete({ where: { id: archived.id } });
    await expectAgreement("an archived one deleted");
    await db.$executeRaw`DELETE FROM "Recommendation" WHERE "trackerId" = ${trackerId} AND position % 7 = 3`;
    await expectAgreement("bulk deletion");
  });

  it("after a section deleted (its recommendations cascade): its counter rows are gone", async () => {
    const doomed = await db.section.create({
      data: { workspaceId: w.workspace.id, trackerId, title: "Doomed", position: 3 },
    });
    const rows = await insertMany(doomed.id, 6);
    await db.recommendationOwner.createMany({
      data: rows.map((row) => ({ recommendationId: row.id, userId: w.editor.id })),
    });
    await expectAgreement("a section filled");
    await db.section.delete({ where: { id: doomed.id } });
    await expectAgreement("a section deleted");
    const left = await db.recommendationOwnerCount.count({ where: { sectionId: doomed.id } });
    expect(left).toBe(0);
  });
});

describe("the dashboard reads the counters", () => {
  /** Today's breakdowns and owner load from the live rows, the way the dashboard computed them before. */
  async function fromRows(sectionId?: string) {
    const day = isoDay(new Date());
    const live = await db.recommendation.findMany({
      where: {
        trackerId,
        archivedAt: null,
        section: { archivedAt: null },
        ...(sectionId ? { sectionId } : {}),
      },
      include: { owners: true, actionItems: true },
    });
    const count = (key: (r: (typeof live)[number]) => string) => {
      const groups: Record<string, Partial<Record<RecommendationStatus, number>>> = {};
      for (const r of live) {
        const group = (groups[key(r)] ??= {});
        group[r.status] = (group[r.status] ?? 0) + 1;
      }
      return groups;
    };
    const owners: Record<string, { open: number; overdue: number; actions: number; overdueActions: number }> =
      {};
    for (const r of live) {
      for (const o of r.owners) {
        const load = (owners[o.userId] ??= { open: 0, overdue: 0, actions: 0, overdueActions: 0 });
        if (r.status !== "ACHIEVED") load.open += 1;
        if (r.status !== "ACHIEVED" && r.dueDate && isoDay(r.dueDate) < day) load.overdue += 1;
      }
      for (const a of r.actionItems) {
        if (a.doneAt || !a.ownerId) continue;
        const load = (owners[a.ownerId] ??= { open: 0, overdue: 0, actions: 0, overdueActions: 0 });
        load.actions += 1;
        if (a.dueDate && isoDay(a.dueDate) < day) load.overdueActions += 1;
      }
    }
    return {
      sections: count((r) => r.sectionId),
      actors: count((r) => r.targetActor ?? ""),
      paths: count((r) => (r.requiresLegislation === null ? "" : String(r.requiresLegislation))),
      owners,
    };
  }

  async function dashboard(filters: { section?: string }) {
    const names = await db.section.findMany({ where: { trackerId }, select: { id: true, title: true } });
    // A write first: nothing cached for this tracker version.
    await db.section.update({ where: { id: w.sectionA.id }, data: { title: `Section A ${Date.now()}` } });
    return getTrackerDashboard(w.workspace.id, trackerId, names, filters, parseDashboardOptions({}));
  }

  const nonZero = (counts: Record<string, number>) =>
    Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0));

  async function expectDashboard(label: string, sectionId?: string) {
    const [shown, expected] = await Promise.all([
      dashboard(sectionId ? { section: sectionId } : {}),
      fromRows(sectionId),
    ]);
    expect(
      Object.fromEntries(shown.sections.map((row) => [row.id, nonZero(row.now.counts)])),
      `sections, ${label}`,
    ).toEqual(expected.sections);
    expect(
      Object.fromEntries(shown.actors.map((row) => [row.key, nonZero(row.progress.counts)])),
      `actors, ${label}`,
    ).toEqual(expected.actors);
    expect(
      Object.fromEntries(shown.paths.map((row) => [row.key, nonZero(row.progress.counts)])),
      `paths, ${label}`,
    ).toEqual(expected.paths);
    expect(
      Object.fromEntries(
        shown.owners.map((row) => [
          row.userId,
          {
            open: row.openRecommendations,
            overdue: row.overdueRecommendations,
            actions: row.openActions,
            overdueActions: row.overdueActions,
          },
        ]),
      ),
      `owners, ${label}`,
    ).toEqual(expected.owners);
  }

  it("shows the same breakdowns and owner load as the live rows, with and without a section", async () => {
    // Open actions with owners, one overdue, one done (not counted), one on an archived recommendation.
    const [first, second] = await db.recommendation.findMany({
      where: { trackerId, archivedAt: null, section: { archivedAt: null } },
      orderBy: { position: "asc" },
      take: 2,
    });
    const archived = await db.recommendation.update({
      where: { id: (await insertMany(w.sectionB.id, 1))[0]!.id },
      data: { archivedAt: new Date() },
    });
    await db.actionItem.createMany({
      data: [
        { recommendationId: first!.id, ownerId: w.viewer.id, dueDate: new Date("2024-02-01"), position: 0 },
        { recommendationId: first!.id, ownerId: w.editor.id, position: 1 },
        { recommendationId: second!.id, ownerId: w.editor.id, doneAt: new Date(), position: 0 },
        { recommendationId: archived.id, ownerId: w.editor.id, position: 0 },
      ].map((item) => ({ ...item, workspaceId: w.workspace.id, title: "Act" })),
    });
    await expectDashboard("unfiltered");
    await expectDashboard("section B", w.sectionB.id);
  });

  it("the comparison reads the kept tables: a wrong counter row is seen", async () => {
    const row = await db.recommendationOwnerCount.findFirstOrThrow({
      where: { trackerId, count: { gt: 0 }, status: { not: "ACHIEVED" } },
    });
    const key = {
      sectionId_userId_status: { sectionId: row.sectionId, userId: row.userId, status: row.status },
    };
    await db.recommendationOwnerCount.update({ where: key, data: { count: row.count + 1 } });
    await expect(expectDashboard("a wrong owner count")).rejects.toThrow(/owners/);
    await expect(expectAgreement("a wrong owner count")).rejects.toThrow(/RecommendationOwnerCount/);
    await db.recommendationOwnerCount.update({ where: key, data: { count: row.count } });
    const counted = await db.recommendationCount.findFirstOrThrow({
      where: { trackerId, count: { gt: 0 } },
    });
    const countKey = {
      sectionId_status_targetActor_path: {
        sectionId: counted.sectionId,
        status: counted.status,
        targetActor: counted.targetActor,
        path: counted.path,
      },
    };
    await db.recommendationCount.update({ where: countKey, data: { count: counted.count + 1 } });
    await expect(expectDashboard("a wrong count")).rejects.toThrow(/sections/);
    await db.recommendationCount.update({ where: countKey, data: { count: counted.count } });
    await expectDashboard("counts put back");
  });

  it("leaves an archived section out, and counts it again when restored", async () => {
    actAs(w.owner);
    await setSectionArchived(w.workspace.slug, sectionC, true);
    const shown = await dashboard({});
    expect(shown.sections.map((row) => row.id)).not.toContain(sectionC);
    await expectDashboard("section C archived");
    await setSectionArchived(w.workspace.slug, sectionC, false);
    await expectDashboard("section C restored");
    await expectAgreement("section archived and restored");
  });

  it("counts stale recommendations up to the limit, and says when there are more", async () => {
    const shown = await dashboard({});
    const options = parseDashboardOptions({});
    const cutoff = new Date(Date.parse(`${options.today}T00:00:00.000Z`) - options.staleDays * 86_400_000);
    const [open] = await db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM "Recommendation" r JOIN "Section" s ON s.id = r."sectionId"
      WHERE r."trackerId" = ${trackerId} AND r."archivedAt" IS NULL AND s."archivedAt" IS NULL
        AND r.status <> 'ACHIEVED' AND r."lastActivityAt" < ${cutoff}`;
    expect(shown.stale).toMatchObject({ total: open?.n, isCapped: false });
    // Past the limit: STALE_COUNT_LIMIT + 1 old open recommendations in one statement.
    await db.$executeRaw`
      INSERT INTO "Recommendation" (id, "workspaceId", "trackerId", "sectionId", title, text, position,
        "createdAt", "updatedAt")
      SELECT 'stale_' || g || '_' || ${trackerId}, ${w.workspace.id}, ${trackerId}, ${w.sectionB.id}, 'Old ' || g,
        'Old', 1000 + g, timestamp '2020-01-01', now()
      FROM generate_series(1, ${STALE_COUNT_LIMIT + 1}::int) g`;
    const capped = await dashboard({});
    expect(capped.stale).toMatchObject({ total: STALE_COUNT_LIMIT, isCapped: true });
    await expectAgreement("stale rows inserted");
  });
});
