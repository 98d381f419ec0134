import "server-only";
import { recordEvent, validateEvents, type EventInput } from "@/lib/server/events";
import { randomUUID } from "node:crypto";
import type { Tx } from "@/lib/server/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { RecommendationStatus } from "@/lib/generated/prisma/enums";
import type { PreparedImport, PreparedRow } from "@/lib/import/rows";
import { normalizeHttpUrl, urlIdentity } from "@/lib/url";

/**
 * The write half of an import, given a transaction: no session, no authorization (lib/dal/import.ts does both
 * before it calls this). Kept apart so that scripts/bench-import.ts measures exactly the app's write path.
 */

const BATCH = 1000;

/** A cuid-like id for rows created in bulk (the ids are needed up front to link tags, owners and events). */
const newId = () => `c${randomUUID().replace(/-/g, "").slice(0, 24)}`;

function chunks<T>(items: T[], size = BATCH): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

type EventRow = EventInput;

/**
 * Writes prepared rows into a tracker inside the caller's transaction: sections by name, tags, new
 * recommendations (createMany), updates of existing ones matched by reference id (set-based UPDATE), owners,
 * evidence, status history, and the activity events (one summary plus one per recommendation).
 */
export async function writeImport(
  tx: Tx,
  input: {
    workspaceId: string;
    trackerId: string;
    actorId: string;
    fileName: string;
    prepared: PreparedImport;
    sectionOrder: string[];
    defaultSection: string;
    memberIdsByEmail: Map<string, string>;
    onProgress?: (processed: number, phase: string) => void;
  },
): Promise<{ created: number; updated: number }> {
  const { workspaceId, trackerId, actorId, prepared } = input;
  const rows = prepared.rows;
  const progress = input.onProgress ?? (() => {});
  const now = new Date();
  const events: EventRow[] = [];

  // Sections, matched by title (case-insensitive), created when missing.
  const sections = await tx.section.findMany({
    where: { trackerId, workspaceId, archivedAt: null },
    select: { id: true, title: true, position: true },
    orderBy: { position: "asc" },
  });
  const sectionIds = new Map(sections.map((s) => [s.title.trim().toLowerCase(), s.id]));
  let nextPosition =
    (await tx.section.aggregate({ where: { trackerId }, _max: { position: true } }))._max.position ?? -1;
  const newSections: Prisma.SectionCreateManyInput[] = [];
  const ensureSection = (title: string) => {
    const key = title.trim().toLowerCase();
    const existing = sectionIds.get(key);
    if (existing) return existing;
    const id = newId();
    sectionIds.set(key, id);
    newSections.push({ id, workspaceId, trackerId, title: title.trim(), position: ++nextPosition });
    return id;
  };
  for (const title of input.sectionOrder) ensureSection(title);

  // Existing recommendations: matched by reference id, or by their own id (what an export writes when a
  // recommendation has no reference id).
  const existing = await tx.recommendation.findMany({
    where: { trackerId, workspaceId },
    select: { id: true, referenceId: true, status: true },
  });
  const byRef = new Map<string, (typeof existing)[number]>();
  const byId = new Map<string, (typeof existing)[number]>();
  for (const rec of existing) {
    if (rec.referenceId) byRef.set(rec.referenceId, rec);
    else byId.set(rec.id, rec);
  }
  const creates: { row: PreparedRow; id: string; sectionId: string }[] = [];
  const updates: { row: PreparedRow; id: string; status: RecommendationStatus; sectionId: string | null }[] =
    [];
  for (const row of rows) {
    const match = row.referenceId ? (byRef.get(row.referenceId) ?? byId.get(row.referenceId)) : undefined;
    if (match) {
      updates.push({
        row,
        id: match.id,
        status: match.status,
        sectionId: row.section ? ensureSection(row.section) : null,
      });
    } else {
      creates.push({ row, id: newId(), sectionId: ensureSection(row.section ?? input.defaultSection) });
    }
  }
  for (const batch of chunks(newSections)) await tx.section.createMany({ data: batch });
  for (const section of newSections) {
    events.push({
      type: "section.created",
      actorId,
      workspaceId,
      trackerId,
      data: { title: section.title, importedFrom: input.fileName },
    });
  }

  // Tags.
  const tagNames = [...new Set(rows.flatMap((row) => row.tags ?? []))];
  const tagIds = new Map<string, string>();
  for (const batch of chunks(tagNames, 5000)) {
    await tx.tag.createMany({ data: batch.map((name) => ({ workspaceId, name })), skipDuplicates: true });
    const found = await tx.tag.findMany({
      where: { workspaceId, name: { in: batch } },
      select: { id: true, name: true },
    });
    for (const tag of found) tagIds.set(tag.name, tag.id);
  }

  // New recommendations, appended to their sections.
  const maxPositions = await tx.recommendation.groupBy({
    by: ["sectionId"],
    where: { trackerId },
    _max: { position: true },
  });
  const positions = new Map(maxPositions.map((p) => [p.sectionId, p._max.position ?? -1]));
  let processed = 0;
  progress(0, "import.phases.creating");
  for (const batch of chunks(creates, 2000)) {
    // One INSERT … SELECT FROM unnest(…) per batch: a handful of array parameters instead of 20 per row.
    const values = batch.map(({ row, id, sectionId }) => {
      const position = (positions.get(sectionId) ?? -1) + 1;
      positions.set(sectionId, position);
      return { row, id, sectionId, position };
    });
    const col = <T>(pick: (v: (typeof values)[number]) => T) => values.map(pick);
    await tx.$executeRaw`
      INSERT INTO "Recommendation" ("id", "workspaceId", "trackerId", "sectionId", "title", "text", "status",
        "targetActor", "dueDate", "referenceId", "attributes", "priority", "requiresLegislation", "sourcePassage",
        "sourceStart", "sourceEnd", "position", "createdAt", "updatedAt")
      SELECT v.id, ${workspaceId}, ${trackerId}, v.section_id, v.title, v.text, v.status::"RecommendationStatus",
        v.target_actor, v.due_date::date, v.reference_id, v.attributes::jsonb, v.priority::"Priority",
        v.requires_legislation, v.source_passage, v.source_start, v.source_end, v.position, ${now}, ${now}
      FROM unnest(
        ${col((v) => v.id)}::text[], ${col((v) => v.sectionId)}::text[],
        ${col((v) => v.row.title ?? v.row.derivedTitle)}::text[], ${col((v) => v.row.text)}::text[],
        ${col((v) => v.row.status ?? "NOT_STARTED")}::text[], ${col((v) => v.row.targetActor ?? null)}::text[],
        ${col((v) => (v.row.dueDate ? v.row.dueDate.toISOString().slice(0, 10) : null))}::text[],
        ${col((v) => v.row.referenceId)}::text[], ${col((v) => JSON.stringify(v.row.attributes))}::text[],
        ${col((v) => v.row.extra?.priority ?? null)}::text[],
        ${col((v) => v.row.extra?.requiresLegislation ?? null)}::boolean[],
        ${col((v) => v.row.extra?.sourcePassage ?? null)}::text[],
        ${col((v) => v.row.extra?.sourceStart ?? null)}::int[], ${col((v) => v.row.extra?.sourceEnd ?? null)}::int[],
        ${col((v) => v.position)}::int[]
      ) AS v(id, section_id, title, text, status, target_actor, due_date, reference_id, attributes, priority,
        requires_legislation, source_passage, source_start, source_end, position)`;
    processed += batch.length;
    progress(processed, "import.phases.creating");
  }
  for (const { row, id } of creates) {
    events.push({
      type: "recommendation.created",
      actorId,
      workspaceId,
      trackerId,
      recommendationId: id,
      data: { title: row.title ?? row.derivedTitle, importedFrom: input.fileName },
    });
    events.push(...statusEvents(input, id, row, "NOT_STARTED"));
  }

  // Updates of existing recommendations, one set-based UPDATE per batch.
  const mapped = (field: keyof PreparedRow) => rows.some((row) => row[field] !== undefined);
  const setsDue = mapped("dueDate");
  const setsActor = mapped("targetActor");
  progress(processed, "import.phases.updating");
  for (const batch of chunks(updates)) {
    const ids = batch.map((u) => u.id);
    await tx.$executeRaw`
      UPDATE "Recommendation" AS r SET
        "title" = COALESCE(v.title, r."title"),
        "text" = v.text,
        "sectionId" = COALESCE(v.section_id, r."sectionId"),
        "status" = COALESCE(v.status::"RecommendationStatus", r."status"),
        "dueDate" = CASE WHEN ${setsDue} THEN v.due_date::date ELSE r."dueDate" END,
        "targetActor" = CASE WHEN ${setsActor} THEN v.target_actor ELSE r."targetActor" END,
        "referenceId" = v.reference_id,
        "attributes" = r."attributes" || v.attributes::jsonb,
        "version" = r."version" + 1,
        "updatedAt" = ${now}
      FROM unnest(
        ${ids}::text[], ${batch.map((u) => u.row.title)}::text[], ${batch.map((u) => u.row.text)}::text[],
        ${batch.map((u) => u.sectionId)}::text[], ${batch.map((u) => u.row.status)}::text[],
        ${batch.map((u) => (u.row.dueDate ? u.row.dueDate.toISOString().slice(0, 10) : null))}::text[],
        ${batch.map((u) => u.row.targetActor ?? null)}::text[], ${batch.map((u) => u.row.referenceId)}::text[],
        ${batch.map((u) => JSON.stringify(u.row.attributes))}::text[]
      ) AS v(id, title, text, section_id, status, due_date, target_actor, reference_id, attributes)
      WHERE r."id" = v.id AND r."trackerId" = ${trackerId} AND r."workspaceId" = ${workspaceId}`;
    const withTags = batch.filter((u) => u.row.tags !== null);
    if (withTags.length > 0) {
      await tx.recommendationTag.deleteMany({
        where: { recommendationId: { in: withTags.map((u) => u.id) } },
      });
    }
    const withOwners = batch.filter((u) => u.row.ownerIds !== null);
    if (withOwners.length > 0) {
      await tx.recommendationOwner.deleteMany({
        where: { recommendationId: { in: withOwners.map((u) => u.id) } },
      });
    }
    processed += batch.length;
    progress(processed, "import.phases.updating");
  }
  for (const { row, id, status } of updates) {
    events.push({
      type: "recommendation.updated",
      actorId,
      workspaceId,
      trackerId,
      recommendationId: id,
      data: { field: "import", importedFrom: input.fileName },
    });
    events.push(...statusEvents(input, id, row, status));
  }

  // Tags, owners and evidence of every imported row.
  const all = [...creates, ...updates];
  progress(processed, "import.phases.linking");
  const tagLinks = all.flatMap(({ row, id }) =>
    (row.tags ?? []).flatMap((name) => {
      const tagId = tagIds.get(name);
      return tagId ? [{ recommendationId: id, tagId }] : [];
    }),
  );
  for (const batch of chunks(tagLinks, 10_000)) {
    await tx.$executeRaw`
      INSERT INTO "RecommendationTag" ("recommendationId", "tagId")
      SELECT * FROM unnest(${batch.map((l) => l.recommendationId)}::text[], ${batch.map((l) => l.tagId)}::text[])
      ON CONFLICT DO NOTHING`;
  }
  const ownerLinks = all.flatMap(({ row, id }) =>
    (row.ownerIds ?? []).map((userId) => ({ recommendationId: id, userId, assignedById: actorId })),
  );
  for (const batch of chunks(ownerLinks, 3000)) {
    await tx.recommendationOwner.createMany({ data: batch, skipDuplicates: true });
  }
  const evidence: Prisma.EvidenceCreateManyInput[] = all.flatMap(({ row, id }) =>
    (row.extra?.evidence ?? []).flatMap((item) => {
      const url = normalizeHttpUrl(item.url);
      if (!url) return [];
      return [
        {
          workspaceId,
          recommendationId: id,
          url,
          normalizedUrl: urlIdentity(url),
          title: item.title || url,
          sourceType: item.sourceType,
          publishedAt: item.publishedAt ? new Date(`${item.publishedAt.slice(0, 10)}T00:00:00.000Z`) : null,
          stance: item.stance,
          quote: item.quote ?? null,
          // The importer added it: a file cannot make evidence appear as added by someone else.
          addedById: actorId,
        },
      ];
    }),
  );
  for (const batch of chunks(evidence)) await tx.evidence.createMany({ data: batch, skipDuplicates: true });

  progress(processed, "import.phases.activity");
  // Every payload is checked against the event catalogue before anything is inserted.
  for (const batch of chunks(validateEvents(events), 5000)) {
    await tx.$executeRaw`
      INSERT INTO "ActivityEvent" ("id", "type", "actorId", "workspaceId", "trackerId", "recommendationId", "data", "createdAt")
      SELECT v.id, v.type, v.actor_id, v.workspace_id, v.tracker_id, v.recommendation_id, v.data::jsonb, v.created_at
      FROM unnest(
        ${batch.map(() => newId())}::text[], ${batch.map((e) => e.type)}::text[],
        ${batch.map((e) => e.actorId ?? null)}::text[], ${batch.map((e) => e.workspaceId ?? null)}::text[],
        ${batch.map((e) => e.trackerId ?? null)}::text[], ${batch.map((e) => e.recommendationId ?? null)}::text[],
        ${batch.map((e) => JSON.stringify(e.data ?? {}))}::text[],
        ${batch.map((e) => (e.createdAt instanceof Date ? e.createdAt : now))}::timestamp[]
      ) AS v(id, type, actor_id, workspace_id, tracker_id, recommendation_id, data, created_at)`;
  }
  // The summary is written last, through recordEvent, so subscribers are told once about the whole import.
  await recordEvent(tx, {
    type: "tracker.imported",
    actorId,
    workspaceId,
    trackerId,
    data: {
      fileName: input.fileName,
      total: prepared.total,
      created: creates.length,
      updated: updates.length,
      rejected: prepared.rejected.length,
      sectionsCreated: newSections.length,
    },
  });
  await tx.tracker.update({ where: { id: trackerId }, data: { updatedAt: now } });
  return { created: creates.length, updated: updates.length };
}

