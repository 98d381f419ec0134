-- The delete branch of the counter trigger updated its rows in no particular order; it now upserts in key
-- order like the insert and update branches (no deadlock between two large concurrent deletes).
CREATE OR REPLACE FUNCTION "recommendation_counts"() RETURNS trigger LANGUAGE plpgsql AS $$
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
    -- Upserts in key order, like the other branches: two transactions deleting in the same sections lock
    -- the counter rows in the same order, so they queue instead of deadlocking.
    INSERT INTO "RecommendationCount" AS c ("trackerId", "sectionId", "status", "count")
    SELECT o."trackerId", o."sectionId", o."status", -count(*)::int FROM old_rows o
    WHERE o."archivedAt" IS NULL GROUP BY 1, 2, 3 ORDER BY 2, 3
    ON CONFLICT ("sectionId", "status") DO UPDATE SET "count" = c."count" + EXCLUDED."count";
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
