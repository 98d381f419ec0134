-- AlterTable
ALTER TABLE "Recommendation" ADD COLUMN     "inProgressDays" DOUBLE PRECISION,
ADD COLUMN     "lastActivityAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "statusSince" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- CreateTable
CREATE TABLE "StatusDayDelta" (
    "workspaceId" TEXT NOT NULL,
    "trackerId" TEXT NOT NULL,
    "sectionId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "status" "RecommendationStatus" NOT NULL,
    "delta" INTEGER NOT NULL,

    CONSTRAINT "StatusDayDelta_pkey" PRIMARY KEY ("trackerId","sectionId","day","status")
);

-- CreateTable
CREATE TABLE "RecommendationDayDelta" (
    "recommendationId" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "trackerId" TEXT NOT NULL,
    "sectionId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "status" "RecommendationStatus" NOT NULL,
    "delta" INTEGER NOT NULL,

    CONSTRAINT "RecommendationDayDelta_pkey" PRIMARY KEY ("recommendationId","day","status")
);

-- CreateIndex
CREATE INDEX "StatusDayDelta_zero_idx" ON "StatusDayDelta"("trackerId") WHERE (delta = 0);

-- CreateIndex
CREATE INDEX "Recommendation_trackerId_createdAt_idx" ON "Recommendation"("trackerId", "createdAt");

-- CreateIndex
CREATE INDEX "Recommendation_stuck_idx" ON "Recommendation"("trackerId", "statusSince", "id") WHERE ("archivedAt" IS NULL AND (status = 'IN_PROGRESS' OR status = 'STALLED'));

-- CreateIndex
CREATE INDEX "Recommendation_stale_idx" ON "Recommendation"("trackerId", "lastActivityAt", "id", "sectionId", "workspaceId") WHERE ("archivedAt" IS NULL AND status <> 'ACHIEVED');

-- CreateIndex
CREATE INDEX "Recommendation_in_progress_days_idx" ON "Recommendation"("trackerId", "inProgressDays") WHERE ("archivedAt" IS NULL AND "inProgressDays" IS NOT NULL);


-- ---------------------------------------------------------------------------------------------------------------
-- The status history, kept by triggers in the same transaction as every write (lib/history/README.md has the
-- definition; lib/history/queries.ts reads these instead of the tracker's events where the filters allow it):
-- - RecommendationDayDelta: each recommendation's share of the daily counts (+1 on the day it entered a status at
--   the end of the day, -1 on the day it left it), under the section it is in today;
-- - StatusDayDelta: their sum per tracker, section, day and status ("count of status S on day D" = the sum of the
--   deltas with day <= D);
-- - Recommendation.statusSince, lastActivityAt, inProgressDays.
-- Any write that can change a recommendation's history (its row: status, section, tracker, creation, archiving;
-- its status, archive, restore, comment and evidence events) recomputes that recommendation from its row and its
-- events: its old share is taken back (it is stored, so a deletion or a section move takes back exactly what was
-- added) and its new share added. Statement-level triggers with transition tables: a bulk import recomputes its
-- recommendations in one pass per statement. Archived sections are left out by the readers (a join), so archiving
-- a section rewrites nothing.
-- ---------------------------------------------------------------------------------------------------------------

-- Status intervals [s, e) of the recommendations `rids` (lib/history/queries.ts intervalsSql, `live`): one per
-- status change (from the change, not before the creation), the status before the first change (its `from`, or its
-- `to` when created with it), or today's status since the creation when there was no change. `at` is the change's
-- own time (null for the other two).
CREATE FUNCTION "recommendation_status_intervals"(rids text[])
RETURNS TABLE (rid text, status text, s timestamp, e timestamp, at timestamp)
LANGUAGE sql STABLE AS $$
  WITH r AS (
    SELECT r.id, r."workspaceId", r."trackerId", r."createdAt" AS created, r.status::text AS status
    FROM "Recommendation" r WHERE r.id = ANY(rids)
  ),
  sc AS (
    SELECT r.id AS rid, r.created, e."createdAt" AS at, e.data->>'from' AS f, e.data->>'to' AS t,
      lead(e."createdAt") OVER w AS nxt, row_number() OVER w AS rn
    FROM r JOIN "ActivityEvent" e ON e."trackerId" = r."trackerId" AND e."recommendationId" = r.id
    WHERE e.type = 'recommendation.status_changed' AND e."workspaceId" = r."workspaceId"
    WINDOW w AS (PARTITION BY r.id ORDER BY e."createdAt", e.seq)
  )
  SELECT rid, t, GREATEST(at, created), COALESCE(nxt, 'infinity'), at FROM sc
  UNION ALL
  SELECT rid, COALESCE(f, t), created, at, NULL FROM sc WHERE rn = 1
  UNION ALL
  SELECT r.id, r.status, r.created, 'infinity', NULL FROM r WHERE NOT EXISTS (SELECT 1 FROM sc WHERE sc.rid = r.id)
