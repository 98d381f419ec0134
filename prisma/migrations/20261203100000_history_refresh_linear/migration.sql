-- The history triggers (20261202100000_status_days) and the list counters (20261201151500_list_counters,
-- 20261202090000_counter_lock_order) cost time linear in the rows a statement touches. Four causes, found
-- with auto_explain (log_nested_statements) while seeding a tracker in batches of events:
-- 1. The refresh's lastActivityAt lookup was a correlated subquery filtered on the recommendation, tracker and
--    workspace. Inside a bulk load (statistics from before it), the planner read it through the tracker's or the
--    workspace's event indexes: every recommendation of a batch read all the tracker's events of those types
--    (2,000 rows × 16,000–30,000 events removed by filter at 10,000 recommendations), so batch k cost ~k times
--    batch 1. The lookup now has only the recommendation and the type as conditions (the tracker and workspace
--    checks move into the aggregate's FILTER), which leaves the recommendation's own index; the archive
--    intervals' join likewise.
-- 2. PL/pgSQL keeps a generic plan for the refresh's statements after five calls; with `= ANY(rids)` estimated
--    at 10 elements it anti-joined the batch's new shares against its old ones by nested loop (a 9,500-row section
--    move: 406 M comparisons, 144 s). The refresh now plans each call for its array (plan_cache_mode =
--    force_custom_plan, for this function's statements only).
-- 3. Even planned for its array, the refresh compared a batch's new shares with its old ones by NOT EXISTS,
--    which the planner ran as a nested-loop anti join when it misestimated the new shares (3 rows for 14,000):
--    from the 14th batch of 5,000 in a 150,000 seed, each batch took ~22 s instead of ~2.5 s. They are now
--    matched by a FULL JOIN, which runs by hash or merge only.
-- 4. recommendation_counts joined an UPDATE's new_rows with its old_rows statically: on a connection whose first
--    update was one row, a later bulk update joined them by nested loop (the same move: 2 × 90 M comparisons in
--    each of its two statements, 126 s). Its update branch now sums +1 per new row and -1 per old row without a
--    join; rows whose counted columns did not change cancel out.
-- Functions replaced whole; what they compute is unchanged.

-- Archived intervals of the recommendations `rids` (as before).
CREATE OR REPLACE FUNCTION "recommendation_archive_intervals"(rids text[])
RETURNS TABLE (rid text, s timestamp, e timestamp)
LANGUAGE sql STABLE AS $$
  WITH r AS (
    SELECT r.id, r."workspaceId", r."trackerId", r."archivedAt" FROM "Recommendation" r WHERE r.id = ANY(rids)
  ),
  ac AS (
    SELECT r.id AS rid, e."createdAt" AS at, e.type = 'recommendation.archived' AS arch,
      COALESCE(lead(e."createdAt") OVER w, 'infinity') AS nxt, row_number() OVER w AS k
    FROM r JOIN "ActivityEvent" e ON e."recommendationId" = r.id
      AND e.type IN ('recommendation.archived', 'recommendation.restored')
    -- Not an index condition (both sides are never null here, so it is plain equality): the events are found
    -- through the recommendation's index, never by scanning the workspace's archive events per recommendation.
    WHERE (e."workspaceId", e."trackerId") IS NOT DISTINCT FROM (r."workspaceId", r."trackerId")
    WINDOW w AS (PARTITION BY r.id ORDER BY e."createdAt", e.seq)
  )
  SELECT rid, at, nxt FROM ac WHERE arch
  UNION ALL
  SELECT rid, '-infinity', at FROM ac WHERE k = 1 AND NOT arch
  UNION ALL
  SELECT r.id, r."archivedAt", 'infinity' FROM r
  WHERE r."archivedAt" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM ac WHERE ac.rid = r.id)
$$;

