import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actAs } from "../support/session";
import { newWorkspaceWithTracker } from "../support/fixtures";
import { db } from "@/lib/server/db";
import { requireMembership } from "@/lib/server/authz";
import { startWorkers, stopJobs } from "@/lib/server/jobs";
import { importJobStatus, uploadImportFile } from "@/lib/import/handlers";
import { previewImport, startImportJob, type StagedImport } from "@/lib/import/mutations";
import { getImportJob, type ImportJobView } from "@/lib/import/queries";
import { importQueue, runImportJob, sweepImportJobs } from "@/lib/import/worker";
import { uploadDocument } from "@/lib/documents/handlers";
import { createTrackerFromDocument, type DocumentProposal } from "@/lib/documents/mutations";
import { MAX_UPLOADS_PER_USER } from "@/lib/uploads/rules";

type World = Awaited<ReturnType<typeof newWorkspaceWithTracker>>;
let a: World;
let b: World;

const MAPPING = { Reference: "referenceId", Text: "text", Section: "section" } as const;

function csv(rows: number, prefix = "J") {
  const lines = ["Reference,Text,Section"];
  for (let i = 0; i < rows; i++)
    lines.push(`${prefix}-${i},"Recommendation ${i}, imported",Section ${i % 3}`);
  return lines.join("\n");
}

function uploadRequest(w: World, body: BodyInit, name = "rows.csv", headers: Record<string, string> = {}) {
  return new Request(
    `http://localhost/api/w/${w.workspace.slug}/t/${w.tracker.id}/import-uploads?name=${encodeURIComponent(name)}`,
    {
      method: "POST",
      body,
      headers: { "Content-Type": "text/csv", ...headers },
      duplex: "half",
    } as RequestInit,
  );
}

async function upload(w: World, body: BodyInit, name?: string) {
  const response = await uploadImportFile(uploadRequest(w, body, name), w.workspace.slug, w.tracker.id);
  return { status: response.status, body: (await response.json()) as StagedImport & { error?: string } };
}

