-- AlterTable
ALTER TABLE "Recommendation" ADD COLUMN     "commentCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "evidenceCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "sectionPosition" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "RecommendationCount" (
    "trackerId" TEXT NOT NULL,
    "sectionId" TEXT NOT NULL,
    "status" "RecommendationStatus" NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "RecommendationCount_pkey" PRIMARY KEY ("sectionId","status")
);

-- CreateTable
CREATE TABLE "RecommenderCount" (
    "workspaceId" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "RecommenderCount_pkey" PRIMARY KEY ("workspaceId","value")
);

-- CreateIndex
CREATE INDEX "RecommendationCount_trackerId_idx" ON "RecommendationCount"("trackerId");

-- CreateIndex
CREATE INDEX "Recommendation_document_order_idx" ON "Recommendation"("trackerId", "sectionPosition", "position", "id") WHERE ("archivedAt" IS NULL);

-- CreateIndex
CREATE INDEX "Recommendation_board_order_idx" ON "Recommendation"("trackerId", "status", "sectionPosition", "position", "id") WHERE ("archivedAt" IS NULL);


-- "Recommended by" filter (lib/trackers/queries.ts: attributes -> 'Recommended by' @> '["…"]'): containment on
-- the path, served by a GIN index on that expression.
CREATE INDEX "Recommendation_recommended_by_idx" ON "Recommendation"
  USING gin (("attributes" -> 'Recommended by') jsonb_path_ops);

-- ---------------------------------------------------------------------------------------------------------------
-- Counters kept by triggers, so every write path (actions, imports, document trackers, seeds, restores) keeps
-- them in its own transaction. Statement-level triggers with transition tables: a bulk import pays one
-- aggregate per statement, not one update per row.
-- ---------------------------------------------------------------------------------------------------------------

-- Recommendation.sectionPosition follows its section: set on insert and when sectionId changes …
CREATE FUNCTION "recommendation_section_position"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' OR NEW."sectionId" IS DISTINCT FROM OLD."sectionId" THEN
    SELECT s."position" INTO NEW."sectionPosition" FROM "Section" s WHERE s."id" = NEW."sectionId";
    NEW."sectionPosition" := COALESCE(NEW."sectionPosition", 0);
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "recommendation_section_position" BEFORE INSERT OR UPDATE OF "sectionId" ON "Recommendation"
  FOR EACH ROW EXECUTE FUNCTION "recommendation_section_position"();

-- … and when a section moves.
CREATE FUNCTION "section_position_moved"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Recommendation" r SET "sectionPosition" = n."position"
  FROM new_rows n JOIN old_rows o ON o."id" = n."id"
  WHERE n."position" IS DISTINCT FROM o."position" AND r."sectionId" = n."id"
    AND r."sectionPosition" IS DISTINCT FROM n."position";
  RETURN NULL;
END $$;
CREATE TRIGGER "section_position_moved" AFTER UPDATE ON "Section"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "section_position_moved"();