-- Recomputes the recommendations `rids` (as before). Each call plans its statements for its own array: a
-- generic plan (PL/pgSQL's choice after five calls) estimates `= ANY(rids)` at 10 elements whatever the batch.
CREATE OR REPLACE FUNCTION "recommendation_history_refresh"(rids text[]) RETURNS void LANGUAGE plpgsql
SET plan_cache_mode = force_custom_plan AS $$
DECLARE
  touched text[];
  ids text[];
  sinces timestamp[];
  lasts timestamp[];
  days float8[];
BEGIN
  IF rids IS NULL OR cardinality(rids) = 0 THEN
    RETURN;
  END IF;
  -- The new shares against the stored ones: the stored shares follow (rows gone are deleted, new or changed rows
  -- upserted: disjoint keys), and the difference is added to the table.
  WITH fresh AS MATERIALIZED (SELECT * FROM "recommendation_day_deltas"(rids)),
  old AS MATERIALIZED (
    SELECT d."recommendationId", d."workspaceId", d."trackerId", d."sectionId", d.day, d.status, d.delta
    FROM "RecommendationDayDelta" d WHERE d."recommendationId" = ANY(rids)
  ),
  -- The new shares against the old, matched by a FULL JOIN: PostgreSQL runs it by hash or merge only, whatever
  -- the estimates. (NOT EXISTS between the two was an anti join the planner could run by nested loop: with
  -- `fresh` estimated at 3 rows, a batch of 5,000 recommendations compared 5,000 × 14,000 rows, ~20 s.)
  pair AS MATERIALIZED (
    SELECT f."recommendationId" AS f_rid, f."workspaceId" AS f_ws, f."trackerId" AS f_tracker,
      f."sectionId" AS f_section, f.day AS f_day, f.status AS f_status, f.delta AS f_delta,
      o."recommendationId" AS o_rid, o.day AS o_day, o.status AS o_status,
      (o."workspaceId", o."trackerId", o."sectionId", o.delta)
        IS NOT DISTINCT FROM (f."workspaceId", f."trackerId", f."sectionId", f.delta) AS same
    FROM fresh f FULL JOIN old o
      ON o."recommendationId" = f."recommendationId" AND o.day = f.day AND o.status = f.status
  ),
  gone AS (
    DELETE FROM "RecommendationDayDelta" d USING pair p
    WHERE p.f_rid IS NULL
      AND d."recommendationId" = p.o_rid AND d.day = p.o_day AND d.status = p.o_status
  ),
  put AS (
    INSERT INTO "RecommendationDayDelta" AS d ("recommendationId", "workspaceId", "trackerId", "sectionId", day,
      status, delta)
    SELECT p.f_rid, p.f_ws, p.f_tracker, p.f_section, p.f_day, p.f_status, p.f_delta FROM pair p
    WHERE p.f_rid IS NOT NULL AND (p.o_rid IS NULL OR NOT p.same)
    ORDER BY 1, 5, 6
    ON CONFLICT ("recommendationId", day, status) DO UPDATE SET "workspaceId" = EXCLUDED."workspaceId",
      "trackerId" = EXCLUDED."trackerId", "sectionId" = EXCLUDED."sectionId", delta = EXCLUDED.delta
  ),
  up AS (
    INSERT INTO "StatusDayDelta" AS c ("workspaceId", "trackerId", "sectionId", day, status, delta)
    SELECT max("workspaceId"), "trackerId", "sectionId", day, status, sum(n)::int FROM (
      SELECT "workspaceId", "trackerId", "sectionId", day, status, delta AS n FROM fresh
      UNION ALL
      SELECT "workspaceId", "trackerId", "sectionId", day, status, -delta FROM old
    ) x
    GROUP BY 2, 3, 4, 5 HAVING sum(n) <> 0 ORDER BY 2, 3, 4, 5
    ON CONFLICT ("trackerId", "sectionId", day, status) DO UPDATE SET delta = c.delta + EXCLUDED.delta
    RETURNING c."trackerId"
  )
  SELECT array_agg(DISTINCT "trackerId") INTO touched FROM up;
  -- Drop the rows that now sum to nothing (the partial index holds only those).
  IF touched IS NOT NULL THEN
    DELETE FROM "StatusDayDelta" c WHERE c.delta = 0 AND c."trackerId" = ANY(touched);
  END IF;
  -- … and their facts: when the current status began (GREATEST(createdAt, last status change)), the last status
  -- change, comment or evidence, and the days In progress before the first Achieved (intervalsSql and
  -- inProgressDaysSql in lib/history/queries.ts).
  WITH iv AS MATERIALIZED (SELECT * FROM "recommendation_status_intervals"(rids)),
  since AS (SELECT rid, max(s) AS since FROM iv GROUP BY rid),
  fa AS (SELECT rid, min(at) AS at FROM iv WHERE status = 'ACHIEVED' AND at IS NOT NULL GROUP BY rid),
  ipd AS (
    SELECT fa.rid, (COALESCE(sum(GREATEST(0, extract(epoch FROM (LEAST(iv.e, fa.at) - iv.s))))
      FILTER (WHERE iv.status = 'IN_PROGRESS' AND iv.s < fa.at), 0) / 86400.0)::float8 AS days
    FROM fa LEFT JOIN iv ON iv.rid = fa.rid GROUP BY fa.rid
  ),
  act AS (
    -- Found through the recommendation's index only (see the top of this migration): the tracker and workspace
    -- checks are in the FILTER, where no index can be chosen for them.
    SELECT r.id, GREATEST(r."createdAt", (
      SELECT max(e."createdAt") FILTER (WHERE e."trackerId" = r."trackerId" AND e."workspaceId" = r."workspaceId")
      FROM "ActivityEvent" e
      WHERE e."recommendationId" = r.id
        AND e.type IN ('recommendation.status_changed', 'comment.added', 'evidence.added'))) AS last
    FROM "Recommendation" r WHERE r.id = ANY(rids)
  ),
  facts AS (
    SELECT act.id, since.since, act.last, ipd.days
    FROM act JOIN since ON since.rid = act.id LEFT JOIN ipd ON ipd.rid = act.id
  )
  SELECT array_agg(f.id), array_agg(f.since), array_agg(f.last), array_agg(f.days)
  INTO ids, sinces, lasts, days
  FROM facts f JOIN "Recommendation" r ON r.id = f.id
  WHERE (r."statusSince", r."lastActivityAt", r."inProgressDays") IS DISTINCT FROM (f.since, f.last, f.days);
  -- Only when something changed: an UPDATE of no rows would still run Recommendation's statement triggers with
  -- empty transition tables, and PL/pgSQL would keep the plans it makes for them (nested loops) for the session.
  IF ids IS NOT NULL THEN
    UPDATE "Recommendation" r SET "statusSince" = f.since, "lastActivityAt" = f.last, "inProgressDays" = f.days
    FROM unnest(ids, sinces, lasts, days) AS f(id, since, last, days)
    WHERE r.id = f.id;
  END IF;
END $$;

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
    -- UPDATE: each updated row's new key counts +1 and its old key -1 (when not archived); rows whose counted
    -- columns did not change cancel out in the sum. No join of new_rows with old_rows: PL/pgSQL plans these
    -- statements once per session, and a plan made for a one-row update joined a later bulk update's
    -- transition tables by nested loop (a 9,500-row section move: 2 × 90 M comparisons, over 2 minutes).
    INSERT INTO "RecommendationCount" AS c ("trackerId", "sectionId", "status", "count")
    SELECT "trackerId", "sectionId", "status", sum(n)::int FROM (
      SELECT n."trackerId", n."sectionId", n."status", 1 AS n FROM new_rows n WHERE n."archivedAt" IS NULL
      UNION ALL
      SELECT o."trackerId", o."sectionId", o."status", -1 FROM old_rows o WHERE o."archivedAt" IS NULL
    ) d GROUP BY 1, 2, 3 HAVING sum(n) <> 0 ORDER BY 2, 3
    ON CONFLICT ("sectionId", "status") DO UPDATE SET "count" = c."count" + EXCLUDED."count";
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
