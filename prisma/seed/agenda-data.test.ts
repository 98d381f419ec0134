import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { agendaDocument, agendaSections } from "./agenda-data";

const essay = readFileSync(join(process.cwd(), "prisma/seed/documents", agendaDocument.fileName), "utf8");

const recommendations = agendaSections.flatMap((section) => section.recommendations);

function isValidDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

describe("agenda seed data", () => {
  it("reads the essay the data is drawn from", () => {
    expect(agendaDocument.fileName).toBe("human-rights-agenda-2021.txt");
    expect(essay.length).toBeGreaterThan(10_000);
  });

  it("has the essay's five stages, in order", () => {
    expect(agendaSections.map((section) => section.title)).toEqual([
      "Reverse and Revoke",
      "Reaffirm",
      "Rebuild",
      "Reengage",
      "Reconceptualize",
    ]);
    for (const section of agendaSections) {
      expect(essay).toContain(section.title);
      expect(section.description.trim().length).toBeGreaterThan(0);
      expect(section.recommendations.length).toBeGreaterThan(0);
    }
  });

  it("has between 35 and 60 recommendations", () => {
    expect(recommendations.length).toBeGreaterThanOrEqual(35);
    expect(recommendations.length).toBeLessThanOrEqual(60);
  });

  it("quotes every source passage verbatim from the essay", () => {
    for (const rec of recommendations) {
      expect(rec.sourcePassage.length, rec.title).toBeGreaterThanOrEqual(20);
      expect(essay.includes(rec.sourcePassage), `sourcePassage of "${rec.title}"`).toBe(true);
    }
  });

  it("has unique titles of at most 90 characters", () => {
    const titles = recommendations.map((rec) => rec.title);
    expect(new Set(titles).size).toBe(titles.length);
    for (const title of titles) {
      expect(title.trim().length, title).toBeGreaterThan(0);
      expect(title.length, title).toBeLessThanOrEqual(90);
    }
  });

  it("justifies every status other than NOT_STARTED", () => {
    for (const rec of recommendations) {
      if (rec.status !== "NOT_STARTED") {
        expect(rec.statusJustification?.trim(), rec.title).toBeTruthy();
      }
    }
  });

  it("links evidence over https with valid dates", () => {
    for (const rec of recommendations) {
      for (const evidence of rec.evidence) {
        expect(evidence.url.startsWith("https://"), evidence.url).toBe(true);
        expect(isValidDate(evidence.publishedAt), `${evidence.url} ${evidence.publishedAt}`).toBe(true);
        if (evidence.quote !== undefined) {
          expect(essay.includes(evidence.quote), evidence.quote).toBe(true);
        }
      }
    }
  });

  it("uses valid YYYY-MM-DD due dates", () => {
    for (const rec of recommendations) {
      if (rec.dueDate !== undefined) {
        expect(isValidDate(rec.dueDate), `${rec.title} ${rec.dueDate}`).toBe(true);
      }
      for (const action of rec.actions) {
        if (action.dueDate !== undefined) {
          expect(isValidDate(action.dueDate), `${action.title} ${action.dueDate}`).toBe(true);
        }
      }
    }
  });
});