async function waitFor<T>(
  read: () => Promise<T>,
  isDone: (value: T) => boolean,
  timeoutMs = 60_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (isDone(value)) return value;
    if (Date.now() > deadline) throw new Error(`Timed out; last value ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

beforeAll(async () => {
  a = await newWorkspaceWithTracker("jobs-a");
  b = await newWorkspaceWithTracker("jobs-b");
});

afterAll(async () => {
  await stopJobs();
});

describe("import uploads (route handler)", () => {
  it("stores the file in PostgreSQL and answers with its columns and a suggested mapping", async () => {
    actAs(a.editor);
    const { status, body } = await upload(a, csv(3));
    expect(status).toBe(201);
    expect(body).toMatchObject({
      fileName: "rows.csv",
      rowCount: 3,
      headers: ["Reference", "Text", "Section"],
    });
    expect(body.mapping.Text).toBe("text");
    const stored = await db.upload.findUniqueOrThrow({ where: { id: body.uploadId } });
    expect(stored).toMatchObject({ kind: "IMPORT", userId: a.editor.id, trackerId: a.tracker.id });
    expect(Buffer.from(stored.bytes).toString("utf8")).toBe(csv(3));
    expect(stored.expiresAt.getTime()).toBeGreaterThan(Date.now());
  });

  it("answers 401, 403, 404, 415, 413 and 400 as JSON, before storing anything", async () => {
    const count = () => db.upload.count();
    const before = await count();
    actAs(null);
    expect((await upload(a, csv(1))).status).toBe(401);
    actAs(a.viewer);
    expect((await upload(a, csv(1))).status).toBe(403);
    actAs(b.editor);
    expect((await upload(a, csv(1))).status).toBe(404);
    actAs(a.editor);
    const foreignTracker = await uploadImportFile(uploadRequest(a, csv(1)), a.workspace.slug, b.tracker.id);
    expect(foreignTracker.status).toBe(404);
    const sheet = await upload(a, "x", "sheet.xlsx");
    expect(sheet).toMatchObject({
      status: 415,
      body: { error: expect.stringMatching(/save the sheet as CSV/) },
    });
    const declared = await uploadImportFile(
      uploadRequest(a, "Text\nx\n", "big.csv", { "Content-Length": String(60 * 1024 * 1024) }),
      a.workspace.slug,
      a.tracker.id,
    );
    expect(declared.status).toBe(413);
    expect(((await declared.json()) as { error: string }).error).toMatch(/larger than 50 MB/);
    const crossSite = await uploadImportFile(
      uploadRequest(a, csv(1), "rows.csv", { Origin: "http://evil.example", Host: "localhost" }),
      a.workspace.slug,
      a.tracker.id,
    );
    expect(crossSite.status).toBe(403);
    const empty = await upload(a, "", "empty.csv");
    expect(empty).toMatchObject({ status: 400, body: { error: "This file is empty." } });
    expect(await count()).toBe(before);
  });

  it("stops reading a body without Content-Length as soon as it passes the cap", async () => {
    actAs(a.editor);
    const chunk = new TextEncoder().encode(`${"x".repeat(1024 * 1024 - 1)}\n`);
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        if (pulled > 200) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const response = await uploadImportFile(
      uploadRequest(a, body, "endless.csv"),
      a.workspace.slug,
      a.tracker.id,
    );
    expect(response.status).toBe(413);
    expect(pulled).toBeLessThanOrEqual(53); // 50 MB of 1 MB chunks, plus the one over the cap (and read-ahead)
  });

  it("keeps at most N uploads per person (the oldest go) and refuses beyond what running imports hold", async () => {
    const w = await newWorkspaceWithTracker("quota");
    actAs(w.editor);
    const ids: string[] = [];
    for (let i = 0; i < MAX_UPLOADS_PER_USER + 2; i++)
      ids.push((await upload(w, csv(1, `Q${i}`))).body.uploadId);
    const kept = await db.upload.findMany({ where: { userId: w.editor.id }, select: { id: true } });
    expect(kept.map((u) => u.id).sort()).toEqual(ids.slice(-MAX_UPLOADS_PER_USER).sort());
    // Every kept upload feeds an unfinished import: none may be deleted, so one more is refused.
    for (const { id } of kept) {
      await db.importJob.create({
        data: {
          workspaceId: w.workspace.id,
          trackerId: w.tracker.id,
          userId: w.editor.id,
          uploadId: id,
          fileName: "q.csv",
          mapping: {},
          defaultSection: "Imported",
          heartbeatAt: new Date(),
        },
      });
    }
    const refused = await upload(w, csv(1));
    expect(refused.status).toBe(429);
    expect(refused.body.error).toMatch(/too many uploads in progress/);
    await db.importJob.deleteMany({ where: { trackerId: w.tracker.id } });
  });
});

describe("import jobs", () => {
  it("runs on a pg-boss worker: progress on the row, one transaction, the upload deleted with the DONE state", async () => {
    actAs(a.editor);
    const tracker = await db.tracker.create({ data: { workspaceId: a.workspace.id, name: "Job target" } });
    const staged = (await uploadImportFile(uploadRequest(a, csv(2500)), a.workspace.slug, tracker.id)).json();
    const { uploadId } = (await staged) as StagedImport;
    const preview = await previewImport({
      workspaceSlug: a.workspace.slug,
      trackerId: tracker.id,
      uploadId,
      mapping: MAPPING,
    });
    expect(preview).toMatchObject({ total: 2500, validCount: 2500, rejectedCount: 0 });
    const { jobId } = await startImportJob({
      workspaceSlug: a.workspace.slug,
      trackerId: tracker.id,
      uploadId,
      mapping: MAPPING,
      isStrict: false,
      defaultSection: "Imported",
    });
    // A second import into the same tracker waits for the first one.
    await expect(
      startImportJob({
        workspaceSlug: a.workspace.slug,
        trackerId: tracker.id,
        uploadId,
        mapping: MAPPING,
        isStrict: false,
        defaultSection: "Imported",
      }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    // Workers start after the job was queued (as on an instance that just came up): it waits in PostgreSQL.
    await startWorkers([importQueue]);
    const ctx = await requireMembership(a.workspace.slug, "tracker.import");
    const done = await waitFor(
      () => getImportJob(ctx, jobId),
      (job) => job.state === "done" || job.state === "failed",
    );
    expect(done).toMatchObject({ state: "done", processed: 2500, total: 2500, attempts: 1 });
    expect(done.result).toMatchObject({
      created: 2500,
      updated: 0,
      rejectedCount: 0,
      isStrictFailure: false,
    });
    expect(await db.recommendation.count({ where: { trackerId: tracker.id } })).toBe(2500);
    expect(await db.activityEvent.count({ where: { trackerId: tracker.id, type: "tracker.imported" } })).toBe(
      1,
    );
    expect(await db.upload.count({ where: { id: uploadId } })).toBe(0);

    // Read through the GET route handler: the caller's own job only.
    const response = await importJobStatus(a.workspace.slug, jobId);
    expect(response.status).toBe(200);
    expect(((await response.json()) as ImportJobView).result?.created).toBe(2500);
    actAs(a.owner); // same workspace, someone else's job
    expect((await importJobStatus(a.workspace.slug, jobId)).status).toBe(404);
    actAs(b.editor); // another workspace
    expect((await importJobStatus(b.workspace.slug, jobId)).status).toBe(404);
    expect((await importJobStatus(a.workspace.slug, jobId)).status).toBe(404);
    await stopJobs();

    // A retried or duplicate delivery of the finished job changes nothing.
    expect(await runImportJob(jobId)).toBe("skipped");
    expect(await db.recommendation.count({ where: { trackerId: tracker.id } })).toBe(2500);
  });

  it("resumes an import whose worker died (stale heartbeat), exactly once", async () => {
    actAs(a.editor);
    const tracker = await db.tracker.create({ data: { workspaceId: a.workspace.id, name: "Resumed" } });
    const { body } = await upload({ ...a, tracker }, csv(50, "R"));
    const { jobId } = await startImportJob({
      workspaceSlug: a.workspace.slug,
      trackerId: tracker.id,
      uploadId: body.uploadId,
      mapping: MAPPING,
      isStrict: false,
      defaultSection: "Imported",
    });
    // A worker claimed it, wrote progress, then its process was killed: its transaction rolled back and
    // its heartbeat stopped.
    await db.$executeRaw`UPDATE "ImportJob" SET "state" = 'RUNNING', "attempts" = 1, "processed" = 20,
      "heartbeatAt" = now() - interval '2 hours' WHERE "id" = ${jobId}`;
    // While the heartbeat is fresh nobody else may take it; once stale, the sweeper puts it back.
    expect(await sweepImportJobs()).toContain(jobId);
    expect(await db.importJob.findUniqueOrThrow({ where: { id: jobId } })).toMatchObject({ state: "QUEUED" });
    expect(await runImportJob(jobId)).toBe("done");
    expect(await runImportJob(jobId)).toBe("skipped");
    const job = await db.importJob.findUniqueOrThrow({ where: { id: jobId } });
    expect(job).toMatchObject({ state: "DONE", attempts: 2, created: 50, processed: 50 });
    expect(await db.recommendation.count({ where: { trackerId: tracker.id } })).toBe(50);
    expect(await db.activityEvent.count({ where: { trackerId: tracker.id, type: "tracker.imported" } })).toBe(
      1,
    );
  });

  it("a running job with a fresh heartbeat is not taken over", async () => {
    actAs(a.editor);
    const tracker = await db.tracker.create({ data: { workspaceId: a.workspace.id, name: "Busy" } });
    const { body } = await upload({ ...a, tracker }, csv(5, "B"));
    const { jobId } = await startImportJob({
      workspaceSlug: a.workspace.slug,
      trackerId: tracker.id,
      uploadId: body.uploadId,
      mapping: MAPPING,
      isStrict: false,
      defaultSection: "Imported",
    });
    await db.$executeRaw`UPDATE "ImportJob" SET "state" = 'RUNNING', "attempts" = 1, "heartbeatAt" = now()
      WHERE "id" = ${jobId}`;
    expect(await sweepImportJobs()).not.toContain(jobId);
    expect(await runImportJob(jobId)).toBe("skipped");
    expect(await db.recommendation.count({ where: { trackerId: tracker.id } })).toBe(0);
  });

  it("fails with a clear message when the importer lost the permission meanwhile", async () => {
    const w = await newWorkspaceWithTracker("demoted");
    actAs(w.editor);
    const { body } = await upload(w, csv(3, "D"));
    const { jobId } = await startImportJob({
      workspaceSlug: w.workspace.slug,
      trackerId: w.tracker.id,
      uploadId: body.uploadId,
      mapping: MAPPING,
      isStrict: false,
      defaultSection: "Imported",
    });
    await db.membership.updateMany({
      where: { workspaceId: w.workspace.id, userId: w.editor.id },
      data: { role: "VIEWER" },
    });
    expect(await runImportJob(jobId)).toBe("failed");
    expect(await db.importJob.findUniqueOrThrow({ where: { id: jobId } })).toMatchObject({
      state: "FAILED",
      // stored as a key, translated when the job is read (lib/import/messages.ts)
      error: "import.jobErrors.noLongerAllowed",
    });
  });
});

describe("documents (route handler + create by upload id)", () => {
  const TEXT = "Detention\n\nThe government should close the detention facility at Guantánamo Bay.";

  async function analyze(w: World, body: string, query = "source=paste", type = "text/plain; charset=utf-8") {
    const response = await uploadDocument(
      new Request(`http://localhost/api/w/${w.workspace.slug}/document-uploads?${query}`, {
        method: "POST",
        body,
        headers: { "Content-Type": type },
      }),
      w.workspace.slug,
    );
    return {
      status: response.status,
      body: (await response.json()) as DocumentProposal & { error?: string },
    };
  }

  it("stores the pasted text and creates the tracker from the upload id; the upload is then gone", async () => {
    actAs(a.owner);
    const { status, body } = await analyze(a, TEXT);
    expect(status).toBe(201);
    expect(body.text).toBe(TEXT);
    expect(body.candidates).toHaveLength(1);
    const stored = await db.upload.findUniqueOrThrow({ where: { id: body.uploadId } });
    expect(stored).toMatchObject({ kind: "DOCUMENT", text: TEXT, fileName: null, trackerId: null });
    const c = body.candidates[0]!;
    const input = {
      name: "Blueprint",
      uploadId: body.uploadId,
      documentTitle: "Blueprint",
      sections: [{ title: "Detention" }],
      recommendations: [
        { title: "Close the camp", text: null, sourceStart: c.start, sourceEnd: c.end, sectionIndex: 0 },
      ],
    };
    // An admin of another workspace cannot use this upload.
    actAs(b.owner);
    await expect(createTrackerFromDocument(b.workspace.slug, input)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    actAs(a.owner);
    const { path } = await createTrackerFromDocument(a.workspace.slug, input);
    const trackerId = path.split("/").pop()!;
    const rec = await db.recommendation.findFirstOrThrow({ where: { trackerId } });
    expect(rec.sourcePassage).toBe(TEXT.slice(c.start, c.end));
    expect(rec.text).toBe("The government should close the detention facility at Guantánamo Bay.");
    const tracker = await db.tracker.findUniqueOrThrow({
      where: { id: trackerId },
      include: { document: true },
    });
    expect(tracker.document?.content).toBe(TEXT);
    expect(await db.upload.count({ where: { id: body.uploadId } })).toBe(0);
    await expect(createTrackerFromDocument(a.workspace.slug, input)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("refuses offsets outside the stored text, unsupported types (415) and editors (403)", async () => {
    actAs(a.owner);
    const { body } = await analyze(a, TEXT);
    await expect(
      createTrackerFromDocument(a.workspace.slug, {
        name: "Out of range",
        uploadId: body.uploadId,
        documentTitle: "X",
        sections: [{ title: "S" }],
        recommendations: [
          { title: "Too far", text: null, sourceStart: 10, sourceEnd: TEXT.length + 5, sectionIndex: 0 },
        ],
      }),
    ).rejects.toMatchObject({ code: "INVALID" });
    const legacy = await analyze(a, "old word", "name=notes.doc", "application/msword");
    expect(legacy).toMatchObject({
      status: 415,
      body: { error: expect.stringMatching(/old Word document/) },
    });
    actAs(a.editor);
    expect((await analyze(a, TEXT)).status).toBe(403);
  });
});
