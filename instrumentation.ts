/**
 * Runs once when a server instance starts: validates the environment (a bad value is a clear startup
 * error), then starts this instance's background workers (pg-boss, lib/server/jobs.ts). Node.js runtime
 * only, and never during `next build` (which loads the server code but must not need a database).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env } = await import("@/lib/server/env");
  env();
  const { PHASE_PRODUCTION_BUILD } = await import("next/constants");
  if (process.env.NEXT_PHASE === PHASE_PRODUCTION_BUILD) return;
  const { startWorkers } = await import("@/lib/server/jobs");
  const { importQueue } = await import("@/lib/import/worker");
  const { notificationQueues, startNotificationListener } = await import("@/lib/notifications/worker");
  // Not awaited: the server serves requests while workers connect; a failure is logged, and jobs queued
  // meanwhile wait in PostgreSQL for this or another instance.
  void startWorkers([importQueue, ...notificationQueues]).catch((error: unknown) =>
    console.error("[jobs] workers did not start", error),
  );
  // Fan-out of events into notifications starts at once on a LISTEN connection (the sweep above also runs it).
  if (env().JOB_WORKERS > 0)
    void startNotificationListener().catch((error: unknown) =>
      console.error("[notifications] listener did not start", error),
    );
}
