-- ---------------------------------------------------------------------------------------------------------------
-- The unfiltered dashboard's "today" reads from counters instead of the tracker's live rows (lib/dashboard/queries.ts).
--
-- 1. RecommendationCount is also keyed by target actor and path ("requiresLegislation"), so one table, kept by the
--    same trigger function, answers the list's counts per section and status (sum over actor and path) and the
--    dashboard's breakdowns per section, actor and path. NULLs are stored as '' (the columns are part of the key);
--    readers turn '' back into "no actor" / "not assessed", as the dashboard always showed them.
-- 2. RecommendationOwnerCount: live recommendations per section, owner and status, kept by triggers on
--    RecommendationOwner and Recommendation. Overdue ones depend on the day: read through a partial index on the
--    due date (the overdue rows only).
-- 3. Open actions with an owner, per workspace: a partial index.
-- ---------------------------------------------------------------------------------------------------------------

-- AlterTable
ALTER TABLE "RecommendationCount" DROP CONSTRAINT "RecommendationCount_pkey",
ADD COLUMN     "path" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "targetActor" TEXT NOT NULL DEFAULT '',
ADD CONSTRAINT "RecommendationCount_pkey" PRIMARY KEY ("sectionId", "status", "targetActor", "path");
ALTER TABLE "RecommendationCount" ALTER COLUMN "path" DROP DEFAULT, ALTER COLUMN "targetActor" DROP DEFAULT;

-- CreateTable
CREATE TABLE "RecommendationOwnerCount" (
    "trackerId" TEXT NOT NULL,
    "sectionId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "status" "RecommendationStatus" NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "RecommendationOwnerCount_pkey" PRIMARY KEY ("sectionId","userId","status")
);

-- CreateIndex
CREATE INDEX "RecommendationOwnerCount_trackerId_idx" ON "RecommendationOwnerCount"("trackerId");

-- CreateIndex
CREATE INDEX "Recommendation_overdue_idx" ON "Recommendation"("trackerId", "dueDate", "id", "sectionId", "workspaceId") WHERE ("archivedAt" IS NULL AND status <> 'ACHIEVED' AND "dueDate" IS NOT NULL);

-- CreateIndex
CREATE INDEX "ActionItem_open_owned_idx" ON "ActionItem"("workspaceId", "ownerId", "dueDate", "recommendationId") WHERE ("doneAt" IS NULL AND "ownerId" IS NOT NULL);

