import { beforeAll, describe, expect, it } from "vitest";
import { actAs } from "../support/session";
import { newWorkspaceWithTracker, type World } from "../support/fixtures";
import { db } from "@/lib/server/db";
import { DalError } from "@/lib/server/errors";
import {
  createActionItem,
  deleteActionItem,
  setActionItemDone,
  updateActionItem,
} from "@/lib/action-items/mutations";
import { addComment, deleteComment, editComment } from "@/lib/comments/mutations";
import { addEvidence, deleteEvidence, updateEvidence } from "@/lib/evidence/mutations";
import {
  addOwner,
  createRecommendation,
  deleteRecommendation,
  moveRecommendation,
  removeOwner,
  setRecommendationArchived,
  setRecommendationStatus,
  updateRecommendationField,
} from "@/lib/recommendations/mutations";
import { createSection, moveSection, setSectionArchived, updateSection } from "@/lib/sections/mutations";
import { createTracker } from "@/lib/trackers/mutations";
import { removeMember } from "@/lib/members/mutations";
import { listRecommendationsPage } from "@/lib/trackers/queries";
import { getMyWork } from "@/lib/my-work/queries";
import { parseTrackerFilters } from "@/lib/trackers/filters";
import { CreateEvidenceSchema } from "@/lib/evidence/schemas";
import { SetStatusSchema, UpdateFieldSchema } from "@/lib/recommendations/schemas";

let a: World;
let b: World;

beforeAll(async () => {
  a = await newWorkspaceWithTracker("alpha");
  b = await newWorkspaceWithTracker("beta");
});

async function expectDalError(promise: Promise<unknown>, code: DalError["code"]) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, `expected ${code}`).toBeInstanceOf(DalError);
  expect((error as DalError).code).toBe(code);
  return error as DalError;
}

const events = (recommendationId: string, type: string) =>
  db.activityEvent.count({ where: { recommendationId, type } });
const version = async (id: string) => (await db.recommendation.findUniqueOrThrow({ where: { id } })).version;
const evidenceInput = (url: string) => ({
  url,
  title: "Proclamation 10141",
  sourceType: "EXECUTIVE_ACTION" as const,
  publishedAt: null,
  stance: "PROGRESS" as const,
  quote: null,
});

