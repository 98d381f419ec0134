/**
 * The tracker list and board cost what their rows cost (issue 14), checked by structure, never by timing:
 * - the SQL statements per list page and per board are counted (Prisma query events);
 * - every captured statement that reads Recommendation, Comment or ActivityEvent is EXPLAINed (no ANALYZE), and
 *   each scan of those tables must carry a trackerId or workspaceId condition (or read by the primary key of
 *   rows already scoped);
 * - the counters kept by triggers (comment/evidence counts, section position, live counts per section and
 *   status) agree with the rows after every kind of write;
 * - keyset pages walk the whole tracker in the OFFSET order, with no row twice.
 */
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { actAs } from "../support/session";
import { newWorkspaceWithTracker, type World } from "../support/fixtures";
import { db } from "@/lib/server/db";
import { addComment, deleteComment } from "@/lib/comments/mutations";
import { addEvidence, deleteEvidence } from "@/lib/evidence/mutations";
import {
  moveRecommendation,
  setRecommendationArchived,
  setRecommendationStatus,
} from "@/lib/recommendations/mutations";
import { moveSection } from "@/lib/sections/mutations";
import { getTrackerOutline, listBoardColumns, listRecommendationsPage } from "@/lib/trackers/queries";
import { PAGE_SIZE, parseTrackerFilters } from "@/lib/trackers/filters";

type Captured = { query: string; params: string };
const captured: Captured[] = [];
const globalForDb = globalThis as unknown as { prisma?: PrismaClient };
let previous: PrismaClient | undefined;
let logging: PrismaClient;
let a: World;
let b: World;

/** Runs `read` with the app's client replaced by one that records every statement it sends. */
async function capture<T>(read: () => Promise<T>): Promise<{ result: T; statements: Captured[] }> {
  captured.length = 0;
  globalForDb.prisma = logging;
  try {
    const result = await read();
    return { result, statements: [...captured] };
  } finally {
    globalForDb.prisma = previous;
  }
}

type PlanNode = {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  "Index Cond"?: string;
  "Recheck Cond"?: string;
  Filter?: string;
  Plans?: PlanNode[];
};

const GUARDED = ["Recommendation", "Comment", "ActivityEvent"];
const SCOPE = /"?(trackerId|workspaceId)"?\s*=/;

