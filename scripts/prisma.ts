/**
 * Runs the Prisma CLI, with a schema engine that works offline when Prisma's native one is missing.
 *
 *   npx tsx scripts/prisma.ts <prisma args…>      (npm run prisma -- …, db:migrate, db:deploy, db:reset)
 *
 * Every Prisma 7 CLI command needs the native `schema-engine` binary, which Prisma downloads from its own
 * host; where that host is unreachable nothing works. So:
 *   1. PRISMA_SCHEMA_ENGINE_BINARY already set → respected as is;
 *   2. Prisma's native binary present (where the CLI looks for it, or in Prisma's download cache) → stock Prisma;
 *   3. otherwise, in a development install (the dev dependency @prisma/schema-engine-wasm is installed),
 *      PRISMA_SCHEMA_ENGINE_BINARY points at the offline stand-in scripts/schema-engine/engine.mjs (one line
 *      on stderr says so; see scripts/schema-engine/README.md);
 *   4. otherwise (a production install without the native engine): commands that never run the engine
 *      (generate, validate, format) get a placeholder that is never executed; any other command runs stock
 *      Prisma, which downloads the engine where it can, and a clear message says what to do when it cannot.
 *
 * `npm start` and the Docker image run this file: it never imports the stand-in or its packages; it only
 * checks whether they are installed, and hands the stand-in's path to the CLI.
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);

/** The schema-engine stand-in (a development tool: scripts/schema-engine/README.md). */
export const schemaEngineShimPath = path.join(repoRoot, "scripts", "schema-engine", "engine.mjs");
/** The dev-only package the stand-in is built on; its presence tells a development install. */
const STAND_IN_PACKAGE = "@prisma/schema-engine-wasm";
/** Given to commands that never run the engine; if it ever runs, it explains and fails. */
export const noEnginePlaceholderPath = path.join(repoRoot, "scripts", "lib", "no-schema-engine.mjs");
/** Prisma commands that read the schema but never start the schema engine. */
const ENGINE_FREE_COMMANDS = new Set(["generate", "validate", "format"]);

const ENGINE_ENV_VARS = ["PRISMA_SCHEMA_ENGINE_BINARY", "PRISMA_MIGRATION_ENGINE_BINARY"] as const;

function prismaPackageDir(): string {
  return path.dirname(require.resolve("prisma/package.json"));
}

function prismaCliPath(): string {
  return path.join(prismaPackageDir(), "build", "index.js");
}

/** Resolves a package the way the Prisma CLI does (from its own dependency tree). */
function resolveFrom(fromDir: string, request: string): string | undefined {
  try {
    return createRequire(path.join(fromDir, "package.json")).resolve(request);
  } catch {
    return undefined;
  }
}

async function binaryTargetForThisPlatform(enginesDir: string | undefined): Promise<string | undefined> {
  const getPlatformPath = enginesDir ? resolveFrom(enginesDir, "@prisma/get-platform") : undefined;
  if (!getPlatformPath) return undefined;
  try {
    const getPlatform = require(getPlatformPath) as { getBinaryTargetForCurrentPlatform(): Promise<string> };
    return await getPlatform.getBinaryTargetForCurrentPlatform();
  } catch {
    return undefined;
  }
}

function enginesVersionHash(enginesDir: string | undefined): string | undefined {
  const versionPackage = enginesDir
    ? resolveFrom(enginesDir, "@prisma/engines-version/package.json")
    : undefined;
  if (!versionPackage) return undefined;
  try {
    const pkg = JSON.parse(fs.readFileSync(versionPackage, "utf8")) as {
      prisma?: { enginesVersion?: string };
    };
    return pkg.prisma?.enginesVersion;
  } catch {
    return undefined;
  }
}

function prismaCacheDir(): string {
  if (process.platform === "win32" && process.env.APPDATA) return path.join(process.env.APPDATA, "Prisma");
  return process.env.XDG_CACHE_HOME
    ? path.join(process.env.XDG_CACHE_HOME, "prisma")
    : path.join(os.homedir(), ".cache", "prisma");
}

let nativeEngineSearch: Promise<string | undefined> | undefined;

/**
 * Prisma's own native schema-engine, if the CLI would find a usable one without downloading: the file
 * `schema-engine-<binaryTarget>` in @prisma/engines (where the CLI downloads it), next to the prisma package,
 * in node_modules or prisma/runtime (the CLI's other search paths) and answering `--version` with the engine
 * version this CLI expects, or a checksummed copy in Prisma's download cache (the CLI copies it from there).
 */
export function findNativeSchemaEngine(options: { isFresh?: boolean } = {}): Promise<string | undefined> {
  if (options.isFresh) nativeEngineSearch = undefined;
  nativeEngineSearch ??= searchNativeSchemaEngine();
  return nativeEngineSearch;
}