-- Live recommendations per section and status, and "Recommended by" values per workspace.
CREATE FUNCTION "recommendation_counts"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "RecommendationCount" AS c ("trackerId", "sectionId", "status", "count")
    SELECT n."trackerId", n."sectionId", n."status", count(*)::int FROM new_rows n
    WHERE n."archivedAt" IS NULL GROUP BY 1, 2, 3 ORDER BY 2, 3
    ON CONFLICT ("sectionId", "status") DO UPDATE SET "count" = c."count" + EXCLUDED."count";

    INSERT INTO "RecommenderCount" AS c ("workspaceId", "value", "count")
    SELECT n."workspaceId", v.value, count(*)::int FROM new_rows n
    CROSS JOIN LATERAL jsonb_array_elements_text(
      CASE WHEN jsonb_typeof(n."attributes" -> 'Recommended by') = 'array'
        THEN n."attributes" -> 'Recommended by' ELSE '[]'::jsonb END) AS v(value)
    WHERE n."archivedAt" IS NULL GROUP BY 1, 2 ORDER BY 1, 2
    ON CONFLICT ("workspaceId", "value") DO UPDATE SET "count" = c."count" + EXCLUDED."count";
  ELSIF TG_OP = 'DELETE' THEN
    WITH d AS (
      SELECT o."trackerId", o."sectionId", o."status", count(*)::int AS n FROM old_rows o
      WHERE o."archivedAt" IS NULL GROUP BY 1, 2, 3
    )
    UPDATE "RecommendationCount" c SET "count" = c."count" - d.n FROM d
    WHERE c."sectionId" = d."sectionId" AND c."status" = d."status";
    DELETE FROM "RecommendationCount" c USING (SELECT DISTINCT "sectionId" FROM old_rows) s
    WHERE c."sectionId" = s."sectionId" AND c."count" <= 0;

    WITH d AS (
      SELECT o."workspaceId", v.value, count(*)::int AS n FROM old_rows o
      CROSS JOIN LATERAL jsonb_array_elements_text(
        CASE WHEN jsonb_typeof(o."attributes" -> 'Recommended by') = 'array'
          THEN o."attributes" -> 'Recommended by' ELSE '[]'::jsonb END) AS v(value)
      WHERE o."archivedAt" IS NULL GROUP BY 1, 2
    )
    UPDATE "RecommenderCount" c SET "count" = c."count" - d.n FROM d
    WHERE c."workspaceId" = d."workspaceId" AND c."value" = d.value;
    DELETE FROM "RecommenderCount" c USING (SELECT DISTINCT "workspaceId" FROM old_rows) w
    WHERE c."workspaceId" = w."workspaceId" AND c."count" <= 0;
  ELSE
    -- UPDATE: the difference between the new and the old rows that changed what is counted.
    INSERT INTO "RecommendationCount" AS c ("trackerId", "sectionId", "status", "count")
    SELECT "trackerId", "sectionId", "status", sum(n)::int FROM (
      SELECT n."trackerId", n."sectionId", n."status", 1 AS n FROM new_rows n
      JOIN old_rows o ON o."id" = n."id"
      WHERE n."archivedAt" IS NULL AND (o."archivedAt" IS NOT NULL OR o."status" <> n."status"
        OR o."sectionId" <> n."sectionId" OR o."trackerId" <> n."trackerId")
      UNION ALL
      SELECT o."trackerId", o."sectionId", o."status", -1 FROM old_rows o
      JOIN new_rows n ON o."id" = n."id"
      WHERE o."archivedAt" IS NULL AND (n."archivedAt" IS NOT NULL OR o."status" <> n."status"
        OR o."sectionId" <> n."sectionId" OR o."trackerId" <> n."trackerId")
    ) d GROUP BY 1, 2, 3 HAVING sum(n) <> 0 ORDER BY 2, 3
    ON CONFLICT ("sectionId", "status") DO UPDATE SET "count" = c."count" + EXCLUDED."count";

    INSERT INTO "RecommenderCount" AS c ("workspaceId", "value", "count")
    SELECT "workspaceId", value, sum(n)::int FROM (
      SELECT n."workspaceId", v.value, 1 AS n FROM new_rows n JOIN old_rows o ON o."id" = n."id"
      CROSS JOIN LATERAL jsonb_array_elements_text(
        CASE WHEN jsonb_typeof(n."attributes" -> 'Recommended by') = 'array'
          THEN n."attributes" -> 'Recommended by' ELSE '[]'::jsonb END) AS v(value)
      WHERE n."archivedAt" IS NULL AND (o."archivedAt" IS NOT NULL
        OR o."attributes" -> 'Recommended by' IS DISTINCT FROM n."attributes" -> 'Recommended by')
      UNION ALL
      SELECT o."workspaceId", v.value, -1 FROM old_rows o JOIN new_rows n ON o."id" = n."id"
      CROSS JOIN LATERAL jsonb_array_elements_text(
        CASE WHEN jsonb_typeof(o."attributes" -> 'Recommended by') = 'array'
          THEN o."attributes" -> 'Recommended by' ELSE '[]'::jsonb END) AS v(value)
      WHERE o."archivedAt" IS NULL AND (n."archivedAt" IS NOT NULL
        OR o."attributes" -> 'Recommended by' IS DISTINCT FROM n."attributes" -> 'Recommended by')
    ) d GROUP BY 1, 2 HAVING sum(n) <> 0 ORDER BY 1, 2
    ON CONFLICT ("workspaceId", "value") DO UPDATE SET "count" = c."count" + EXCLUDED."count";
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER "recommendation_counts_insert" AFTER INSERT ON "Recommendation"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "recommendation_counts"();
CREATE TRIGGER "recommendation_counts_update" AFTER UPDATE ON "Recommendation"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "recommendation_counts"();
CREATE TRIGGER "recommendation_counts_delete" AFTER DELETE ON "Recommendation"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "recommendation_counts"();

