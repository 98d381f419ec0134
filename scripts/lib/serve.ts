/**
 * Runs the production app: Next.js (the standalone `server.js` when present, else `next start`) on a
 * free loopback-only port, behind the client-IP front server on the public port.
 */
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { spawn, type ChildProcess } from "node:child_process";
import { parseTrustProxy } from "../../lib/trust-proxy";
import { createClientIpServer } from "./client-ip-server";
import { exitCodeOf, PRODUCTION_NODE_FLAGS, projectRoot, runNext, stopAllOnSignal } from "./app-env";
import type { RunningDatabase } from "./embedded-db";

/** `count` distinct free loopback ports (every probe stays open until all are chosen, so none repeats). */
async function freeLoopbackPorts(count: number): Promise<number[]> {
  const probes = await Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise<net.Server>((resolve, reject) => {
          const probe = net.createServer();
          probe.once("error", reject);
          probe.listen(0, "127.0.0.1", () => resolve(probe));
        }),
    ),
  );
  const ports = probes.map((probe) => (probe.address() as net.AddressInfo).port);
  await Promise.all(probes.map((probe) => new Promise((resolve) => probe.close(resolve))));
  return ports;
}

/** How many Next.js instances `npm start` runs: WEB_CONCURRENCY (1 to 32), else 1. */
export function instanceCount(value: string | undefined): number {
  if (value === undefined || value.trim() === "") return 1;
  const count = Number(value);
  if (!Number.isInteger(count) || count < 1 || count > 32) {
    throw new Error(`WEB_CONCURRENCY must be a whole number from 1 to 32 (got "${value}").`);
  }
  return count;
}

/**
 * How many requests `npm start` lets each Next.js instance work on at once: REQUESTS_PER_INSTANCE (0 for no
 * limit, up to 1000), else 4. The rest wait in the front server, first come first served.
 */
export function requestsPerInstance(value: string | undefined): number {
  if (value === undefined || value.trim() === "") return 4;
  const count = Number(value);
  if (!Number.isInteger(count) || count < 0 || count > 1000) {
    throw new Error(
      `REQUESTS_PER_INSTANCE must be a whole number from 0 (no limit) to 1000 (got "${value}").`,
    );
  }
  return count;
}

export async function serveProduction(options: {
  port: number;
  host?: string;
  env: NodeJS.ProcessEnv;
  db?: RunningDatabase;
}) {
  const trust = parseTrustProxy(options.env.TRUST_PROXY); // throws with a clear message on a bad value
  const instances = instanceCount(options.env.WEB_CONCURRENCY);
  const maxInFlight = requestsPerInstance(options.env.REQUESTS_PER_INSTANCE);
  if (!options.env.APP_URL && !options.env.AUTH_URL) {
    console.warn(
      "[serve] APP_URL is not set: set it to the public URL (emailed links and Auth.js redirects use it).",
    );
  }
  const env = {
    NEXT_TELEMETRY_DISABLED: "1",
    ...options.env,
    NODE_ENV: "production" as const,
    // Next.js behind the front server sees its own loopback port in request URLs; Auth.js builds its
    // redirects from them unless AUTH_URL names the public origin (APP_URL, as in emailed links).
    ...(options.env.APP_URL && !options.env.AUTH_URL ? { AUTH_URL: options.env.APP_URL } : {}),
  };
  const standalone = path.join(projectRoot, "server.js");
  // Several instances (WEB_CONCURRENCY, e.g. one per core) behind the one front server: they share nothing
  // in memory, exactly like instances on different machines.
  // The public port first: if it is taken, nothing has been started yet (the front server answers 503
  // until an instance is up).
  const ports = await freeLoopbackPorts(instances);
  const server = createClientIpServer({ upstreamPort: ports, trust, maxInFlight });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    const listening = () => {
      server.off("error", reject);
      resolve();
    };
    if (options.host) server.listen(options.port, options.host, listening);
    else server.listen(options.port, listening);
  });
  const children: { child: ChildProcess; exited: Promise<number> }[] = [];
  for (const internalPort of ports) {
    children.push(
      fs.existsSync(standalone)
        ? (() => {
            const proc = spawn(process.execPath, [...PRODUCTION_NODE_FLAGS, standalone], {
              cwd: projectRoot,
              env: { ...env, PORT: String(internalPort), HOSTNAME: "127.0.0.1" },
              stdio: "inherit",
            });
            const done = new Promise<number>((resolve) =>
              proc.on("exit", (code, signal) => resolve(exitCodeOf(code, signal))),
            );
            return { child: proc, exited: done };
          })()
        : runNext(["start", "--port", String(internalPort), "--hostname", "127.0.0.1"], env),
    );
  }
  console.log(
    `[serve] http://localhost:${options.port} → Next.js on 127.0.0.1:${ports.join(", ")} (${
      maxInFlight > 0 ? `${maxInFlight} requests at once each` : "no limit on requests at once"
    }); TRUST_PROXY: ${
      trust.kind === "none"
        ? "none (the client is the TCP peer)"
        : trust.kind === "hops"
          ? `${trust.hops} hop(s)`
          : trust.kind === "all"
            ? "every hop"
            : trust.addresses.join(", ")
    }`,
  );
  stopAllOnSignal(children, options.db);
  return { server, child: children[0]!.child, children, ports };
}
