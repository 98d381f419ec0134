/**
 * What the page benchmarks share (`bench:tracker`, `bench:dashboard`, `bench:public`): a production server on
 * a throwaway database, a signed-in session cookie, and the timing of a page over loopback.
 */
import crypto from "node:crypto";
import { runNext } from "./app-env";

/** Waits until a server answers /api/health (up to ~30 s); throws if it exits first. */
export async function waitUntilHealthy(base: string, exited: Promise<number>, what: string): Promise<void> {
  // A server that exits (its port taken by another process, say) must stop the benchmark, or it would
  // measure whatever else answers on that port.
  let exitCode: number | null = null;
  void exited.then((code) => (exitCode = code));
  for (let i = 0; i < 150; i++) {
    if (exitCode !== null) throw new Error(`${what} exited (code ${exitCode}) before it answered`);
    const healthy = await fetch(`${base}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (healthy) {
      // Still ours a moment later (a lost race for the port shows as an exit here).
      await new Promise((r) => setTimeout(r, 1000));
      if (exitCode === null) return;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${what} did not answer ${base}/api/health within 30 s`);
}

/** `next start` on the port with the database, answering /api/health. */
export async function startBenchServer(
  base: string,
  port: number,
  env: NodeJS.ProcessEnv,
): Promise<ReturnType<typeof runNext>> {
  const server = runNext(["start", "--port", String(port)], {
    ...env,
    NODE_ENV: "production",
    AUTH_SECRET: env.AUTH_SECRET || crypto.randomBytes(32).toString("hex"),
    APP_URL: base,
  });
  await waitUntilHealthy(base, server.exited, "next start");
  return server;
}

/** Signs in through Auth.js's credentials endpoint; returns the session cookie ("name=value"). */
export async function signIn(base: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookies = csrf.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookies },
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl: base }),
  });
  const session = response.headers.getSetCookie().find((c) => c.includes("session-token"));
  if (!session) throw new Error(`Sign-in failed (${response.status})`);
  return session.split(";")[0]!;
}

/**
 * Times `runs` requests of a page after two warm-up requests: the first load (nothing cached for this page
 * yet), the median and p95, and the HTML size.
 */
export async function timePage(
  base: string,
  path: string,
  cookie: string,
  runs: number,
  /** Runs before each request, untimed (e.g. a write, so that each request is the first after a change). */
  before?: () => Promise<void>,
) {
  const samples: number[] = [];
  let bytes = 0;
  let first = 0;
  for (let i = 0; i < runs + 2; i++) {
    await before?.();
    const started = performance.now();
    const response = await fetch(`${base}${path}`, { headers: { cookie } });
    const body = await response.text();
    if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
    if (i === 0) first = performance.now() - started;
    if (i >= 2) samples.push(performance.now() - started);
    bytes = body.length;
  }
  samples.sort((a, b) => a - b);
  const pick = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]!;
  return { first, median: pick(0.5), p95: pick(0.95), bytes };
}
