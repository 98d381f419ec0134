import "server-only";
import { readEvents } from "@/lib/server/events";
import { db } from "@/lib/server/db";
import { notFoundError } from "@/lib/server/errors";
import type { RecommendationStatus } from "@/lib/generated/prisma/enums";
import { toCsv } from "@/lib/import/csv";
import {
  EXPORT_COLUMNS,
  OWNER_NAMES_COLUMN,
  TRACKER_EXPORT_FORMAT,
  type TrackerExport,
} from "@/lib/import/tracker-json";
import { evidenceSourceLabels, evidenceStanceLabels } from "@/lib/evidence/rules";
import { emptyCounts, progressFrom, statusMeta } from "@/lib/status";
import { requireMembership } from "@/lib/server/authz";
import { mutate } from "@/lib/server/mutate";
import { can } from "@/lib/permissions";

const isoDate = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null);

/** Everything about a tracker's live (not archived) recommendations, for exports and the printable report. */
async function loadTracker(workspaceId: string, trackerId: string) {
  const tracker = await db.tracker.findFirst({
    where: { id: trackerId, workspaceId },
    select: {
      id: true,
      name: true,
      description: true,
      document: { select: { title: true, author: true, citation: true, fileName: true } },
      sections: {
        where: { archivedAt: null },
        orderBy: { position: "asc" },
        select: { id: true, title: true, description: true },
      },
    },
  });
  if (!tracker) return null;
  const [recommendations, statusEvents] = await Promise.all([
    db.recommendation.findMany({
      where: { workspaceId, trackerId, archivedAt: null, section: { archivedAt: null } },
      orderBy: [{ section: { position: "asc" } }, { position: "asc" }],
      select: {
        id: true,
        referenceId: true,
        sectionId: true,
        title: true,
        text: true,
        status: true,
        targetActor: true,
        requiresLegislation: true,
        priority: true,
        dueDate: true,
        sourcePassage: true,
        sourceStart: true,
        sourceEnd: true,
        attributes: true,
        createdAt: true,
        updatedAt: true,
        owners: { orderBy: { createdAt: "asc" }, select: { user: { select: { name: true, email: true } } } },
        tags: { select: { tag: { select: { name: true } } } },
        evidence: {
          orderBy: [{ publishedAt: { sort: "desc", nulls: "last" } }, { createdAt: "desc" }],
          select: {
            url: true,
            title: true,
            sourceType: true,
            publishedAt: true,
            stance: true,
            quote: true,
            addedBy: { select: { name: true, email: true } },
          },
        },
      },
    }),
    db.activityEvent.findMany({
      where: {
        workspaceId,
        trackerId,
        type: "recommendation.status_changed",
        recommendationId: { not: null },
      },
      orderBy: { createdAt: "asc" },
      select: {
        recommendationId: true,
        createdAt: true,
        type: true,
        data: true,
        actor: { select: { email: true, name: true } },
      },
    }),
  ]);
  const history = new Map<
    string,
    {
      at: Date;
      by: string | null;
      byName: string | null;
      from: string | null;
      to: string;
      justification: string;
    }[]
  >();
  for (const { event, recommendationId, createdAt, actor } of readEvents(statusEvents)) {
    if (event.type !== "recommendation.status_changed" || !recommendationId) continue;
    const list = history.get(recommendationId) ?? [];
    // Imported history is exported as the file recorded it (so a round trip keeps it); the audit log
    // shows who imported it and when.
    const recordedBy = event.data.recordedBy ?? event.data.by ?? null;
    list.push({
      at: event.data.recordedAt ? new Date(event.data.recordedAt) : createdAt,
      by: recordedBy ?? actor?.email ?? null,
      byName: recordedBy ? null : (actor?.name ?? null),
      from: event.data.from,
      to: event.data.to,
      justification: event.data.justification,
    });
    history.set(recommendationId, list);
  }
  const sectionTitles = new Map(tracker.sections.map((s) => [s.id, s.title]));
  return {
    tracker,
    recommendations: recommendations.map((rec) => ({
      ...rec,
      section: sectionTitles.get(rec.sectionId) ?? "",
      tags: rec.tags.map((t) => t.tag.name).sort(),
      owners: rec.owners.map((o) => o.user),
      attributes: (rec.attributes ?? {}) as Record<string, unknown>,
      statusHistory: history.get(rec.id) ?? [],
    })),
  };
}