/** Status history of an imported row: the file's own history (tracker exports), or one change to its status. */
function statusEvents(
  input: {
    workspaceId: string;
    trackerId: string;
    actorId: string;
    fileName: string;
    memberIdsByEmail: Map<string, string>;
  },
  recommendationId: string,
  row: PreparedRow,
  before: RecommendationStatus,
): EventRow[] {
  const history = row.extra?.statusHistory ?? [];
  if (history.length > 0 && before === "NOT_STARTED") {
    // The file's history is kept as the file tells it, never as the truth: the event is the importer's, dated
    // now, and who and when the file claims are stored beside it (recordedBy / recordedAt), unverified.
    const importedAt = Date.now();
    return history.map((change, index) => {
      const at = new Date(change.at);
      return {
        type: "recommendation.status_changed",
        actorId: input.actorId,
        // Import time, a millisecond apart per change, so the history keeps the file's order.
        createdAt: new Date(importedAt - (history.length - index)),
        workspaceId: input.workspaceId,
        trackerId: input.trackerId,
        recommendationId,
        data: {
          from: change.from ?? null,
          to: change.to,
          justification: change.justification ?? "",
          importedFrom: input.fileName,
          recordedBy: change.by ?? null,
          ...(Number.isNaN(at.getTime()) ? {} : { recordedAt: at.toISOString() }),
        },
      };
    });
  }
  if (!row.status || row.status === before) return [];
  return [
    {
      type: "recommendation.status_changed",
      actorId: input.actorId,
      workspaceId: input.workspaceId,
      trackerId: input.trackerId,
      recommendationId,
      data: {
        from: before,
        to: row.status,
        justification: `Imported from ${input.fileName}.`,
        importedFrom: input.fileName,
      },
    },
  ];
}