/**
 * Whether the offline stand-in can run: its folder is there and so is its dev-only package (a development
 * install). Checked by resolving the package's path, never by importing it.
 */
export function isSchemaEngineStandInInstalled(): boolean {
  return fs.existsSync(schemaEngineShimPath) && resolveFrom(repoRoot, STAND_IN_PACKAGE) !== undefined;
}

/** The folder of the @prisma/engines package the CLI uses (where it downloads the native engine). */
function enginesPackageDir(): string | undefined {
  const enginesEntry = resolveFrom(prismaPackageDir(), "@prisma/engines");
  return enginesEntry ? path.resolve(path.dirname(enginesEntry), "..") : undefined;
}

async function searchNativeSchemaEngine(): Promise<string | undefined> {
  const prismaDir = prismaPackageDir();
  const enginesDir = enginesPackageDir();
  const target = await binaryTargetForThisPlatform(enginesDir);
  const hash = enginesVersionHash(enginesDir);
  const searchDirs = [enginesDir, prismaDir, path.dirname(prismaDir), path.join(prismaDir, "runtime")].filter(
    (dir): dir is string => Boolean(dir),
  );
  const candidates: string[] = [];
  for (const dir of searchDirs) {
    if (target) {
      candidates.push(path.join(dir, `schema-engine-${target}${target === "windows" ? ".exe" : ""}`));
    } else if (fs.existsSync(dir)) {
      // Unknown platform: any schema-engine-* binary the CLI might pick.
      for (const name of fs.readdirSync(dir)) {
        if (/^schema-engine-[a-z0-9._-]+$/i.test(name) && !/\.(sha256|gz|sig)$/.test(name)) {
          candidates.push(path.join(dir, name));
        }
      }
    }
  }
  for (const candidate of candidates) {
    if (!fs.existsSync(candidate)) continue;
    const version = spawnSync(candidate, ["--version"], { encoding: "utf8", timeout: 10_000 });
    if (version.status === 0 && (!hash || version.stdout.includes(hash))) return candidate;
  }
  if (target && hash) {
    const cached = path.join(prismaCacheDir(), "master", hash, target, "schema-engine");
    if (fs.existsSync(cached) && fs.existsSync(`${cached}.sha256`)) return cached;
  }
  return undefined;
}

/** The CLI spawns the engine directly, so it needs its executable bit (lost e.g. in a zip download). */
function ensureExecutable(file: string): void {
  if (process.platform === "win32") return;
  const { mode } = fs.statSync(file);
  if ((mode & 0o111) === 0o111) return;
  try {
    fs.chmodSync(file, mode | 0o111);
  } catch {
    // Not ours to change (e.g. a read-only image): the CLI will say it cannot run it.
  }
}

let hasAnnouncedShim = false;

/** How the CLI will get its schema engine. */
export type EngineChoice =
  | { kind: "configured" } // PRISMA_SCHEMA_ENGINE_BINARY (or the older variable) was set by the caller
  | { kind: "native"; path: string }
  | { kind: "stand-in"; path: string }
  | { kind: "placeholder"; path: string } // an engine-free command in an install with no engine
  | { kind: "download" }; // stock Prisma, which downloads the native engine where it can