/**
 * Loads a tracker for export and records the export in the audit log. Viewers may export (it is a read),
 * but an export carries only what its reader sees on screen: people's email addresses only for those who
 * may see the member list, names for everyone else.
 */
async function loadForExport(workspaceSlug: string, trackerId: string, format: "csv" | "json") {
  const ctx = await requireMembership(workspaceSlug, "workspace.read");
  const data = await loadTracker(ctx.workspace.id, trackerId);
  if (!data) throw notFoundError("errors.notFound.tracker");
  await mutate(workspaceSlug, "workspace.read", ({ emit }) =>
    emit({
      type: "tracker.exported",
      trackerId,
      data: { format, recommendations: data.recommendations.length },
    }),
  );
  const canSeeEmails = can(ctx.role, "member.read");
  const person = (user: { name: string; email: string }) => (canSeeEmails ? user.email : user.name);
  return { ...data, person, canSeeEmails };
}

export async function exportTrackerJson(workspaceSlug: string, trackerId: string): Promise<TrackerExport> {
  const { tracker, recommendations, person, canSeeEmails } = await loadForExport(
    workspaceSlug,
    trackerId,
    "json",
  );
  return {
    format: TRACKER_EXPORT_FORMAT,
    exportedAt: new Date().toISOString(),
    tracker: {
      name: tracker.name,
      description: tracker.description,
      document: tracker.document
        ? { title: tracker.document.title, citation: tracker.document.citation }
        : null,
    },
    sections: tracker.sections.map((s) => ({ title: s.title, description: s.description })),
    recommendations: recommendations.map((rec) => ({
      referenceId: rec.referenceId ?? rec.id,
      title: rec.title,
      text: rec.text,
      section: rec.section,
      status: rec.status,
      tags: rec.tags,
      owners: rec.owners.map(person),
      dueDate: isoDate(rec.dueDate),
      targetActor: rec.targetActor,
      priority: rec.priority,
      requiresLegislation: rec.requiresLegislation,
      sourcePassage: rec.sourcePassage,
      sourceStart: rec.sourceStart,
      sourceEnd: rec.sourceEnd,
      attributes: Object.fromEntries(Object.entries(rec.attributes).map(([k, v]) => [k, String(v ?? "")])),
      statusHistory: rec.statusHistory.map((h) => ({
        at: h.at.toISOString(),
        by: canSeeEmails ? h.by : h.byName,
        from: (h.from as RecommendationStatus | null) ?? null,
        to: h.to as RecommendationStatus,
        justification: h.justification,
      })),
      evidence: rec.evidence.map((e) => ({
        url: e.url,
        title: e.title,
        sourceType: e.sourceType,
        publishedAt: isoDate(e.publishedAt),
        stance: e.stance,
        quote: e.quote,
        addedBy: person(e.addedBy),
      })),
    })),
  };
}

