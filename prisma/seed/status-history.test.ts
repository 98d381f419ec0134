import { describe, expect, it } from "vitest";
import { seedStatusHistory } from "./status-history";
import { STATUSES } from "../../lib/status";

const startsAt = new Date("2021-01-20T00:00:00Z");

describe("seedStatusHistory", () => {
  it("is a chain from Not started to the seeded status, in time order, after the tracker began", () => {
    for (let index = 0; index < 60; index++) {
      for (const status of STATUSES) {
        const finalAt = index % 2 ? new Date("2021-03-10T00:01:00Z") : null;
        const changes = seedStatusHistory(index, status, { startsAt, finalAt, finalJustification: "Why" });
        if (status === "NOT_STARTED") {
          expect(changes).toEqual([]);
          continue;
        }
        expect(changes[0]!.from).toBe("NOT_STARTED");
        expect(changes.at(-1)!.to).toBe(status);
        expect(changes.at(-1)!.justification).toBe("Why");
        for (const [k, change] of changes.entries()) {
          expect(change.from).not.toBe(change.to);
          expect(change.at.getTime()).toBeGreaterThan(startsAt.getTime());
          if (k > 0) {
            expect(change.from).toBe(changes[k - 1]!.to);
            expect(change.at.getTime()).toBeGreaterThan(changes[k - 1]!.at.getTime());
          }
        }
      }
    }
  });

  it("is deterministic and spans 2021 and later", () => {
    const run = () =>
      Array.from({ length: 30 }, (_, i) =>
        seedStatusHistory(i, "ACHIEVED", { startsAt, finalAt: null, finalJustification: null }),
      );
    expect(run()).toEqual(run());
    const years = new Set(run().flatMap((changes) => changes.map((c) => c.at.getUTCFullYear())));
    expect(years.has(2021)).toBe(true);
    expect([...years].some((year) => year >= 2023)).toBe(true);
  });
});
