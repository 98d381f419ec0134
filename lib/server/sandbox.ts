import "server-only";
import path from "node:path";
import { Worker } from "node:worker_threads";
import type { ParseTask, ParseTasks } from "@/lib/server/parse-tasks";

/**
 * Runs a parse of untrusted bytes (a document, an import file) in a worker thread, so one hostile file cannot
 * stall the event loop that answers everyone else or take the process down with it:
 *
 * - the worker's V8 heap is capped (`resourceLimits`): running out ends the worker, not the server;
 * - a wall-clock deadline terminates it;
 * - a watchdog samples the process's resident memory and terminates the worker when it grows by more than
 *   `maxRssGrowthMb` (buffers that inflate outside the V8 heap, e.g. a decompressed stream, are not covered by
 *   the heap cap);
 * - at most `MAX_CONCURRENT` workers run at once, and at most `MAX_QUEUED` wait; more are refused as busy.
 *
 * The task itself (lib/server/parse-tasks.ts) also checks its own limits while parsing and refuses with an
 * expected error, which comes back here as a `BoundedTaskError` of kind "refused" with the task's message.
 */
export type BoundedLimits = {
  maxOldGenerationSizeMb: number;
  maxYoungGenerationSizeMb: number;
  timeoutMs: number;
  maxRssGrowthMb: number;
};

export const PARSE_LIMITS: BoundedLimits = {
  maxOldGenerationSizeMb: 256,
  maxYoungGenerationSizeMb: 32,
  timeoutMs: 30_000,
  maxRssGrowthMb: 200,
};

const MAX_CONCURRENT = 2;
const MAX_QUEUED = 16;
const WATCH_INTERVAL_MS = 20;

export type BoundedFailure = "TIMEOUT" | "MEMORY" | "BUSY" | "CRASHED";

/** A task that refused its input (`remote`: the error it threw) or that the sandbox stopped (`reason`). */
export class BoundedTaskError extends Error {
  constructor(
    readonly reason: BoundedFailure | "REFUSED",
    message: string,
    readonly remote?: { name: string; code?: string; message: string },
  ) {
    super(message);
    this.name = "BoundedTaskError";
  }
}

/** Messages for the person who uploaded the file: catalogue keys (uploads.sandbox.*), translated on answer. */
export const BOUNDED_MESSAGES: Record<BoundedFailure, string> = {
  TIMEOUT: "uploads.sandbox.timeout",
  MEMORY: "uploads.sandbox.memory",
  BUSY: "uploads.sandbox.busy",
  CRASHED: "uploads.sandbox.crashed",
};

// Next.js bundles server code, but the worker stays a plain module loaded at run time from the project
// directory (`npm start`, `next dev` and the tests run there; the Docker image copies lib/ and
// tsconfig.json). turbopackIgnore keeps Turbopack from bundling it and what it imports (tsx, esbuild).
const WORKER_FILE = path.join(/* turbopackIgnore: true */ process.cwd(), "lib/server/parse-worker.mjs");
// An indirection Turbopack does not treat as a bundled worker entry.
const threads = { Worker };

let running = 0;
const waiting: (() => void)[] = [];

async function acquire(): Promise<void> {
  if (running < MAX_CONCURRENT) {
    running += 1;
    return;
  }
  if (waiting.length >= MAX_QUEUED) throw new BoundedTaskError("BUSY", BOUNDED_MESSAGES.BUSY);
  await new Promise<void>((resolve) => waiting.push(resolve));
}

function release() {
  const next = waiting.shift();
  if (next) next();
  else running -= 1;
}

export async function runBounded<T extends ParseTask>(
  task: T,
  input: ParseTasks[T]["input"],
  limits: BoundedLimits = PARSE_LIMITS,
): Promise<ParseTasks[T]["output"]> {
  await acquire();
  try {
    return await runInWorker(task, input, limits);
  } finally {
    release();
  }
}

function runInWorker<T extends ParseTask>(
  task: T,
  input: ParseTasks[T]["input"],
  limits: BoundedLimits,
): Promise<ParseTasks[T]["output"]> {
  return new Promise((resolve, reject) => {
    const baseline = process.memoryUsage.rss();
    const worker = new threads.Worker(WORKER_FILE, {
      workerData: { task, input },
      resourceLimits: {
        maxOldGenerationSizeMb: limits.maxOldGenerationSizeMb,
        maxYoungGenerationSizeMb: limits.maxYoungGenerationSizeMb,
      },
      stdout: false,
      stderr: false,
    });
    let settled = false;
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      clearInterval(watchdog);
      outcome();
      void worker.terminate();
    };
    const stop = (reason: BoundedFailure) =>
      finish(() => reject(new BoundedTaskError(reason, BOUNDED_MESSAGES[reason])));
    const deadline = setTimeout(() => stop("TIMEOUT"), limits.timeoutMs);
    const watchdog = setInterval(() => {
      if (process.memoryUsage.rss() - baseline > limits.maxRssGrowthMb * 1024 * 1024) stop("MEMORY");
    }, WATCH_INTERVAL_MS);
    worker.on("message", (message: WorkerMessage<ParseTasks[T]["output"]>) => {
      if (message.ok) finish(() => resolve(message.result));
      else finish(() => reject(new BoundedTaskError("REFUSED", message.error.message, message.error)));
    });
    worker.on("error", (error: Error & { code?: string }) => {
      if (error.code === "ERR_WORKER_OUT_OF_MEMORY") stop("MEMORY");
      else {
        console.error("parse worker failed", error);
        stop("CRASHED");
      }
    });
    worker.on("exit", () => stop("CRASHED"));
  });
}

type WorkerMessage<R> =
  { ok: true; result: R } | { ok: false; error: { name: string; code?: string; message: string } };