export async function exportTrackerCsv(workspaceSlug: string, trackerId: string) {
  const { tracker, recommendations, person, canSeeEmails } = await loadForExport(
    workspaceSlug,
    trackerId,
    "csv",
  );
  const fixed = (Object.values(EXPORT_COLUMNS) as string[]).map((column) =>
    column === EXPORT_COLUMNS.ownerEmail && !canSeeEmails ? OWNER_NAMES_COLUMN : column,
  );
  const attributeKeys: string[] = [];
  const seen = new Set<string>();
  for (const rec of recommendations) {
    for (const key of Object.keys(rec.attributes)) {
      if (!seen.has(key)) {
        seen.add(key);
        attributeKeys.push(key);
      }
    }
  }
  const attributeHeader = (key: string) => (fixed.includes(key) ? `Attribute: ${key}` : key);
  const label = (status: string | null) =>
    status ? (statusMeta[status as RecommendationStatus]?.label ?? status) : "";
  const rows = recommendations.map((rec) => [
    rec.referenceId ?? rec.id,
    rec.title,
    rec.text,
    rec.section,
    statusMeta[rec.status].label,
    rec.tags.join(", "),
    rec.owners.map(person).join(", "),
    isoDate(rec.dueDate),
    rec.targetActor,
    rec.priority,
    rec.requiresLegislation === null ? "" : rec.requiresLegislation ? "yes" : "no",
    rec.sourcePassage,
    rec.sourceStart,
    rec.sourceEnd,
    rec.statusHistory.at(-1)?.justification ?? "",
    rec.statusHistory
      .map(
        (h) =>
          `${h.at.toISOString().slice(0, 10)}: ${label(h.from) || "—"} → ${label(h.to)}${(canSeeEmails ? h.by : h.byName) ? ` (${canSeeEmails ? h.by : h.byName})` : ""}${h.justification ? `: ${h.justification}` : ""}`,
      )
      .join("\n"),
    rec.evidence
      .map(
        (e) =>
          `${e.title} <${e.url}> [${evidenceStanceLabels[e.stance]}, ${evidenceSourceLabels[e.sourceType]}${e.publishedAt ? `, ${isoDate(e.publishedAt)}` : ""}]`,
      )
      .join("\n"),
    rec.createdAt.toISOString(),
    rec.updatedAt.toISOString(),
    ...attributeKeys.map((key) => {
      const value = rec.attributes[key];
      return value === undefined || value === null ? "" : String(value);
    }),
  ]);
  return {
    fileName: fileNameFor(tracker.name, "csv"),
    csv: toCsv([...fixed, ...attributeKeys.map(attributeHeader)], rows),
  };
}

export function fileNameFor(name: string, extension: string) {
  const base =
    name
      .normalize("NFKD")
      .replace(/[^\w\s-]/g, "")
      .trim()
      .replace(/\s+/g, "-")
      .toLowerCase()
      .slice(0, 60) || "tracker";
  return `${base}-${new Date().toISOString().slice(0, 10)}.${extension}`;
}

/** The printable report: progress per section and, for each recommendation, what a reader needs. */
export async function getTrackerReport(workspaceId: string, trackerId: string) {
  const data = await loadTracker(workspaceId, trackerId);
  if (!data) return null;
  const sections = data.tracker.sections.map((section) => {
    const recs = data.recommendations.filter((r) => r.sectionId === section.id);
    const counts = emptyCounts();
    for (const rec of recs) counts[rec.status] += 1;
    return {
      id: section.id,
      title: section.title,
      progress: progressFrom(counts),
      recommendations: recs.map((rec) => ({
        id: rec.id,
        title: rec.title,
        status: rec.status,
        referenceId: rec.referenceId,
        owners: rec.owners.map((o) => o.name),
        targetActor: rec.targetActor,
        dueDate: rec.dueDate,
        latest: [...rec.statusHistory].reverse().find((h) => h.justification) ?? null,
        evidence: [...rec.evidence]
          .sort((a, b) => Number(b.stance !== "CONTEXT") - Number(a.stance !== "CONTEXT"))
          .slice(0, 3),
        evidenceCount: rec.evidence.length,
      })),
    };
  });
  const counts = emptyCounts();
  for (const rec of data.recommendations) counts[rec.status] += 1;
  return {
    tracker: { id: data.tracker.id, name: data.tracker.name, description: data.tracker.description },
    document: data.tracker.document,
    progress: progressFrom(counts),
    sections,
  };
}