describe("recommendation fields", () => {
  it("updates a field, bumps the version and writes one event", async () => {
    actAs(a.editor);
    const v = await version(a.rec.id);
    await updateRecommendationField({
      workspaceSlug: a.workspace.slug,
      recommendationId: a.rec.id,
      version: v,
      field: "targetActor",
      value: "State Department",
    });
    const after = await db.recommendation.findUniqueOrThrow({ where: { id: a.rec.id } });
    expect(after.targetActor).toBe("State Department");
    expect(after.version).toBe(v + 1);
    expect(await events(a.rec.id, "recommendation.updated")).toBe(1);
  });

  it("refuses a stale version with the current value, and changes nothing", async () => {
    actAs(a.editor);
    const v = await version(a.rec.id);
    await updateRecommendationField({
      workspaceSlug: a.workspace.slug,
      recommendationId: a.rec.id,
      version: v,
      field: "title",
      value: "First writer wins",
    });
    const error = await expectDalError(
      updateRecommendationField({
        workspaceSlug: a.workspace.slug,
        recommendationId: a.rec.id,
        version: v,
        field: "title",
        value: "Second writer",
      }),
      "CONFLICT",
    );
    expect(error.conflict).toMatchObject({
      field: "title",
      currentValue: "First writer wins",
      currentVersion: v + 1,
    });
    expect((await db.recommendation.findUniqueOrThrow({ where: { id: a.rec.id } })).title).toBe(
      "First writer wins",
    );
    // Re-applying on top of the current version works.
    await updateRecommendationField({
      workspaceSlug: a.workspace.slug,
      recommendationId: a.rec.id,
      version: v + 1,
      field: "title",
      value: "Second writer",
    });
    expect((await db.recommendation.findUniqueOrThrow({ where: { id: a.rec.id } })).title).toBe(
      "Second writer",
    );
  });

  it("treats an id from another workspace as missing", async () => {
    actAs(a.editor);
    await expectDalError(
      updateRecommendationField({
        workspaceSlug: a.workspace.slug,
        recommendationId: b.rec.id,
        version: 1,
        field: "title",
        value: "Hijack",
      }),
      "NOT_FOUND",
    );
    await expectDalError(
      updateRecommendationField({
        workspaceSlug: a.workspace.slug,
        recommendationId: a.rec.id,
        version: await version(a.rec.id),
        field: "sectionId",
        value: b.sectionA.id,
      }),
      "NOT_FOUND",
    );
    expect((await db.recommendation.findUniqueOrThrow({ where: { id: b.rec.id } })).title).toBe(
      "Rejoin the Council",
    );
  });

  it("refuses viewers and invalid input", async () => {
    actAs(a.viewer);
    await expectDalError(
      updateRecommendationField({
        workspaceSlug: a.workspace.slug,
        recommendationId: a.rec.id,
        version: await version(a.rec.id),
        field: "title",
        value: "Viewer edit",
      }),
      "FORBIDDEN",
    );
    expect(
      UpdateFieldSchema.safeParse({
        workspaceSlug: "x",
        recommendationId: "r",
        version: "1",
        field: "title",
        value: "",
      }).success,
    ).toBe(false);
    expect(
      UpdateFieldSchema.safeParse({
        workspaceSlug: "x",
        recommendationId: "r",
        version: "1",
        field: "dueDate",
        value: "31/12/2026",
      }).success,
    ).toBe(false);
    expect(
      UpdateFieldSchema.safeParse({
        workspaceSlug: "x",
        recommendationId: "r",
        version: "1",
        field: "workspaceId",
        value: "w",
      }).success,
    ).toBe(false);
  });

  it("sets tags and moves to another section of the same tracker", async () => {
    actAs(a.editor);
    await updateRecommendationField({
      workspaceSlug: a.workspace.slug,
      recommendationId: a.second.id,
      version: await version(a.second.id),
      field: "tags",
      value: ["treaties", "un"],
    });
    await updateRecommendationField({
      workspaceSlug: a.workspace.slug,
      recommendationId: a.second.id,
      version: await version(a.second.id),
      field: "sectionId",
      value: a.sectionB.id,
    });
    const after = await db.recommendation.findUniqueOrThrow({
      where: { id: a.second.id },
      include: { tags: { include: { tag: true } } },
    });
    expect(after.sectionId).toBe(a.sectionB.id);
    expect(after.tags.map((t) => t.tag.name).sort()).toEqual(["treaties", "un"]);
  });
});

describe("status", () => {
  it("changes the status with a justification and cited evidence, in the history", async () => {
    actAs(a.editor);
    await addEvidence(
      a.workspace.slug,
      a.rec.id,
      evidenceInput("https://www.federalregister.gov/d/2021-01749"),
    );
    const evidence = await db.evidence.findFirstOrThrow({ where: { recommendationId: a.rec.id } });
    await setRecommendationStatus({
      workspaceSlug: a.workspace.slug,
      recommendationId: a.rec.id,
      version: await version(a.rec.id),
      status: "ACHIEVED",
      justification: "Proclamation 10141 revoked it.",
      evidenceIds: [evidence.id],
    });
    const event = await db.activityEvent.findFirstOrThrow({
      where: { recommendationId: a.rec.id, type: "recommendation.status_changed" },
    });
    expect(event.data).toMatchObject({
      from: "NOT_STARTED",
      to: "ACHIEVED",
      justification: "Proclamation 10141 revoked it.",
      evidence: [{ id: evidence.id }],
    });
    expect(event.actorId).toBe(a.editor.id);
  });

  it("refuses citing evidence of another recommendation or workspace, and a stale version", async () => {
    actAs(b.editor);
    await addEvidence(b.workspace.slug, b.rec.id, evidenceInput("https://example.org/b"));
    const foreign = await db.evidence.findFirstOrThrow({ where: { recommendationId: b.rec.id } });
    actAs(a.editor);
    await expectDalError(
      setRecommendationStatus({
        workspaceSlug: a.workspace.slug,
        recommendationId: a.second.id,
        version: await version(a.second.id),
        status: "STALLED",
        justification: "x y z",
        evidenceIds: [foreign.id],
      }),
      "INVALID",
    );
    await expectDalError(
      setRecommendationStatus({
        workspaceSlug: a.workspace.slug,
        recommendationId: a.second.id,
        version: 0,
        status: "STALLED",
        justification: "stale one",
        evidenceIds: [],
      }),
      "CONFLICT",
    );
    await expectDalError(
      setRecommendationStatus({
        workspaceSlug: a.workspace.slug,
        recommendationId: b.rec.id,
        version: 1,
        status: "STALLED",
        justification: "cross",
        evidenceIds: [],
      }),
      "NOT_FOUND",
    );
    expect((await db.recommendation.findUniqueOrThrow({ where: { id: a.second.id } })).status).toBe(
      "NOT_STARTED",
    );
    expect(
      SetStatusSchema.safeParse({
        workspaceSlug: "x",
        recommendationId: "r",
        version: "1",
        status: "ACHIEVED",
        justification: "",
      }).success,
    ).toBe(false);
  });

  it("lets exactly one of twenty concurrent stale edits win", async () => {
    actAs(a.editor);
    const v = await version(a.second.id);
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        updateRecommendationField({
          workspaceSlug: a.workspace.slug,
          recommendationId: a.second.id,
          version: v,
          field: "title",
          value: `Writer ${i}`,
        }),
      ),
    );
    const wins = results.filter((r) => r.status === "fulfilled").length;
    const conflicts = results.filter(
      (r) => r.status === "rejected" && (r.reason as DalError).code === "CONFLICT",
    ).length;
    console.log(
      `concurrent stale edits: ${wins} won, ${conflicts} conflicts, lost updates = ${20 - wins - conflicts}`,
    );
    expect(wins).toBe(1);
    expect(conflicts).toBe(19);
    expect(await version(a.second.id)).toBe(v + 1);
  });
});