-- Recommendation.commentCount (live comments) and evidenceCount. PL/pgSQL plans each statement when it first
-- runs, so each branch names only the transition tables its trigger has.
CREATE FUNCTION "child_counts"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  counter text := CASE TG_TABLE_NAME WHEN 'Comment' THEN 'commentCount' ELSE 'evidenceCount' END;
  live text := CASE TG_TABLE_NAME WHEN 'Comment' THEN '"deletedAt" IS NULL' ELSE 'true' END;
  plus text := format('SELECT "recommendationId" AS rid, 1 AS n FROM new_rows WHERE %s', live);
  minus text := format('SELECT "recommendationId" AS rid, -1 AS n FROM old_rows WHERE %s', live);
  deltas text;
BEGIN
  deltas := CASE TG_OP WHEN 'INSERT' THEN plus WHEN 'DELETE' THEN minus ELSE plus || ' UNION ALL ' || minus END;
  EXECUTE format(
    'UPDATE "Recommendation" r SET %1$I = GREATEST(0, r.%1$I + d.n)
     FROM (SELECT rid, sum(n)::int AS n FROM (%2$s) x GROUP BY 1 HAVING sum(n) <> 0 ORDER BY 1) d
     WHERE r."id" = d.rid', counter, deltas);
  RETURN NULL;
END $$;
CREATE TRIGGER "comment_counts_insert" AFTER INSERT ON "Comment"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "child_counts"();
CREATE TRIGGER "comment_counts_update" AFTER UPDATE ON "Comment"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "child_counts"();
CREATE TRIGGER "comment_counts_delete" AFTER DELETE ON "Comment"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "child_counts"();
CREATE TRIGGER "evidence_counts_insert" AFTER INSERT ON "Evidence"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "child_counts"();
CREATE TRIGGER "evidence_counts_update" AFTER UPDATE ON "Evidence"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "child_counts"();
CREATE TRIGGER "evidence_counts_delete" AFTER DELETE ON "Evidence"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "child_counts"();

-- Backfill what already exists.
UPDATE "Recommendation" r SET "sectionPosition" = s."position" FROM "Section" s WHERE s."id" = r."sectionId";
UPDATE "Recommendation" r SET "commentCount" = c.n
FROM (SELECT "recommendationId", count(*)::int AS n FROM "Comment" WHERE "deletedAt" IS NULL GROUP BY 1) c
WHERE c."recommendationId" = r."id";
UPDATE "Recommendation" r SET "evidenceCount" = e.n
FROM (SELECT "recommendationId", count(*)::int AS n FROM "Evidence" GROUP BY 1) e
WHERE e."recommendationId" = r."id";
-- (the UPDATEs above fired the update trigger with no counted change; the tables are filled from scratch here)
DELETE FROM "RecommendationCount";
INSERT INTO "RecommendationCount" ("trackerId", "sectionId", "status", "count")
SELECT "trackerId", "sectionId", "status", count(*)::int FROM "Recommendation"
WHERE "archivedAt" IS NULL GROUP BY 1, 2, 3;
DELETE FROM "RecommenderCount";
INSERT INTO "RecommenderCount" ("workspaceId", "value", "count")
SELECT r."workspaceId", v.value, count(*)::int FROM "Recommendation" r
CROSS JOIN LATERAL jsonb_array_elements_text(
  CASE WHEN jsonb_typeof(r."attributes" -> 'Recommended by') = 'array'
    THEN r."attributes" -> 'Recommended by' ELSE '[]'::jsonb END) AS v(value)
WHERE r."archivedAt" IS NULL GROUP BY 1, 2;
