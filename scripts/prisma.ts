/**
 * Runs the Prisma CLI, with a schema engine that works offline when Prisma's native one is missing.
 *
 *   npx tsx scripts/prisma.ts <prisma args…>      (npm run prisma -- …, db:migrate, db:deploy, db:reset)
 *
 * Every Prisma 7 CLI command needs the native `schema-engine` binary, which Prisma downloads from its own
 * host; where that host is unreachable nothing works. So:
 *   1. PRISMA_SCHEMA_ENGINE_BINARY already set → respected as is;
 *   2. Prisma's native binary present (where the CLI looks for it, or in Prisma's download cache) → stock Prisma;
 *   3. otherwise PRISMA_SCHEMA_ENGINE_BINARY points at scripts/schema-engine/engine.mjs, a stand-in built on
 *      @prisma/schema-engine-wasm and @prisma/adapter-pg (one line on stderr says so).
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);

/** The schema-engine stand-in. */
export const schemaEngineShimPath = path.join(repoRoot, "scripts", "schema-engine", "engine.mjs");

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
export function findNativeSchemaEngine(): Promise<string | undefined> {
  nativeEngineSearch ??= searchNativeSchemaEngine();
  return nativeEngineSearch;
}

async function searchNativeSchemaEngine(): Promise<string | undefined> {
  const prismaDir = prismaPackageDir();
  const enginesEntry = resolveFrom(prismaDir, "@prisma/engines");
  const enginesDir = enginesEntry ? path.resolve(path.dirname(enginesEntry), "..") : undefined;
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
  if ((mode & 0o111) !== 0o111) fs.chmodSync(file, mode | 0o111);
}

let hasAnnouncedShim = false;

/** The environment for the CLI: `env` plus PRISMA_SCHEMA_ENGINE_BINARY when the stand-in is needed. */
export async function prismaEnv(env: NodeJS.ProcessEnv = process.env): Promise<NodeJS.ProcessEnv> {
  if (ENGINE_ENV_VARS.some((name) => env[name])) return env;
  if (await findNativeSchemaEngine()) return env;
  if (!hasAnnouncedShim) {
    hasAnnouncedShim = true;
    const relative = path.relative(process.cwd(), schemaEngineShimPath);
    const shown = relative.startsWith("..") || path.isAbsolute(relative) ? schemaEngineShimPath : relative;
    process.stderr.write(
      `[prisma] No usable native Prisma schema engine: using ${shown} (wasm engine + @prisma/adapter-pg) as PRISMA_SCHEMA_ENGINE_BINARY.\n`,
    );
  }
  ensureExecutable(schemaEngineShimPath);
  return { ...env, PRISMA_SCHEMA_ENGINE_BINARY: schemaEngineShimPath };
}

type RunOptions = { cwd?: string };

async function spawnPrisma(
  args: string[],
  env: NodeJS.ProcessEnv,
  stdio: "inherit" | "pipe",
  options: RunOptions = {},
) {
  return spawn(process.execPath, [prismaCliPath(), ...args], {
    cwd: options.cwd ?? repoRoot,
    env: await prismaEnv(env),
    stdio: stdio === "inherit" ? "inherit" : ["ignore", "pipe", "pipe"],
  });
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
  const child = await spawnPrisma(args, env, "inherit", options);
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(describe(args, code, signal)));
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
  const child = await spawnPrisma(args, env, "pipe", options);
  return new Promise((resolve, reject) => {
    let stdout = "";
    let stderr = "";
    child.stdout?.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr?.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.once("error", reject);
    child.once("close", (code, signal) => {
      if (code === null) reject(new Error(`${describe(args, code, signal)}\n${stderr}`));
      else resolve({ exitCode: code, stdout, stderr });
    });
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const child = await spawnPrisma(process.argv.slice(2), process.env, "inherit", { cwd: process.cwd() });
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
    process.exit(code ?? (signal ? 128 + (os.constants.signals[signal] ?? 0) : 1));
  });
}