describe("owners", () => {
  it("assigns members only, unassigns, and keeps history after removal from the workspace", async () => {
    actAs(a.editor);
    await addOwner(a.workspace.slug, a.rec.id, a.viewer.id);
    await expectDalError(addOwner(a.workspace.slug, a.rec.id, b.editor.id), "INVALID");
    await expectDalError(addOwner(a.workspace.slug, b.rec.id, a.viewer.id), "NOT_FOUND");
    expect(await db.recommendationOwner.count({ where: { recommendationId: a.rec.id } })).toBe(1);

    const mine = await getMyWork(a.workspace.id, a.viewer.id);
    expect(mine.recommendations.map((r) => r.id)).toContain(a.rec.id);

    actAs(a.owner);
    const membership = await db.membership.findFirstOrThrow({
      where: { workspaceId: a.workspace.id, userId: a.viewer.id },
    });
    await removeMember(a.workspace.slug, membership.id);
    expect(
      await db.recommendationOwner.count({ where: { recommendationId: a.rec.id, userId: a.viewer.id } }),
    ).toBe(0);
    const assigned = await db.activityEvent.findFirstOrThrow({
      where: { recommendationId: a.rec.id, type: "recommendation.owner_added" },
    });
    expect(assigned.data).toMatchObject({ name: a.viewer.name });
    await expectDalError(removeOwner(a.workspace.slug, a.rec.id, a.viewer.id), "NOT_FOUND");
  });
});