/** Scans of the guarded tables that carry no tracker or workspace condition (none of their own or their index's). */
function unscopedScans(node: PlanNode, out: string[] = []): string[] {
  const relation = node["Relation Name"];
  if (relation && GUARDED.includes(relation)) {
    const conditions = [node["Index Cond"], node["Recheck Cond"], node.Filter]
      .concat((node.Plans ?? []).map((child) => child["Index Cond"]))
      .filter(Boolean)
      .join(" ");
    // Reading rows by primary key (the rows of a scoped page) is scoped by what drives it.
    const isByKey = /_pkey$/.test(node["Index Name"] ?? "") && /\(id = /.test(node["Index Cond"] ?? "");
    if (!SCOPE.test(conditions) && !isByKey)
      out.push(`${node["Node Type"]} on ${relation}: ${conditions || "(no condition)"}`);
  }
  for (const child of node.Plans ?? []) unscopedScans(child, out);
  return out;
}

/** EXPLAIN (no ANALYZE) of a captured statement with its parameters. */
async function explain({ query, params }: Captured): Promise<PlanNode> {
  const values = JSON.parse(params) as unknown[];
  const rows = await db.$queryRawUnsafe<{ "QUERY PLAN": [{ Plan: PlanNode }] }[]>(
    `EXPLAIN (FORMAT JSON) ${query}`,
    ...values,
  );
  return rows[0]!["QUERY PLAN"][0].Plan;
}

async function expectScoped(statements: Captured[]) {
  const reads = statements.filter(({ query }) => GUARDED.some((table) => query.includes(`"${table}"`)));
  expect(reads.length).toBeGreaterThan(0);
  for (const statement of reads) {
    const plan = await explain(statement);
    expect(unscopedScans(plan), statement.query).toEqual([]);
  }
}

beforeAll(async () => {
  previous = globalForDb.prisma;
  const client = new PrismaClient({
    adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL!, max: 2 }),
    log: [{ emit: "event", level: "query" }],
  });
  client.$on("query", (event) => captured.push({ query: event.query, params: event.params }));
  logging = client as unknown as PrismaClient;
  a = await newWorkspaceWithTracker("lists");
  b = await newWorkspaceWithTracker("lists-other");
  // Enough rows for several pages, in both sections, with comments and events, and another workspace's data.
  for (const world of [a, b]) {
    await db.$executeRaw`
      INSERT INTO "Recommendation" (id, "workspaceId", "trackerId", "sectionId", title, text, status, position, "updatedAt")
      SELECT ${world.tracker.id} || '_r' || g, ${world.workspace.id}, ${world.tracker.id},
        CASE WHEN g % 2 = 0 THEN ${world.sectionA.id} ELSE ${world.sectionB.id} END,
        'Bulk ' || g, 'Text ' || g,
        (ARRAY['NOT_STARTED','IN_PROGRESS','STALLED','ACHIEVED'])[1 + g % 4]::"RecommendationStatus",
        10 + g, now()
      FROM generate_series(1, 130) g`;
    await db.$executeRaw`
      INSERT INTO "Comment" (id, "workspaceId", "recommendationId", "authorId", body, "updatedAt")
      SELECT ${world.tracker.id} || '_c' || g || '_' || k, ${world.workspace.id}, ${world.tracker.id} || '_r' || g,
        ${world.editor.id}, 'Comment', now()
      FROM generate_series(1, 130) g, generate_series(1, 3) k`;
  }
  await db.$executeRaw`ANALYZE`;
}, 120_000);

afterAll(async () => {
  globalForDb.prisma = previous;
  await logging?.$disconnect();
});

describe("list and board SQL", () => {
  it("a list page is three statements, each scoped to the tracker or workspace", async () => {
    for (const params of [
      {},
      { page: "2" },
      { status: "IN_PROGRESS", owner: "me", evidence: "with" },
      { q: "Bulk 1", overdue: "1" },
      { sort: "title" },
      { sort: "due", page: "2" },
    ]) {
      const { statements } = await capture(() =>
        listRecommendationsPage(a.workspace.id, a.tracker.id, a.editor.id, parseTrackerFilters(params)),
      );
      expect(statements.length, JSON.stringify(params)).toBeLessThanOrEqual(3);
      await expectScoped(statements);
    }
  });

  it("the board is one query for all its columns (plus counts and owners)", async () => {
    for (const params of [{ view: "board" }, { view: "board", q: "Bulk" }]) {
      const { result, statements } = await capture(() =>
        listBoardColumns(a.workspace.id, a.tracker.id, a.editor.id, parseTrackerFilters(params)),
      );
      expect(result).toHaveLength(6);
      expect(statements.length).toBeLessThanOrEqual(3);
      await expectScoped(statements);
    }
  });

  it("the outline reads the maintained counts, not the recommendations", async () => {
    const { statements } = await capture(() => getTrackerOutline(a.workspace.id, a.tracker.id));
    expect(
      statements.some(({ query }) => /FROM "public"."Recommendation"|FROM "Recommendation"/.test(query)),
    ).toBe(false);
  });
});

