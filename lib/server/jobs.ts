import "server-only";
import PgBoss from "pg-boss";
import type { z } from "zod";
import { env } from "@/lib/server/env";

/**
 * Background work on pg-boss (jobs stored in PostgreSQL, schema "pgboss"): one PgBoss per process, created
 * on first use. `next start` starts it with its workers from instrumentation.ts; anything that only sends
 * jobs (a server action, a test, a script) starts it lazily without workers. Any instance may send, any
 * instance with workers may run a job: nothing about a job lives in one process.
 *
 * Features define their queues (name, retry policy, handler, optional periodic sweep) as `JobQueue`s and
 * the composition root (instrumentation.ts) passes them to `startWorkers`; this file knows no feature.
 */

export type JobQueue<T extends object> = {
  name: string;
  /** The payload's schema: job data is parsed with it before the handler runs (a malformed job fails). */
  schema: z.ZodType<T>;
  /** pg-boss queue options: retries (with exponential backoff when `retryBackoff`) and expiry of its jobs. */
  options: { retryLimit: number; retryDelay: number; expireInSeconds: number; retryBackoff?: boolean };
  /**
   * A cron schedule (UTC): pg-boss creates one job per tick however many instances run (schedules are
   * stored in PostgreSQL and each tick's job is created once), and some instance's worker runs it.
   */
  schedule?: string;
  handle: (data: T) => Promise<void>;
  /** Work that each instance running workers repeats (e.g. a sweeper of abandoned jobs). */
  periodic?: { everyMs: () => number; run: () => Promise<void> };
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each queue carries its own payload type
type AnyJobQueue = JobQueue<any>;

type JobsState = {
  boss: Promise<PgBoss> | null;
  queues: Map<string, Promise<void>>;
  timers: ReturnType<typeof setInterval>[];
  isWorking: boolean;
};

const state: JobsState = ((globalThis as { __jobs?: JobsState }).__jobs ??= {
  boss: null,
  queues: new Map(),
  timers: [],
  isWorking: false,
});

/** The process's PgBoss, started on first use. */
export function getBoss(): Promise<PgBoss> {
  state.boss ??= (async () => {
    const boss = new PgBoss({
      connectionString: env().DATABASE_URL,
      schema: "pgboss",
      max: 4,
      application_name: "advocacy-tracker-jobs",
    });
    boss.on("error", (error) => console.error("[jobs] pg-boss error", error));
    await boss.start();
    return boss;
  })().catch((error: unknown) => {
    state.boss = null;
    throw error;
  });
  return state.boss;
}

async function ensureQueue(boss: PgBoss, queue: Pick<AnyJobQueue, "name" | "options">): Promise<void> {
  let created = state.queues.get(queue.name);
  if (!created) {
    // Idempotent (INSERT … ON CONFLICT DO NOTHING): every instance may create the queue at startup.
    created = boss
      .createQueue(queue.name, { name: queue.name, policy: "standard", ...queue.options })
      .catch((error: unknown) => {
        state.queues.delete(queue.name);
        throw error;
      });
    state.queues.set(queue.name, created);
  }
  await created;
}

/**
 * Queues a job; some instance's worker runs it (promptly: workers poll every JOB_POLL_SECONDS). With
 * `once: { key, seconds }` at most one job per key and time slot is created (pg-boss singletonKey +
 * singletonSeconds, a unique index: also across instances); returns null when the slot is taken.
 */
export async function sendJob<T extends object>(
  queue: JobQueue<T>,
  data: T,
  extra: { once?: { key: string; seconds: number } } = {},
): Promise<string | null> {
  const boss = await getBoss();
  await ensureQueue(boss, queue);
  const once = extra.once ? { singletonKey: extra.once.key, singletonSeconds: extra.once.seconds } : {};
  return boss.send(queue.name, data, { ...queue.options, ...once });
}

/**
 * Queues a job now, or if this time slot already has one for `key`, in the next slot (pg-boss
 * sendDebounced): bursts make at most one job per key per `seconds`, and the last change is never dropped.
 */
export async function sendDebouncedJob<T extends object>(
  queue: JobQueue<T>,
  data: T,
  key: string,
  seconds: number,
): Promise<string | null> {
  const boss = await getBoss();
  await ensureQueue(boss, queue);
  return boss.sendDebounced(queue.name, data, { ...queue.options }, seconds, key);
}

/** Starts this instance's workers (JOB_WORKERS per queue) and periodic tasks. Called once, at startup. */
export async function startWorkers(queues: AnyJobQueue[]): Promise<void> {
  const { JOB_WORKERS, JOB_POLL_SECONDS } = env();
  if (state.isWorking || JOB_WORKERS === 0) return;
  state.isWorking = true;
  const boss = await getBoss();
  for (const queue of queues) {
    await ensureQueue(boss, queue);
    for (let i = 0; i < JOB_WORKERS; i++) {
      await boss.work<object>(
        queue.name,
        { batchSize: 1, pollingIntervalSeconds: JOB_POLL_SECONDS },
        async (jobs) => {
          for (const job of jobs) await queue.handle(queue.schema.parse(job.data));
        },
      );
    }
    if (queue.schedule) await boss.schedule(queue.name, queue.schedule, {}, { tz: "UTC" });
    const periodic = queue.periodic;
    if (periodic) {
      let isRunning = false;
      const timer = setInterval(() => {
        if (isRunning) return;
        isRunning = true;
        periodic
          .run()
          .catch((error: unknown) => console.error(`[jobs] ${queue.name} periodic task failed`, error))
          .finally(() => (isRunning = false));
      }, periodic.everyMs());
      timer.unref();
      state.timers.push(timer);
    }
  }
  console.log(`[jobs] ${JOB_WORKERS} worker(s) on: ${queues.map((q) => q.name).join(", ")}`);
}

/** Stops workers and the connection pool (tests, scripts). Running handlers get `timeoutMs` to finish. */
export async function stopJobs(timeoutMs = 10_000): Promise<void> {
  for (const timer of state.timers.splice(0)) clearInterval(timer);
  const pending = state.boss;
  state.boss = null;
  state.queues.clear();
  state.isWorking = false;
  if (pending) await (await pending).stop({ graceful: true, timeout: timeoutMs, wait: true });
}