describe("actions, comments and evidence", () => {
  it("creates, edits, completes and deletes an action, scoped and versioned", async () => {
    actAs(a.editor);
    await createActionItem({
      workspaceSlug: a.workspace.slug,
      recommendationId: a.rec.id,
      title: "Request a meeting",
      ownerId: a.editor.id,
      dueDate: new Date("2020-01-01"),
    });
    const item = await db.actionItem.findFirstOrThrow({ where: { recommendationId: a.rec.id } });
    await expectDalError(
      createActionItem({
        workspaceSlug: a.workspace.slug,
        recommendationId: a.rec.id,
        title: "Outsider owns",
        ownerId: b.editor.id,
        dueDate: null,
      }),
      "INVALID",
    );
    await updateActionItem({
      workspaceSlug: a.workspace.slug,
      actionId: item.id,
      version: item.version,
      title: "Request a meeting with DRL",
      ownerId: null,
      dueDate: null,
    });
    await expectDalError(
      updateActionItem({
        workspaceSlug: a.workspace.slug,
        actionId: item.id,
        version: item.version,
        title: "stale",
        ownerId: null,
        dueDate: null,
      }),
      "CONFLICT",
    );
    await setActionItemDone(a.workspace.slug, item.id, true);
    actAs(b.editor);
    await expectDalError(setActionItemDone(b.workspace.slug, item.id, false), "NOT_FOUND");
    await expectDalError(deleteActionItem(b.workspace.slug, item.id), "NOT_FOUND");
    actAs(a.editor);
    await deleteActionItem(a.workspace.slug, item.id);
    expect(await events(a.rec.id, "action.created")).toBe(1);
    expect(await events(a.rec.id, "action.completed")).toBe(1);
    expect(await events(a.rec.id, "action.deleted")).toBe(1);
  });

  it("lets authors edit their comments, admins delete any, and nobody else", async () => {
    actAs(a.editor);
    await addComment(a.workspace.slug, a.rec.id, `Thanks @${a.owner.name}!`);
    const comment = await db.comment.findFirstOrThrow({ where: { recommendationId: a.rec.id } });
    const added = await db.activityEvent.findFirstOrThrow({
      where: { recommendationId: a.rec.id, type: "comment.added" },
    });
    expect(added.data).toMatchObject({ mentions: [{ userId: a.owner.id }] });
    await editComment(a.workspace.slug, comment.id, "Edited text");
    expect((await db.comment.findUniqueOrThrow({ where: { id: comment.id } })).editedAt).not.toBeNull();
    actAs(a.owner);
    await expectDalError(editComment(a.workspace.slug, comment.id, "Owner rewrites"), "FORBIDDEN");
    actAs(b.owner);
    await expectDalError(deleteComment(b.workspace.slug, comment.id), "NOT_FOUND");
    actAs(a.owner);
    await deleteComment(a.workspace.slug, comment.id);
    expect((await db.comment.findUniqueOrThrow({ where: { id: comment.id } })).deletedAt).not.toBeNull();
  });

  it("flags a duplicate link, refuses non-http schemes, and versions edits", async () => {
    actAs(a.editor);
    await addEvidence(a.workspace.slug, a.second.id, evidenceInput("https://www.un.org/en/page"));
    const dup = await expectDalError(
      addEvidence(a.workspace.slug, a.second.id, evidenceInput("http://un.org/en/page/")),
      "CONFLICT",
    );
    expect(dup.fieldErrors?.url?.[0]).toBe("evidence.errors.duplicate");
    for (const url of [
      "javascript:alert(1)",
      "data:text/html,x",
      " JAVASCRIPT:alert(1)",
      "vbscript:x",
      "file:///etc/passwd",
    ]) {
      expect(
        CreateEvidenceSchema.safeParse({
          workspaceSlug: "w",
          recommendationId: "r",
          url,
          title: "t t",
          sourceType: "NEWS",
          stance: "CONTEXT",
        }).success,
        url,
      ).toBe(false);
    }
    const evidence = await db.evidence.findFirstOrThrow({ where: { recommendationId: a.second.id } });
    await updateEvidence(a.workspace.slug, evidence.id, evidence.version, {
      ...evidenceInput("https://www.un.org/en/page"),
      title: "UN page",
    });
    await expectDalError(
      updateEvidence(
        a.workspace.slug,
        evidence.id,
        evidence.version,
        evidenceInput("https://www.un.org/en/page"),
      ),
      "CONFLICT",
    );
    actAs(b.editor);
    await expectDalError(deleteEvidence(b.workspace.slug, evidence.id), "NOT_FOUND");
    actAs(a.editor);
    await deleteEvidence(a.workspace.slug, evidence.id);
    expect(await db.evidence.count({ where: { id: evidence.id } })).toBe(0);
  });
});