$$;

-- Archived intervals [s, e) of the recommendations `rids` (intervalsSql, `aiv`): from each archive event to the next
-- archive/restore event; before a first restore; from archivedAt when there are no such events.
CREATE FUNCTION "recommendation_archive_intervals"(rids text[])
RETURNS TABLE (rid text, s timestamp, e timestamp)
LANGUAGE sql STABLE AS $$
  WITH r AS (
    SELECT r.id, r."workspaceId", r."trackerId", r."archivedAt" FROM "Recommendation" r WHERE r.id = ANY(rids)
  ),
  ac AS (
    SELECT r.id AS rid, e."createdAt" AS at, e.type = 'recommendation.archived' AS arch,
      COALESCE(lead(e."createdAt") OVER w, 'infinity') AS nxt, row_number() OVER w AS k
    FROM r JOIN "ActivityEvent" e ON e."recommendationId" = r.id
    WHERE e."workspaceId" = r."workspaceId" AND e."trackerId" = r."trackerId"
      AND e.type IN ('recommendation.archived', 'recommendation.restored')
    WINDOW w AS (PARTITION BY r.id ORDER BY e."createdAt", e.seq)
  )
  SELECT rid, at, nxt FROM ac WHERE arch
  UNION ALL
  SELECT rid, '-infinity', at FROM ac WHERE k = 1 AND NOT arch
  UNION ALL
  SELECT r.id, r."archivedAt", 'infinity' FROM r
  WHERE r."archivedAt" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM ac WHERE ac.rid = r.id)
$$;

-- The daily deltas of the recommendations `rids`, under their section today: a status interval counts at the end
-- of each day from s::date to the day before e::date, less the days it was archived (intervalsSql `spans`,
-- dailySql `deltas`). Statuses outside the enum (none are written) are left out, as the readers leave them out.
CREATE FUNCTION "recommendation_day_deltas"(rids text[])
RETURNS TABLE ("recommendationId" text, "workspaceId" text, "trackerId" text, "sectionId" text, day date,
  status "RecommendationStatus", delta integer)
LANGUAGE sql STABLE AS $$
  WITH live AS (SELECT * FROM "recommendation_status_intervals"(rids)),
  aiv AS (SELECT * FROM "recommendation_archive_intervals"(rids)),
  spans AS (
    SELECT live.rid, live.status, live.s::date AS d0, live.e::date AS d1, 1 AS sign FROM live
    UNION ALL
    SELECT live.rid, live.status, GREATEST(live.s, aiv.s)::date, LEAST(live.e, aiv.e)::date, -1
    FROM live JOIN aiv ON aiv.rid = live.rid
  ),
  deltas AS (
    SELECT rid, d0 AS day, status, sign AS n FROM spans WHERE d0 < d1
    UNION ALL
    SELECT rid, d1, status, -sign FROM spans WHERE d0 < d1 AND d1 < 'infinity'
  )
  SELECT d.rid, r."workspaceId", r."trackerId", r."sectionId", d.day, d.status::"RecommendationStatus",
    sum(d.n)::int
  FROM deltas d JOIN "Recommendation" r ON r.id = d.rid
  WHERE d.status = ANY (enum_range(NULL::"RecommendationStatus")::text[])
  GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(d.n) <> 0
$$;

