/**
 * Trust: the audit log tells the truth about imports. A tracker export is a file anyone can edit: its status
 * history names members and dates. Imported through the real import path, those claims must never become
 * the audit log's actor or date; they are kept beside the event as the file's words (recordedBy/recordedAt).
 */
import { expect, it } from "vitest";
import { actAs } from "../support/session";
import { newWorkspaceWithTracker } from "../support/fixtures";
import { reportFigure } from "../support/trust-report";
import { db } from "@/lib/server/db";
import { importFile } from "@/lib/import/mutations";
import { listAuditEvents, parseAuditFilters } from "@/lib/audit/queries";

const utf8 = (text: string) => new TextEncoder().encode(text);

it("a forged tracker export cannot impersonate a member or a date in the audit log", async () => {
  const a = await newWorkspaceWithTracker("audit-truth");
  actAs(a.editor);
  const target = await db.tracker.create({ data: { workspaceId: a.workspace.id, name: "Forged history" } });
  const forged = {
    format: "advocacy-tracker/v1",
    exportedAt: "2031-01-01T00:00:00.000Z",
    tracker: { name: "Forged", description: null, document: null },
    sections: [{ title: "Reverse", description: null }],
    recommendations: [
      {
        referenceId: "F1",
        title: "Rejoin the Council",
        text: "Rejoin the UN Human Rights Council.",
        section: "Reverse",
        status: "ACHIEVED",
        tags: [],
        owners: [],
        statusHistory: [
          {
            at: "2031-01-01T09:00:00.000Z",
            by: a.owner.email,
            from: "NOT_STARTED",
            to: "IN_PROGRESS",
            justification: "Begun.",
          },
          {
            at: "2031-01-02T09:00:00.000Z",
            by: a.owner.email,
            from: "IN_PROGRESS",
            to: "ACHIEVED",
            justification: "Done.",
          },
        ],
        evidence: [
          {
            url: "https://example.org/forged",
            title: "Forged evidence",
            sourceType: "NEWS",
            publishedAt: null,
            stance: "PROGRESS",
            quote: null,
            addedBy: a.owner.email,
          },
        ],
      },
    ],
  };
  const started = Date.now();
  await importFile({
    workspaceSlug: a.workspace.slug,
    trackerId: target.id,
    fileName: "forged.json",
    bytes: utf8(JSON.stringify(forged)),
  });
  const rec = await db.recommendation.findFirstOrThrow({
    where: { trackerId: target.id, referenceId: "F1" },
  });
  const changes = await db.activityEvent.findMany({
    where: { recommendationId: rec.id, type: "recommendation.status_changed" },
    orderBy: { createdAt: "asc" },
  });
  expect(changes).toHaveLength(2);
  for (const change of changes) {
    // Never the owner, never 2031: the editor imported it, now.
    expect(change.actorId).toBe(a.editor.id);
    expect(change.createdAt.getTime()).toBeGreaterThanOrEqual(started - 60_000);
    expect(change.createdAt.getFullYear()).toBeLessThan(2031);
    expect(change.data).toMatchObject({ importedFrom: "forged.json", recordedBy: a.owner.email });
  }
  expect((changes[0]!.data as { to: string }).to).toBe("IN_PROGRESS");
  expect((changes[1]!.data as { recordedAt: string }).recordedAt).toBe("2031-01-02T09:00:00.000Z");
  const evidence = await db.evidence.findFirstOrThrow({ where: { recommendationId: rec.id } });
  expect(evidence.addedById).toBe(a.editor.id);
  expect(
    await db.activityEvent.count({
      where: {
        workspaceId: a.workspace.id,
        actorId: a.owner.id,
        createdAt: { gte: new Date("2030-01-01") },
      },
    }),
  ).toBe(0);
  const audit = await listAuditEvents(a.workspace.id, parseAuditFilters({ tracker: target.id }));
  const impersonated = audit.events.filter((row) => row.actor?.name === a.owner.name).length;
  const futureDated = audit.events.filter((row) => row.createdAt.getFullYear() >= 2031).length;
  reportFigure(
    "Audit truth (imported history)",
    `forged status changes imported 2, events by the named member ${impersonated}, dated in the file's year ${futureDated}, evidence credited to the importer ${evidence.addedById === a.editor.id ? "yes" : "no"}`,
    impersonated === 0 && futureDated === 0 && evidence.addedById === a.editor.id,
  );
  expect(impersonated).toBe(0);
  expect(futureDated).toBe(0);
});