-- The counter function of migration 20261203100000_history_refresh_linear, with RecommendationCount keyed by
-- actor and path too (same statements, same key order of the upserts, still no join of new_rows with old_rows in
-- the update branch; RecommenderCount unchanged).
CREATE OR REPLACE FUNCTION "recommendation_counts"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "RecommendationCount" AS c ("trackerId", "sectionId", "status", "targetActor", "path", "count")
    SELECT n."trackerId", n."sectionId", n."status", COALESCE(n."targetActor", ''),
      COALESCE(n."requiresLegislation"::text, ''), count(*)::int FROM new_rows n
    WHERE n."archivedAt" IS NULL GROUP BY 1, 2, 3, 4, 5 ORDER BY 2, 3, 4, 5
    ON CONFLICT ("sectionId", "status", "targetActor", "path") DO UPDATE SET "count" = c."count" + EXCLUDED."count";

    INSERT INTO "RecommenderCount" AS c ("workspaceId", "value", "count")
    SELECT n."workspaceId", v.value, count(*)::int FROM new_rows n
    CROSS JOIN LATERAL jsonb_array_elements_text(
      CASE WHEN jsonb_typeof(n."attributes" -> 'Recommended by') = 'array'
        THEN n."attributes" -> 'Recommended by' ELSE '[]'::jsonb END) AS v(value)
    WHERE n."archivedAt" IS NULL GROUP BY 1, 2 ORDER BY 1, 2
    ON CONFLICT ("workspaceId", "value") DO UPDATE SET "count" = c."count" + EXCLUDED."count";
  ELSIF TG_OP = 'DELETE' THEN
    -- Upserts in key order, like the other branches: two transactions deleting in the same sections lock
    -- the counter rows in the same order, so they queue instead of deadlocking.
    INSERT INTO "RecommendationCount" AS c ("trackerId", "sectionId", "status", "targetActor", "path", "count")
    SELECT o."trackerId", o."sectionId", o."status", COALESCE(o."targetActor", ''),
      COALESCE(o."requiresLegislation"::text, ''), -count(*)::int FROM old_rows o
    WHERE o."archivedAt" IS NULL GROUP BY 1, 2, 3, 4, 5 ORDER BY 2, 3, 4, 5
    ON CONFLICT ("sectionId", "status", "targetActor", "path") DO UPDATE SET "count" = c."count" + EXCLUDED."count";
    DELETE FROM "RecommendationCount" c USING (SELECT DISTINCT "sectionId" FROM old_rows) s
    WHERE c."sectionId" = s."sectionId" AND c."count" <= 0;

    INSERT INTO "RecommenderCount" AS c ("workspaceId", "value", "count")
    SELECT o."workspaceId", v.value, -count(*)::int FROM old_rows o
    CROSS JOIN LATERAL jsonb_array_elements_text(
      CASE WHEN jsonb_typeof(o."attributes" -> 'Recommended by') = 'array'
        THEN o."attributes" -> 'Recommended by' ELSE '[]'::jsonb END) AS v(value)
    WHERE o."archivedAt" IS NULL GROUP BY 1, 2 ORDER BY 1, 2
    ON CONFLICT ("workspaceId", "value") DO UPDATE SET "count" = c."count" + EXCLUDED."count";
    DELETE FROM "RecommenderCount" c USING (SELECT DISTINCT "workspaceId" FROM old_rows) w
    WHERE c."workspaceId" = w."workspaceId" AND c."count" <= 0;
  ELSE
    -- UPDATE: each updated row's new key counts +1 and its old key -1 (when not archived); rows whose counted
    -- columns did not change cancel out in the sum. No join of new_rows with old_rows (see
    -- 20261203100000_history_refresh_linear). Rows whose count falls to 0 stay (readers skip them), as before.
    INSERT INTO "RecommendationCount" AS c ("trackerId", "sectionId", "status", "targetActor", "path", "count")
    SELECT "trackerId", "sectionId", "status", "targetActor", "path", sum(n)::int FROM (
      SELECT n."trackerId", n."sectionId", n."status", COALESCE(n."targetActor", '') AS "targetActor",
        COALESCE(n."requiresLegislation"::text, '') AS "path", 1 AS n FROM new_rows n WHERE n."archivedAt" IS NULL
      UNION ALL
      SELECT o."trackerId", o."sectionId", o."status", COALESCE(o."targetActor", ''),
        COALESCE(o."requiresLegislation"::text, ''), -1 FROM old_rows o WHERE o."archivedAt" IS NULL
    ) d GROUP BY 1, 2, 3, 4, 5 HAVING sum(n) <> 0 ORDER BY 2, 3, 4, 5
    ON CONFLICT ("sectionId", "status", "targetActor", "path") DO UPDATE SET "count" = c."count" + EXCLUDED."count";
    INSERT INTO "RecommenderCount" AS c ("workspaceId", "value", "count")
    SELECT "workspaceId", value, sum(n)::int FROM (
      SELECT n."workspaceId", v.value, 1 AS n FROM new_rows n
      CROSS JOIN LATERAL jsonb_array_elements_text(
        CASE WHEN jsonb_typeof(n."attributes" -> 'Recommended by') = 'array'
          THEN n."attributes" -> 'Recommended by' ELSE '[]'::jsonb END) AS v(value)
      WHERE n."archivedAt" IS NULL
      UNION ALL
      SELECT o."workspaceId", v.value, -1 FROM old_rows o
      CROSS JOIN LATERAL jsonb_array_elements_text(
        CASE WHEN jsonb_typeof(o."attributes" -> 'Recommended by') = 'array'
          THEN o."attributes" -> 'Recommended by' ELSE '[]'::jsonb END) AS v(value)
      WHERE o."archivedAt" IS NULL
    ) d GROUP BY 1, 2 HAVING sum(n) <> 0 ORDER BY 1, 2
    ON CONFLICT ("workspaceId", "value") DO UPDATE SET "count" = c."count" + EXCLUDED."count";
  END IF;
  RETURN NULL;
END $$;

-- ---------------------------------------------------------------------------------------------------------------
-- RecommendationOwnerCount.
--
-- Adding or removing owners: the recommendation's current section and status, read with FOR SHARE so that an
-- owner added while another transaction changes the recommendation's status waits for it and counts the status
-- it commits (FOR SHARE conflicts with the UPDATE's row lock; the update's own trigger then sees the new owner).
-- Recommendations are locked in id order, counter rows upserted in key order. Not deadlock-free: a bulk UPDATE of
-- "Recommendation" locks its rows in scan order, and the per-row delete trigger below upserts in row order, so
-- two such statements over the same rows can deadlock; PostgreSQL then aborts one, and server actions run again
-- (lib/server/mutate.ts). A recommendation being deleted is no longer visible here: its owners were taken off by the
-- BEFORE DELETE trigger below, before the cascade removed them.
-- ---------------------------------------------------------------------------------------------------------------
CREATE FUNCTION "recommendation_owner_counts"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  plus text := 'SELECT "recommendationId" AS rid, "userId" AS uid, 1 AS n FROM new_rows';
  minus text := 'SELECT "recommendationId" AS rid, "userId" AS uid, -1 AS n FROM old_rows';
  deltas text;
