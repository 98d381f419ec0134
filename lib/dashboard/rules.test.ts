import { describe, expect, it } from "vitest";
import { parseDashboardOptions, pointChange } from "@/lib/dashboard/rules";

const now = new Date("2026-12-01T12:00:00Z");

describe("parseDashboardOptions", () => {
  it("reads the quick picks", () => {
    expect(parseDashboardOptions({ since: "7d" }, now)).toMatchObject({
      since: "2026-11-24",
      sinceKey: "7d",
    });
    expect(parseDashboardOptions({ since: "100d" }, now)).toMatchObject({ since: "2026-08-23" });
  });

  it("accepts a custom past day and falls back to 30 days for anything else", () => {
    expect(parseDashboardOptions({ since: "2021-04-30" }, now)).toMatchObject({
      since: "2021-04-30",
      isCustomSince: true,
    });
    for (const since of ["2027-01-01", "2026-12-01", "12d", "2021-02-30", "'; DROP", ""]) {
      expect(parseDashboardOptions({ since }, now)).toMatchObject({ since: "2026-11-01", sinceKey: "30d" });
    }
  });

  it("bounds the stale threshold", () => {
    expect(parseDashboardOptions({ stale: "90" }, now).staleDays).toBe(90);
    expect(parseDashboardOptions({ stale: "0" }, now).staleDays).toBe(30);
    expect(parseDashboardOptions({ stale: "999999" }, now).staleDays).toBe(3650);
    expect(parseDashboardOptions({ stale: "x" }, now).staleDays).toBe(30);
  });
});

it("measures a change in points", () => {
  expect(pointChange(0.1, 0.14)).toBe(4);
  expect(pointChange(0.5, 0.48)).toBe(-2);
  expect(pointChange(0.5, 0.501)).toBe(0);
  expect(pointChange(0.5, 0.496)).toBe(0);
});
