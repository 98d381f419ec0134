/** docs/security.md's permission table must say exactly what lib/permissions.ts does. */
import fs from "node:fs";
import { expect, it } from "vitest";
import { permissions, type Permission } from "@/lib/permissions";
import { reportFigure } from "@/tests/support/trust-report";

it("the documented permission table matches the permission map", () => {
  const doc = fs.readFileSync("docs/security.md", "utf8");
  const table = doc.split("## Permission table")[1]!.split("\n## ")[0]!;
  const roles = ["VIEWER", "EDITOR", "ADMIN", "OWNER"] as const;
  const documented: Record<string, string[]> = {};
  for (const line of table.split("\n")) {
    const cells = line.split("|").map((c) => c.trim());
    const name = cells[1];
    if (!name || !/^[a-z]+\.[a-zA-Z]+$/.test(name)) continue;
    documented[name] = roles.filter((_, i) => cells[i + 2] === "✓");
  }
  const mismatches = [...new Set([...Object.keys(permissions), ...Object.keys(documented)])].filter(
    (name) => {
      const actual = [...((permissions[name as Permission] as readonly string[] | undefined) ?? [])].sort();
      return JSON.stringify(actual) !== JSON.stringify([...(documented[name] ?? [])].sort());
    },
  );
  reportFigure(
    "docs: permission table",
    `permissions ${Object.keys(permissions).length}, mismatches with docs ${mismatches.length}`,
    mismatches.length === 0,
  );
  expect(mismatches).toEqual([]);
});