BEGIN
  IF TG_TABLE_NAME = 'RecommendationOwner' THEN
    deltas := CASE TG_OP WHEN 'INSERT' THEN plus WHEN 'DELETE' THEN minus ELSE plus || ' UNION ALL ' || minus END;
    -- EXECUTE: planned for the transition tables' actual sizes on every call (see docs/performance.md).
    EXECUTE format(
      'WITH d AS (%s),
       r AS (SELECT r."id", r."trackerId", r."sectionId", r."status" FROM "Recommendation" r
         WHERE r."id" IN (SELECT rid FROM d) AND r."archivedAt" IS NULL ORDER BY r."id" FOR SHARE)
       INSERT INTO "RecommendationOwnerCount" AS c ("trackerId", "sectionId", "userId", "status", "count")
       SELECT r."trackerId", r."sectionId", d.uid, r."status", sum(d.n)::int FROM d JOIN r ON r."id" = d.rid
       GROUP BY 1, 2, 3, 4 HAVING sum(d.n) <> 0 ORDER BY 2, 3, 4
       ON CONFLICT ("sectionId", "userId", "status") DO UPDATE SET "count" = c."count" + EXCLUDED."count"',
      deltas);
  ELSE
    -- UPDATE of Recommendation: its owners move from the old (section, status) to the new one when the section,
    -- status, tracker or archive changed.
    EXECUTE
      'INSERT INTO "RecommendationOwnerCount" AS c ("trackerId", "sectionId", "userId", "status", "count")
       SELECT "trackerId", "sectionId", "userId", "status", sum(n)::int FROM (
         SELECT n."trackerId", n."sectionId", ow."userId", n."status", 1 AS n
         FROM new_rows n JOIN old_rows o ON o."id" = n."id"
         JOIN "RecommendationOwner" ow ON ow."recommendationId" = n."id"
         WHERE n."archivedAt" IS NULL AND (o."archivedAt" IS NOT NULL OR o."status" <> n."status"
           OR o."sectionId" <> n."sectionId" OR o."trackerId" <> n."trackerId")
         UNION ALL
         SELECT o."trackerId", o."sectionId", ow."userId", o."status", -1
         FROM old_rows o JOIN new_rows n ON o."id" = n."id"
         JOIN "RecommendationOwner" ow ON ow."recommendationId" = o."id"
         WHERE o."archivedAt" IS NULL AND (n."archivedAt" IS NOT NULL OR o."status" <> n."status"
           OR o."sectionId" <> n."sectionId" OR o."trackerId" <> n."trackerId")
       ) d GROUP BY 1, 2, 3, 4 HAVING sum(n) <> 0 ORDER BY 2, 3, 4
       ON CONFLICT ("sectionId", "userId", "status") DO UPDATE SET "count" = c."count" + EXCLUDED."count"';
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER "recommendation_owner_counts_insert" AFTER INSERT ON "RecommendationOwner"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "recommendation_owner_counts"();
CREATE TRIGGER "recommendation_owner_counts_update" AFTER UPDATE ON "RecommendationOwner"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "recommendation_owner_counts"();
CREATE TRIGGER "recommendation_owner_counts_delete" AFTER DELETE ON "RecommendationOwner"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "recommendation_owner_counts"();
CREATE TRIGGER "recommendation_owner_counts_moved" AFTER UPDATE ON "Recommendation"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "recommendation_owner_counts"();

-- Deleting a live recommendation takes its owners off before the foreign key's cascade removes them (after that,
-- neither the owners nor the recommendation can be read). One row at a time, but only an index probe when the
-- recommendation has no owner. Counter rows that fall to 0 are removed (no foreign keys: rows of a deleted
-- section or tracker do not linger).
CREATE FUNCTION "recommendation_owner_counts_deleted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "RecommendationOwnerCount" AS c ("trackerId", "sectionId", "userId", "status", "count")
  SELECT OLD."trackerId", OLD."sectionId", ow."userId", OLD."status", -1 FROM "RecommendationOwner" ow
  WHERE ow."recommendationId" = OLD."id" ORDER BY ow."userId"
  ON CONFLICT ("sectionId", "userId", "status") DO UPDATE SET "count" = c."count" + EXCLUDED."count";
  IF FOUND THEN
    DELETE FROM "RecommendationOwnerCount" c WHERE c."sectionId" = OLD."sectionId" AND c."count" <= 0;
  END IF;
  RETURN OLD;
END $$;
CREATE TRIGGER "recommendation_owner_counts_deleted" BEFORE DELETE ON "Recommendation"
  FOR EACH ROW WHEN (OLD."archivedAt" IS NULL) EXECUTE FUNCTION "recommendation_owner_counts_deleted"();

-- Backfill: both tables from scratch.
DELETE FROM "RecommendationCount";
INSERT INTO "RecommendationCount" ("trackerId", "sectionId", "status", "targetActor", "path", "count")
SELECT "trackerId", "sectionId", "status", COALESCE("targetActor", ''), COALESCE("requiresLegislation"::text, ''),
  count(*)::int
FROM "Recommendation" WHERE "archivedAt" IS NULL GROUP BY 1, 2, 3, 4, 5;
INSERT INTO "RecommendationOwnerCount" ("trackerId", "sectionId", "userId", "status", "count")
SELECT r."trackerId", r."sectionId", ow."userId", r."status", count(*)::int
FROM "Recommendation" r JOIN "RecommendationOwner" ow ON ow."recommendationId" = r."id"
WHERE r."archivedAt" IS NULL GROUP BY 1, 2, 3, 4;