-- Recomputes the recommendations `rids` (those deleted only lose their share). Only what changed is written: a
-- comment, or a status change that moves no day, touches no StatusDayDelta row.
CREATE FUNCTION "recommendation_history_refresh"(rids text[]) RETURNS void LANGUAGE plpgsql AS $$
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
  gone AS (
    DELETE FROM "RecommendationDayDelta" d USING old o
    WHERE d."recommendationId" = o."recommendationId" AND d.day = o.day AND d.status = o.status
      AND NOT EXISTS (SELECT 1 FROM fresh f
        WHERE f."recommendationId" = o."recommendationId" AND f.day = o.day AND f.status = o.status)
  ),
  put AS (
    INSERT INTO "RecommendationDayDelta" AS d ("recommendationId", "workspaceId", "trackerId", "sectionId", day,
      status, delta)
    SELECT f.* FROM fresh f
    WHERE NOT EXISTS (SELECT 1 FROM old o
      WHERE o."recommendationId" = f."recommendationId" AND o.day = f.day AND o.status = f.status
        AND o."workspaceId" = f."workspaceId" AND o."trackerId" = f."trackerId" AND o."sectionId" = f."sectionId"
        AND o.delta = f.delta)
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
    SELECT r.id, GREATEST(r."createdAt", (SELECT max(e."createdAt") FROM "ActivityEvent" e
      WHERE e."recommendationId" = r.id AND e."trackerId" = r."trackerId" AND e."workspaceId" = r."workspaceId"
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

-- A new recommendation has no events yet (they reference it): its facts are its creation.
CREATE FUNCTION "recommendation_history_defaults"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."statusSince" := NEW."createdAt";
  NEW."lastActivityAt" := NEW."createdAt";
  NEW."inProgressDays" := NULL;
  RETURN NEW;
END $$;
CREATE TRIGGER "recommendation_history_defaults" BEFORE INSERT ON "Recommendation"
  FOR EACH ROW EXECUTE FUNCTION "recommendation_history_defaults"();

-- Recommendation rows: created, deleted, or changed in what the history reads (status, section, tracker, creation,
-- archiving). A section move takes the recommendation's whole share from its old section to its new one, since the
-- history counts every recommendation under its section today. (The refresh's own UPDATE of the facts changes none
-- of these columns, so it stops here.)
CREATE FUNCTION "recommendation_history_rows"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changed text[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM "recommendation_history_refresh"(ARRAY(SELECT n.id FROM new_rows n ORDER BY 1));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM "recommendation_history_refresh"(ARRAY(SELECT o.id FROM old_rows o ORDER BY 1));
  ELSE
    -- EXECUTE: planned for this statement's transition tables (a cached plan made for a one-row update would
    -- join a bulk update's rows by nested loop).
    EXECUTE 'SELECT ARRAY(
      SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
      WHERE n.status <> o.status OR n."sectionId" <> o."sectionId" OR n."trackerId" <> o."trackerId"
        OR n."workspaceId" <> o."workspaceId" OR n."createdAt" <> o."createdAt"
        OR n."archivedAt" IS DISTINCT FROM o."archivedAt"
      ORDER BY 1)' INTO changed;
    PERFORM "recommendation_history_refresh"(changed);
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER "recommendation_history_insert" AFTER INSERT ON "Recommendation"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "recommendation_history_rows"();
CREATE TRIGGER "recommendation_history_update" AFTER UPDATE ON "Recommendation"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "recommendation_history_rows"();
CREATE TRIGGER "recommendation_history_delete" AFTER DELETE ON "Recommendation"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "recommendation_history_rows"();

-- Events the history reads (status changes, archive and restore; comments and evidence for lastActivityAt),
-- written, removed or changed (a deleted recommendation's events lose their recommendationId). PL/pgSQL plans each
-- statement when it first runs, so each branch names only the transition tables its trigger has.
CREATE FUNCTION "activity_event_history"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  kinds text[] := ARRAY['recommendation.status_changed', 'recommendation.archived', 'recommendation.restored',
    'comment.added', 'evidence.added'];
  changed text[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM "recommendation_history_refresh"(ARRAY(
      SELECT DISTINCT n."recommendationId" FROM new_rows n
      WHERE n."recommendationId" IS NOT NULL AND n.type = ANY(kinds) ORDER BY 1));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM "recommendation_history_refresh"(ARRAY(
      SELECT DISTINCT o."recommendationId" FROM old_rows o
      WHERE o."recommendationId" IS NOT NULL AND o.type = ANY(kinds) ORDER BY 1));
  ELSE
    EXECUTE 'SELECT ARRAY(
      SELECT DISTINCT x.rid FROM old_rows o JOIN new_rows n ON n.id = o.id
      CROSS JOIN LATERAL (VALUES (o."recommendationId"), (n."recommendationId")) AS x(rid)
      WHERE x.rid IS NOT NULL AND (o.type = ANY($1) OR n.type = ANY($1))
        AND (o."recommendationId", o."trackerId", o."workspaceId", o.type, o.data, o."createdAt", o.seq)
          IS DISTINCT FROM (n."recommendationId", n."trackerId", n."workspaceId", n.type, n.data, n."createdAt", n.seq)
      ORDER BY 1)' INTO changed USING kinds;
    PERFORM "recommendation_history_refresh"(changed);
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER "activity_event_history_insert" AFTER INSERT ON "ActivityEvent"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "activity_event_history"();
CREATE TRIGGER "activity_event_history_update" AFTER UPDATE ON "ActivityEvent"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "activity_event_history"();
CREATE TRIGGER "activity_event_history_delete" AFTER DELETE ON "ActivityEvent"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "activity_event_history"();

-- Backfill: every recommendation from its row and its events (the new columns start at the migration's time; the
-- refresh sets them).
SELECT "recommendation_history_refresh"(ARRAY(SELECT id FROM "Recommendation" ORDER BY 1));
