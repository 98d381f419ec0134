import { beforeAll, describe, expect, it } from "vitest";
import { actAs } from "../support/session";
import { newWorkspaceWithTracker, type World } from "../support/fixtures";
import { db } from "@/lib/server/db";
import { DalError } from "@/lib/server/errors";
import { createSnapshot } from "@/lib/snapshots/mutations";
import { getSnapshot, readLiveItems } from "@/lib/snapshots/queries";
import { compareItems } from "@/lib/snapshots/rules";
import {
  setRecommendationStatus,
  setRecommendationArchived,
  addOwner,
} from "@/lib/recommendations/mutations";
import { addEvidence, updateEvidence } from "@/lib/evidence/mutations";

let a: World;

const version = async (id: string) => (await db.recommendation.findUniqueOrThrow({ where: { id } })).version;

beforeAll(async () => {
  a = await newWorkspaceWithTracker("snap");
});

describe("snapshots", () => {
  it("freeze statuses, justifications, owners and public evidence; later changes do not alter them", async () => {
    actAs(a.owner);
    await addOwner(a.workspace.slug, a.rec.id, a.editor.id);
    await addEvidence(a.workspace.slug, a.rec.id, {
      url: "https://example.org/public",
      title: "Public statement",
      sourceType: "OFFICIAL_STATEMENT",
      publishedAt: null,
      stance: "PROGRESS",
      quote: null,
      isPublic: true,
    });
    await addEvidence(a.workspace.slug, a.rec.id, {
      url: "https://example.org/private",
      title: "Private memo",
      sourceType: "OTHER",
      publishedAt: null,
      stance: "CONTEXT",
      quote: null,
    });
    await setRecommendationStatus({
      workspaceSlug: a.workspace.slug,
      recommendationId: a.rec.id,
      version: await version(a.rec.id),
      status: "IN_PROGRESS",
      justification: "The bill was introduced.",
      isPublic: false,
      evidenceIds: [],
    });
    const { snapshotId } = await createSnapshot({
      workspaceSlug: a.workspace.slug,
      trackerId: a.tracker.id,
      name: "100-day report card",
      asOf: null,
    });
    const frozen = await getSnapshot(a.workspace.id, a.tracker.id, snapshotId);
    const item = frozen!.items.find((i) => i.recommendationId === a.rec.id)!;
    expect(item).toMatchObject({
      status: "IN_PROGRESS",
      justification: "The bill was introduced.",
      isJustificationInternal: true,
      ownerNames: [a.editor.name],
      sectionTitle: "Section A",
    });
    expect(item.evidence.map((e) => e.title)).toEqual(["Public statement"]);
    expect(
      await db.activityEvent.count({ where: { type: "snapshot.created", trackerId: a.tracker.id } }),
    ).toBe(1);

    // Everything changes afterwards…
    await setRecommendationStatus({
      workspaceSlug: a.workspace.slug,
      recommendationId: a.rec.id,
      version: await version(a.rec.id),
      status: "ACHIEVED",
      justification: "Signed into law.",
      evidenceIds: [],
    });
    const memo = await db.evidence.findFirstOrThrow({
      where: { recommendationId: a.rec.id, title: "Private memo" },
    });
    await updateEvidence(a.workspace.slug, memo.id, memo.version, {
      url: memo.url,
      title: "Now public",
      sourceType: "OTHER",
      publishedAt: null,
      stance: "PROGRESS",
      quote: null,
      isPublic: true,
    });
    await db.recommendation.update({ where: { id: a.second.id }, data: { title: "Renamed later" } });
    await setRecommendationArchived(a.workspace.slug, a.second.id, true);

    // …and the snapshot is exactly what it was.
    const again = await getSnapshot(a.workspace.id, a.tracker.id, snapshotId);
    expect(again!.items).toEqual(frozen!.items);
    expect(again!.items.map((i) => i.title).sort()).toEqual(["Close Guantánamo", "Rejoin the Council"]);

    // Compared with now: advanced, newly achieved, with the new public evidence; the archived one is gone.
    const diff = compareItems(again!.items, await readLiveItems(a.workspace.id, a.tracker.id));
    expect(diff.advanced.map((c) => [c.recommendationId, c.from, c.to])).toEqual([
      [a.rec.id, "IN_PROGRESS", "ACHIEVED"],
    ]);
    expect(diff.newlyAchieved).toHaveLength(1);
    expect(diff.advanced[0]!.newEvidence.map((e) => e.title)).toEqual(["Now public"]);
    expect(diff.removed.map((c) => c.recommendationId)).toEqual([a.second.id]);
  });

  it("takes a snapshot of a past date from the status history", async () => {
    const b = await newWorkspaceWithTracker("snap-past");
    actAs(b.owner);
    const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
    // Created in January 2021; in progress on 1 March, achieved on 1 June; the second created in July.
    await db.recommendation.update({
      where: { id: b.rec.id },
      data: { createdAt: day("2021-01-10"), status: "ACHIEVED" },
    });
    await db.recommendation.update({ where: { id: b.second.id }, data: { createdAt: day("2021-07-01") } });
    await db.activityEvent.createMany({
      data: [
        {
          workspaceId: b.workspace.id,
          trackerId: b.tracker.id,
          recommendationId: b.rec.id,
          actorId: b.owner.id,
          type: "recommendation.status_changed",
          data: {
            from: "NOT_STARTED",
            to: "IN_PROGRESS",
            justification: "Hearings began.",
            isInternal: false,
          },
          createdAt: new Date("2021-03-01T12:00:00Z"),
        },
        {
          workspaceId: b.workspace.id,
          trackerId: b.tracker.id,
          recommendationId: b.rec.id,
          actorId: b.owner.id,
          type: "recommendation.status_changed",
          data: { from: "IN_PROGRESS", to: "ACHIEVED", justification: "Signed." },
          createdAt: new Date("2021-06-01T12:00:00Z"),
        },
      ],
    });
    const { snapshotId } = await createSnapshot({
      workspaceSlug: b.workspace.slug,
      trackerId: b.tracker.id,
      name: "100 days",
      asOf: day("2021-04-30"),
    });
    const snapshot = await getSnapshot(b.workspace.id, b.tracker.id, snapshotId);
    expect(snapshot!.asOf.toISOString()).toBe("2021-04-30T23:59:59.999Z");
    expect(snapshot!.items.map((i) => [i.recommendationId, i.status, i.justification])).toEqual([
      [b.rec.id, "IN_PROGRESS", "Hearings began."],
    ]);
  });

  it("is for admins only", async () => {
    actAs(a.editor);
    const error = await createSnapshot({
      workspaceSlug: a.workspace.slug,
      trackerId: a.tracker.id,
      name: "Editor's snapshot",
      asOf: null,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DalError);
    expect((error as DalError).code).toBe("FORBIDDEN");
  });
});