describe("structure", () => {
  it("creates trackers (admins), sections and recommendations, reorders, archives, restores and deletes (owners)", async () => {
    actAs(a.editor);
    await expectDalError(
      createTracker({ workspaceSlug: a.workspace.slug, name: "No", description: null, sections: ["A"] }),
      "FORBIDDEN",
    );
    actAs(a.owner);
    await createTracker({
      workspaceSlug: a.workspace.slug,
      name: "UPR 2025",
      description: null,
      sections: ["Civil rights", "Migration"],
    });
    actAs(a.editor);
    await createSection({
      workspaceSlug: a.workspace.slug,
      trackerId: a.tracker.id,
      title: "Section C",
      description: null,
    });
    await expectDalError(
      createSection({
        workspaceSlug: a.workspace.slug,
        trackerId: b.tracker.id,
        title: "Cross",
        description: null,
      }),
      "NOT_FOUND",
    );
    const c = await db.section.findFirstOrThrow({ where: { trackerId: a.tracker.id, title: "Section C" } });
    await updateSection({
      workspaceSlug: a.workspace.slug,
      sectionId: c.id,
      version: c.version,
      title: "Section C2",
      description: null,
    });
    await expectDalError(
      updateSection({
        workspaceSlug: a.workspace.slug,
        sectionId: c.id,
        version: c.version,
        title: "stale",
        description: null,
      }),
      "CONFLICT",
    );
    await moveSection(a.workspace.slug, c.id, "up");
    expect((await db.section.findUniqueOrThrow({ where: { id: c.id } })).position).toBe(1);
    await setSectionArchived(a.workspace.slug, c.id, true);
    await setSectionArchived(a.workspace.slug, c.id, false);

    await createRecommendation({
      workspaceSlug: a.workspace.slug,
      trackerId: a.tracker.id,
      sectionId: a.sectionA.id,
      title: "Third one",
      text: "Text",
    });
    await expectDalError(
      createRecommendation({
        workspaceSlug: a.workspace.slug,
        trackerId: a.tracker.id,
        sectionId: b.sectionA.id,
        title: "Cross",
        text: "Text",
      }),
      "NOT_FOUND",
    );
    const third = await db.recommendation.findFirstOrThrow({ where: { title: "Third one" } });
    await moveRecommendation(a.workspace.slug, third.id, "up");
    await setRecommendationArchived(a.workspace.slug, third.id, true);
    const page = await listRecommendationsPage(
      a.workspace.id,
      a.tracker.id,
      a.editor.id,
      parseTrackerFilters({}),
    );
    expect(page.rows.map((r) => r.id)).not.toContain(third.id);
    const archived = await listRecommendationsPage(
      a.workspace.id,
      a.tracker.id,
      a.editor.id,
      parseTrackerFilters({ archived: "1" }),
    );
    expect(archived.rows.map((r) => r.id)).toEqual([third.id]);
    await setRecommendationArchived(a.workspace.slug, third.id, false);

    await expectDalError(deleteRecommendation(a.workspace.slug, third.id), "FORBIDDEN");
    actAs(a.owner);
    await deleteRecommendation(a.workspace.slug, third.id);
    expect(await db.recommendation.count({ where: { id: third.id } })).toBe(0);
    expect(
      await db.activityEvent.count({
        where: { workspaceId: a.workspace.id, type: "recommendation.deleted" },
      }),
    ).toBe(1);
  });
});

describe("filters", () => {
  it("filters by text, status, owner, evidence and overdue, never across workspaces", async () => {
    actAs(a.editor);
    const list = (params: Record<string, string>) =>
      listRecommendationsPage(a.workspace.id, a.tracker.id, a.editor.id, parseTrackerFilters(params));
    expect((await list({ q: "detention facility" })).rows.map((r) => r.id)).toEqual([a.second.id]);
    // LIKE wildcards in a search are text, not patterns: "%" and "_" match only themselves.
    expect((await list({ q: "%" })).total).toBe(0);
    expect((await list({ q: "_" })).total).toBe(0);
    expect((await list({ q: "Rejoin%Council" })).total).toBe(0);
    expect((await list({ status: "ACHIEVED" })).rows.map((r) => r.id)).toEqual([a.rec.id]);
    expect((await list({ evidence: "with" })).rows.map((r) => r.id)).toEqual([a.rec.id]);
    expect((await list({ owner: "unassigned" })).total).toBeGreaterThanOrEqual(1);
    await updateRecommendationField({
      workspaceSlug: a.workspace.slug,
      recommendationId: a.second.id,
      version: await version(a.second.id),
      field: "dueDate",
      value: new Date("2021-01-01"),
    });
    expect((await list({ overdue: "1" })).rows.map((r) => r.id)).toEqual([a.second.id]);
    const other = await listRecommendationsPage(
      b.workspace.id,
      b.tracker.id,
      b.editor.id,
      parseTrackerFilters({ q: "detention" }),
    );
    expect(other.rows.every((r) => r.id !== a.second.id)).toBe(true);
    // A tracker id of another workspace yields nothing.
    expect(
      (await listRecommendationsPage(a.workspace.id, b.tracker.id, a.editor.id, parseTrackerFilters({})))
        .total,
    ).toBe(0);
  });
});
