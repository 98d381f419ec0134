/**
 * Tests pass in a clone anywhere: the files they read are committed in tests/fixtures/, and nothing reads the
 * team's shared folder beside the repository.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { FIXTURES_DIR, fixturePath, UPR_CSV } from "../support/fixture-files";

const root = path.resolve(import.meta.dirname, "../..");

const FIXTURES = [
  {
    file: UPR_CSV,
    bytes: 1_498_089,
    sha256: "db548d6087041a8bb3f2334b9662174165c1bcf8f40d148bf3c1861dcd782c69",
  },
  ...[
    [
      "A-HRC-28-15-thematic-list-of-recommendations-slovenia-2014.docx",
      58_779,
      "7d2b4052392d6ef58cbeba959f8c6819c25b1f7706d4bd6e2695820de6d5ef22",
    ],
    [
      "A-HRC-28-15-upr-working-group-report-slovenia-2014.pdf",
      324_651,
      "dbd63eebd463a2279a568e344a2fbb88fc5e2e1edf8474c55501384f37cdc509",
    ],
    [
      "A-HRC-WG6-20-SVN-2-un-compilation-slovenia-2014.pdf",
      96_638,
      "849b4cb37c84bb228b9a2b023e16cffcadcf95120a654a69d70e5a2debe12e5c",
    ],
    [
      "human-rights-agenda-2021.txt",
      19_626,
      "d6d3ca01ef9f803ee9b8e232d89d4c68e72068453080838103d6d7ec7ada7974",
    ],
  ].map(([name, bytes, sha256]) => ({
    file: fixturePath(`documents/${name as string}`),
    bytes: bytes as number,
    sha256: sha256 as string,
  })),
];

/** A path to the shared folder beside the repository, or its environment override. */
const SHARED_READS = [
  new RegExp(String.raw`["'\x60]\.\./shared\b`), // a quoted relative path to it
  new RegExp(String.raw`process\.env\.SHARED` + "_DIR"),
  new RegExp(String.raw`/work/` + "shared"),
];
const SCANNED = ["tests", "e2e", "scripts", "lib", "prisma", "app", "components", ".ci"];
const SCANNED_FILES = ["vitest.config.ts", "playwright.config.ts", "package.json", "next.config.js"];
const SKIPPED = new Set(["node_modules", ".next", "generated", "fixtures"]);

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return SKIPPED.has(entry.name) ? [] : filesUnder(full);
    return /\.(m|c)?[jt]sx?$|\.json$|^run$/.test(entry.name) ? [full] : [];
  });
}

describe("test fixtures", () => {
  it.each(FIXTURES)("$file is committed intact", ({ file, bytes, sha256 }) => {
    const content = fs.readFileSync(file);
    expect(content.length).toBe(bytes);
    expect(crypto.createHash("sha256").update(content).digest("hex")).toBe(sha256);
  });

  it("a missing fixture is an error, not a skip", () => {
    expect(() => fixturePath("no-such-fixture.csv")).toThrow(/is missing/);
    expect(path.dirname(UPR_CSV)).toBe(FIXTURES_DIR);
    expect(FIXTURES_DIR.startsWith(root)).toBe(true);
  });

  it("no test, spec, script or config reads the shared folder beside the repository", () => {
    const files = [
      ...SCANNED.flatMap((dir) => filesUnder(path.join(root, dir))),
      ...SCANNED_FILES.map((file) => path.join(root, file)),
    ];
    expect(files.length).toBeGreaterThan(100);
    const readers = files.filter((file) => {
      const text = fs.readFileSync(file, "utf8");
      return SHARED_READS.some((pattern) => pattern.test(text));
    });
    expect(readers.map((file) => path.relative(root, file))).toEqual([]);
  });
});