export async function chooseSchemaEngine(
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<EngineChoice> {
  if (ENGINE_ENV_VARS.some((name) => env[name])) return { kind: "configured" };
  const native = await findNativeSchemaEngine();
  if (native) return { kind: "native", path: native };
  if (isSchemaEngineStandInInstalled()) return { kind: "stand-in", path: schemaEngineShimPath };
  const command = args.find((arg) => !arg.startsWith("-"));
  if (command && ENGINE_FREE_COMMANDS.has(command)) {
    return { kind: "placeholder", path: noEnginePlaceholderPath };
  }
  return { kind: "download" };
}

/** What to do when the native engine is missing, could not be downloaded, and the stand-in is not installed. */
export function missingEngineMessage(): string {
  const hash = enginesVersionHash(enginesPackageDir());
  return [
    "[prisma] No Prisma schema engine: Prisma's native schema-engine binary is not installed and could not be",
    "downloaded, and the offline stand-in (scripts/schema-engine/, a development tool) is not installed either.",
    "  - On a machine with internet access, run `npx prisma --version` once in this folder: the Prisma CLI",
    "    downloads the native engine into node_modules/@prisma/engines, and every later command uses it.",
    `  - Or set PRISMA_SCHEMA_ENGINE_BINARY to a schema-engine binary of engines ${hash ?? "(the version this Prisma CLI expects)"}.`,
    "  - For development on a machine without internet access, install the development dependencies (`npm ci`):",
    "    the stand-in built on @prisma/schema-engine-wasm then takes over.",
  ].join("\n");
}

/** The environment for the CLI: `env` plus PRISMA_SCHEMA_ENGINE_BINARY when the stand-in (or placeholder) is needed. */
export async function prismaEnv(
  env: NodeJS.ProcessEnv = process.env,
  args: string[] = [],
): Promise<{ env: NodeJS.ProcessEnv; engine: EngineChoice }> {
  const engine = await chooseSchemaEngine(args, env);
  if (engine.kind === "configured" || engine.kind === "native" || engine.kind === "download") {
    return { env, engine };
  }
  if (engine.kind === "stand-in" && !hasAnnouncedShim) {
    hasAnnouncedShim = true;
    const relative = path.relative(process.cwd(), engine.path);
    const shown = relative.startsWith("..") || path.isAbsolute(relative) ? engine.path : relative;
    process.stderr.write(
      `[prisma] No usable native Prisma schema engine: using ${shown} (wasm engine + @prisma/adapter-pg) as PRISMA_SCHEMA_ENGINE_BINARY.\n`,
    );
  }
  ensureExecutable(engine.path);
  return { env: { ...env, PRISMA_SCHEMA_ENGINE_BINARY: engine.path }, engine };
}

/**
 * After a failed run of stock Prisma that had to download the engine: when the engine is still missing, the
 * download failed (the CLI does nothing before it has an engine), so say what to do.
 */
async function explainMissingEngine(engine: EngineChoice, code: number | null): Promise<string | undefined> {
  if (engine.kind !== "download" || code === 0) return undefined;
  if (await findNativeSchemaEngine({ isFresh: true })) return undefined;
  return missingEngineMessage();
}

type RunOptions = { cwd?: string };

async function spawnPrisma(
  args: string[],
  env: NodeJS.ProcessEnv,
  stdio: "inherit" | "pipe",
  options: RunOptions = {},
) {
  const prepared = await prismaEnv(env, args);
  const child = spawn(process.execPath, [prismaCliPath(), ...args], {
    cwd: options.cwd ?? repoRoot,
    env: prepared.env,
    stdio: stdio === "inherit" ? "inherit" : ["ignore", "pipe", "pipe"],
  });
  return { child, engine: prepared.engine };
}

function describe(args: string[], code: number | null, signal: NodeJS.Signals | null): string {
  return `prisma ${args.join(" ")} ${signal ? `was killed by ${signal}` : `exited with code ${code}`}`;
}

/** Runs `prisma <args>` with inherited stdio (cwd: the repository root); rejects unless it exits with 0. */
export async function runPrisma(
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
  options?: RunOptions,
): Promise<void> {
  const { child, engine } = await spawnPrisma(args, env, "inherit", options);
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code, signal) => {
      if (code === 0) return resolve();
      void explainMissingEngine(engine, code).then((explanation) =>
        reject(
          new Error(
            explanation ? `${describe(args, code, signal)}\n${explanation}` : describe(args, code, signal),
          ),
        ),
      );
    });
  });
}

export type PrismaOutput = { exitCode: number; stdout: string; stderr: string };

/**
 * Runs `prisma <args>` and captures its output. Resolves with the exit code (e.g. `migrate diff --exit-code`
 * exits with 2 when there is a difference); rejects only when the CLI cannot be started or is killed.
 */
export async function capturePrisma(
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
  options?: RunOptions,
): Promise<PrismaOutput> {
  const { child, engine } = await spawnPrisma(args, env, "pipe", options);
  return new Promise((resolve, reject) => {
    let stdout = "";
    let stderr = "";
    child.stdout?.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr?.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.once("error", reject);
    child.once("close", (code, signal) => {
      if (code === null) return reject(new Error(`${describe(args, code, signal)}\n${stderr}`));
      void explainMissingEngine(engine, code).then((explanation) =>
        resolve({ exitCode: code, stdout, stderr: explanation ? `${stderr}${explanation}\n` : stderr }),
      );
    });
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { child, engine } = await spawnPrisma(process.argv.slice(2), process.env, "inherit", {
    cwd: process.cwd(),
  });
  // Ctrl-C reaches the CLI directly (same process group); wait for it to finish rather than dying first.
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.on(signal, () => {
      if (signal !== "SIGINT") child.kill(signal);
    });
  }
  child.once("error", (error) => {
    process.stderr.write(`[prisma] could not start the Prisma CLI: ${error.message}\n`);
    process.exit(1);
  });
  child.once("exit", (code, signal) => {
    void explainMissingEngine(engine, code).then((explanation) => {
      if (explanation) process.stderr.write(`${explanation}\n`);
      process.exit(code ?? (signal ? 128 + (os.constants.signals[signal] ?? 0) : 1));
    });
  });
}
