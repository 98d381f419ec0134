import { describe, expect, it } from "vitest";
import { actAs } from "../support/session";
import { reportFigure } from "../support/trust-report";
import { createPeople, createWorld } from "./world";
import { db } from "@/lib/server/db";
import { initialActionState } from "@/lib/action-result";
import { updateFieldAction } from "@/lib/recommendations/actions";

describe("lost updates", () => {
  it("twenty concurrent stale edits of one recommendation: exactly one wins, the others get a conflict", async () => {
    const people = await createPeople();
    const w = await createWorld(people);
    actAs(people.editor);
    const form = (i: number) => {
      const data = new FormData();
      for (const [key, value] of Object.entries({
        workspaceSlug: w.slug,
        recommendationId: w.rec.id,
        version: "1",
        field: "title",
        value: `Concurrent writer ${i}`,
      }))
        data.set(key, value);
      return data;
    };
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => updateFieldAction(initialActionState, form(i))),
    );
    actAs(null);
    const wins = results.filter((r) => r.ok).length;
    const conflicts = results.filter(
      (r) => !r.ok && r.code === "CONFLICT" && r.conflict?.currentValue.startsWith("Concurrent writer"),
    ).length;
    const after = await db.recommendation.findUniqueOrThrow({ where: { id: w.rec.id } });
    const events = await db.activityEvent.count({
      where: { recommendationId: w.rec.id, type: "recommendation.updated" },
    });
    const lost = 20 - wins - conflicts;
    reportFigure(
      "10. lost updates",
      `concurrent stale edits 20: won ${wins}, conflicts ${conflicts}, lost updates ${lost}; version ${after.version}, events ${events}`,
      wins === 1 && lost === 0,
    );
    expect(wins).toBe(1);
    expect(conflicts).toBe(19);
    expect(after.version).toBe(2);
    expect(events).toBe(1);
  });
});
