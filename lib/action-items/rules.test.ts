import { describe, expect, it } from "vitest";
import { isOverdue, isPastDue } from "@/lib/action-items/rules";
import { todayUtc } from "@/lib/dates";

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
const today = day("2021-03-15");

describe("isOverdue (advocacy actions)", () => {
  it("is overdue when the due date is before today and the action is open", () => {
    expect(isOverdue(day("2021-03-14"), null, today)).toBe(true);
    expect(isOverdue(day("2020-01-01"), null, today)).toBe(true);
  });

  it("is not overdue on the due date itself or later", () => {
    expect(isOverdue(day("2021-03-15"), null, today)).toBe(false);
    expect(isOverdue(day("2021-03-16"), null, today)).toBe(false);
  });

  it("is never overdue without a due date, or once done", () => {
    expect(isOverdue(null, null, today)).toBe(false);
    expect(isOverdue(day("2021-03-01"), day("2021-03-02"), today)).toBe(false);
  });

  it("agrees with comparing calendar days as YYYY-MM-DD", () => {
    for (const due of ["2021-03-14", "2021-03-15", "2021-03-16", "2020-12-31"]) {
      expect(isPastDue(day(due), false, today)).toBe(due < "2021-03-15");
    }
  });
});

describe("todayUtc", () => {
  it("is midnight UTC of the current UTC day, whatever the time", () => {
    expect(todayUtc(new Date("2021-03-15T23:59:59.999Z"))).toEqual(today);
    expect(todayUtc(new Date("2021-03-15T00:00:00.000Z"))).toEqual(today);
    expect(todayUtc(new Date("2021-03-16T00:00:00.000Z"))).toEqual(day("2021-03-16"));
  });

  it("makes a due date of today not overdue and of yesterday overdue", () => {
    const now = new Date("2021-03-15T18:30:00.000Z");
    expect(isOverdue(day("2021-03-15"), null, todayUtc(now))).toBe(false);
    expect(isOverdue(day("2021-03-14"), null, todayUtc(now))).toBe(true);
  });
});