describe("keyset pages", () => {
  it("walk the tracker in document order, each row once, as OFFSET pages would", async () => {
    const seen: string[] = [];
    let filters = parseTrackerFilters({});
    for (let page = 1; page < 10; page++) {
      const result = await listRecommendationsPage(a.workspace.id, a.tracker.id, a.editor.id, filters);
      seen.push(...result.rows.map((row) => row.id));
      const offset = await listRecommendationsPage(
        a.workspace.id,
        a.tracker.id,
        a.editor.id,
        parseTrackerFilters({ page: String(page) }),
      );
      expect(result.rows.map((row) => row.id)).toEqual(offset.rows.map((row) => row.id));
      if (!result.hasNext) break;
      filters = { ...filters, page: page + 1, after: result.nextCursor };
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(132);
    // Back one page with the "before" cursor of page 2's first row: page 1 again.
    const second = await listRecommendationsPage(a.workspace.id, a.tracker.id, a.editor.id, {
      ...parseTrackerFilters({}),
      page: 2,
      after: (
        await listRecommendationsPage(a.workspace.id, a.tracker.id, a.editor.id, parseTrackerFilters({}))
      ).nextCursor,
    });
    const back = await listRecommendationsPage(a.workspace.id, a.tracker.id, a.editor.id, {
      ...parseTrackerFilters({}),
      page: 1,
      before: second.previousCursor,
    });
    expect(back.rows.map((row) => row.id)).toEqual(seen.slice(0, PAGE_SIZE));
  });
});

describe("counters kept by triggers", () => {
  const liveCounts = async (world: World) => {
    const [kept, actual] = await Promise.all([
      db.recommendationCount.findMany({ where: { trackerId: world.tracker.id, count: { gt: 0 } } }),
      db.recommendation.groupBy({
        by: ["sectionId", "status"],
        where: { trackerId: world.tracker.id, archivedAt: null },
        _count: { _all: true },
      }),
    ]);
    const key = (sectionId: string, status: string) => `${sectionId} ${status}`;
    return {
      // Summed over target actor and path (RecommendationCount is keyed by them too), as the list reads it.
      kept: kept.reduce<Record<string, number>>((sums, c) => {
        sums[key(c.sectionId, c.status)] = (sums[key(c.sectionId, c.status)] ?? 0) + c.count;
        return sums;
      }, {}),
      actual: Object.fromEntries(actual.map((c) => [key(c.sectionId, c.status), c._count._all])),
    };
  };
  const rowCounts = (id: string) =>
    db.recommendation.findUniqueOrThrow({
      where: { id },
      select: { commentCount: true, evidenceCount: true, sectionPosition: true },
    });

  it("follow comments, evidence, status changes, archiving and section moves", async () => {
    actAs(a.editor);
    await addComment(a.workspace.slug, a.rec.id, "Counted once");
    expect((await rowCounts(a.rec.id)).commentCount).toBe(1);
    const comment = await db.comment.findFirstOrThrow({ where: { recommendationId: a.rec.id } });
    actAs(a.owner);
    await deleteComment(a.workspace.slug, comment.id);
    expect((await rowCounts(a.rec.id)).commentCount).toBe(0);

    actAs(a.editor);
    await addEvidence(a.workspace.slug, a.rec.id, {
      url: "https://example.org/report",
      title: "Report",
      sourceType: "NGO_REPORT",
      publishedAt: null,
      stance: "PROGRESS",
      quote: null,
    });
    expect((await rowCounts(a.rec.id)).evidenceCount).toBe(1);
    const evidence = await db.evidence.findFirstOrThrow({ where: { recommendationId: a.rec.id } });
    await deleteEvidence(a.workspace.slug, evidence.id);
    expect((await rowCounts(a.rec.id)).evidenceCount).toBe(0);

    const rec = await db.recommendation.findUniqueOrThrow({ where: { id: a.second.id } });
    await setRecommendationStatus({
      workspaceSlug: a.workspace.slug,
      recommendationId: rec.id,
      version: rec.version,
      status: "ACHIEVED",
      justification: "Done",
      evidenceIds: [],
    });
    await setRecommendationArchived(a.workspace.slug, `${a.tracker.id}_r3`, true);
    await moveRecommendation(a.workspace.slug, `${a.tracker.id}_r5`, "up");
    const counts = await liveCounts(a);
    expect(counts.kept).toEqual(counts.actual);

    const before = (await rowCounts(`${a.tracker.id}_r2`)).sectionPosition;
    await moveSection(a.workspace.slug, a.sectionB.id, "up");
    const sections = await db.section.findMany({ where: { trackerId: a.tracker.id } });
    const sectionA = sections.find((s) => s.id === a.sectionA.id)!;
    expect((await rowCounts(`${a.tracker.id}_r2`)).sectionPosition).toBe(sectionA.position);
    expect(sectionA.position).not.toBe(before);
    const stale = await db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM "Recommendation" r JOIN "Section" s ON s.id = r."sectionId"
      WHERE r."trackerId" = ${a.tracker.id} AND r."sectionPosition" <> s.position`;
    expect(stale[0]!.n).toBe(0);
    const comments = await db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM "Recommendation" r
      WHERE r."trackerId" = ${a.tracker.id} AND r."commentCount" <> (
        SELECT count(*) FROM "Comment" c WHERE c."recommendationId" = r.id AND c."deletedAt" IS NULL)`;
    expect(comments[0]!.n).toBe(0);
  });

  it("follow one update of many rows on a connection that served one-row updates first", async () => {
    const recommenderCounts = async (world: World) => {
      const [kept, actual] = await Promise.all([
        db.recommenderCount.findMany({ where: { workspaceId: world.workspace.id, count: { gt: 0 } } }),
        db.$queryRaw<{ value: string; n: number }[]>`
          SELECT v.value, count(*)::int AS n FROM "Recommendation" r
          CROSS JOIN LATERAL jsonb_array_elements_text(
            CASE WHEN jsonb_typeof(r.attributes -> 'Recommended by') = 'array'
              THEN r.attributes -> 'Recommended by' ELSE '[]'::jsonb END) AS v(value)
          WHERE r."workspaceId" = ${world.workspace.id} AND r."archivedAt" IS NULL GROUP BY 1`,
      ]);
      return {
        kept: Object.fromEntries(kept.map((c) => [c.value, c.count])),
        actual: Object.fromEntries(actual.map((c) => [c.value, c.n])),
      };
    };
    const tracker = a.tracker.id;
    // One transaction: one connection, whose trigger statements are first planned for one-row updates.
    await db.$transaction(
      async (tx) => {
        for (let g = 1; g <= 8; g++) {
          await tx.$executeRaw`
            UPDATE "Recommendation" SET status = 'STALLED',
              attributes = jsonb_build_object('Recommended by', jsonb_build_array('Chile'))
            WHERE id = ${tracker} || '_r' || ${g}::int`;
        }
        // Then one statement of many rows: section moves, status changes, archiving, restoring and recommenders,
        // with rows that change nothing counted among them.
        await tx.$executeRaw`
          UPDATE "Recommendation" r SET
            "sectionId" = CASE WHEN r.position % 3 = 0 THEN ${a.sectionB.id} ELSE r."sectionId" END,
            status = CASE WHEN r.position % 4 = 1 THEN 'ACHIEVED'::"RecommendationStatus" ELSE r.status END,
            "archivedAt" = CASE WHEN r.position % 5 = 0 THEN now() WHEN r.position % 5 = 1 THEN NULL
              ELSE r."archivedAt" END,
            attributes = CASE WHEN r.position % 2 = 0
              THEN jsonb_build_object('Recommended by', jsonb_build_array('Kenya', 'Japan')) ELSE r.attributes END
          WHERE r."trackerId" = ${tracker}`;
      },
      { timeout: 30_000 },
    );
    const counts = await liveCounts(a);
    expect(counts.kept).toEqual(counts.actual);
    const recommenders = await recommenderCounts(a);
    expect(recommenders.actual).toHaveProperty("Kenya");
    expect(recommenders.kept).toEqual(recommenders.actual);
  });

  it("never count another workspace's rows", async () => {
    const other = await listRecommendationsPage(
      a.workspace.id,
      b.tracker.id,
      a.editor.id,
      parseTrackerFilters({}),
    );
    expect(other.total).toBe(0);
    expect(other.rows).toEqual([]);
  });
});
