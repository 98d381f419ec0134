/**
 * The front server of `npm start` (scripts/lib/client-ip-server.ts) against a stand-in upstream that
 * echoes the headers it received: what the app would see for each TRUST_PROXY setting. Clients connect
 * from distinct loopback addresses (127.0.0.2, 127.0.0.3) so the TCP peer is known.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClientIpServer, type ClientIpServerOptions } from "../../scripts/lib/client-ip-server";
import { instanceCount, requestsPerInstance } from "../../scripts/lib/serve";
import { parseTrustProxy } from "@/lib/trust-proxy";

let upstream: http.Server;
let upstreamPort: number;
const fronts: http.Server[] = [];

beforeAll(async () => {
  upstream = http.createServer((req, res) => {
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify(req.headers));
  });
  await new Promise<void>((resolve) => upstream.listen(0, "127.0.0.1", resolve));
  upstreamPort = (upstream.address() as AddressInfo).port;
});

afterAll(async () => {
  for (const server of [...fronts, upstream]) {
    server.closeAllConnections(); // a failed test may leave a response held open
    await new Promise((resolve) => server.close(resolve));
  }
});

/** Listens on a free loopback port, closed after the tests; the port. */
async function listening(server: http.Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  fronts.push(server);
  return (server.address() as AddressInfo).port;
}

/** A front server (TRUST_PROXY unset) before the given instances, with these options; its port. */
const frontBefore = (upstreamPort: number | number[], options: Partial<ClientIpServerOptions> = {}) =>
  listening(createClientIpServer({ upstreamPort, trust: parseTrustProxy(undefined), ...options }));

async function front(trustProxy: string | undefined): Promise<number> {
  return listening(createClientIpServer({ upstreamPort, trust: parseTrustProxy(trustProxy) }));
}

/** What the upstream saw, for a request from `from` carrying `headers`. */
function seen(port: number, from: string, headers: Record<string, string>) {
  return new Promise<Record<string, string>>((resolve, reject) => {
    const req = http.request(
      { host: "127.0.0.1", port, path: "/", localAddress: from, headers, agent: false },
      (res) => {
        let body = "";
        res.on("data", (chunk: Buffer) => (body += chunk.toString()));
        res.on("end", () => resolve(JSON.parse(body) as Record<string, string>));
      },
    );
    req.on("error", reject);
    req.end();
  });
}

describe("TRUST_PROXY parsing", () => {
  it("reads unset/false as none, numbers as hops, lists as addresses, and refuses nonsense", () => {
    expect(parseTrustProxy(undefined)).toEqual({ kind: "none" });
    expect(parseTrustProxy("false")).toEqual({ kind: "none" });
    expect(parseTrustProxy("2")).toEqual({ kind: "hops", hops: 2 });
    expect(parseTrustProxy("10.0.0.0/8, loopback")).toEqual({
      kind: "addresses",
      addresses: ["10.0.0.0/8", "loopback"],
    });
    expect(() => parseTrustProxy("not-an-address")).toThrow();
  });
});

describe("the client-IP front server", () => {
  it("trusts no forwarded header by default: the client is the TCP peer, forged headers are replaced", async () => {
    const port = await front(undefined);
    const got = await seen(port, "127.0.0.3", {
      "x-forwarded-for": "203.0.113.7",
      "x-client-ip": "203.0.113.8",
      "x-real-ip": "203.0.113.9",
      "x-forwarded-host": "evil.example",
    });
    expect(got["x-client-ip"]).toBe("127.0.0.3");
    expect(got["x-forwarded-for"]).toBe("127.0.0.3");
    expect(got["x-real-ip"]).toBeUndefined();
    expect(got["x-forwarded-host"]).toBe(`127.0.0.1:${port}`);
    expect(got["x-forwarded-port"]).toBe(String(port));
  });

  it("with one trusted hop, takes the address the proxy appended, not what the client claimed before it", async () => {
    const port = await front("1");
    const got = await seen(port, "127.0.0.2", { "x-forwarded-for": "203.0.113.7, 198.51.100.20" });
    expect(got["x-client-ip"]).toBe("198.51.100.20");
  });

  it("with a trusted proxy address, believes only that proxy", async () => {
    const port = await front("127.0.0.2");
    expect((await seen(port, "127.0.0.2", { "x-forwarded-for": "198.51.100.20" }))["x-client-ip"]).toBe(
      "198.51.100.20",
    );
    // The same header from any other peer is ignored.
    expect((await seen(port, "127.0.0.3", { "x-forwarded-for": "198.51.100.20" }))["x-client-ip"]).toBe(
      "127.0.0.3",
    );
  });
});

describe("several instances (WEB_CONCURRENCY)", () => {
  it("spreads requests over every upstream in turn", async () => {
    const names = ["a", "b", "c"];
    const upstreams = await Promise.all(
      names.map(async (name) => {
        const server = http.createServer((_req, res) => {
          res.setHeader("content-type", "application/json");
          res.end(JSON.stringify({ "x-instance": name }));
        });
        return listening(server);
      }),
    );
    const port = await frontBefore(upstreams);
    const answered: string[] = [];
    for (let i = 0; i < 6; i++) answered.push((await seen(port, "127.0.0.2", {}))["x-instance"]!);
    expect(answered).toEqual(["a", "b", "c", "a", "b", "c"]);
  });

  it("sends no new request to an instance still busy while another is idle, and uses it again once free", async () => {
    // "a" holds its first request until released; "b" and "c" answer at once.
    let release = () => {};
    let received = () => {};
    const isHolding = new Promise<void>((resolve) => (received = resolve));
    let held = 0;
    const upstreams = await Promise.all(
      ["a", "b", "c"].map(async (name) => {
        const server = http.createServer((_req, res) => {
          const answer = () => {
            res.setHeader("content-type", "application/json");
            res.end(JSON.stringify({ "x-instance": name }));
          };
          if (name === "a" && held++ === 0) {
            release = answer;
            received();
          } else answer();
        });
        return listening(server);
      }),
    );
    const port = await frontBefore(upstreams);
    const slow = seen(port, "127.0.0.2", {});
    await isHolding;
    const whileBusy: string[] = [];
    for (let i = 0; i < 6; i++) whileBusy.push((await seen(port, "127.0.0.2", {}))["x-instance"]!);
    expect(whileBusy).not.toContain("a");
    expect(new Set(whileBusy)).toEqual(new Set(["b", "c"]));
    release();
    expect((await slow)["x-instance"]).toBe("a");
    const afterwards: string[] = [];
    for (let i = 0; i < 3; i++) afterwards.push((await seen(port, "127.0.0.2", {}))["x-instance"]!);
    expect([...afterwards].sort()).toEqual(["a", "b", "c"]);
  });

  it("leaves out an instance that refused a connection, instead of sending it every request", async () => {
    // A port nothing listens on (an instance still starting), and one working instance.
    const probe = http.createServer();
    await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
    const refusing = (probe.address() as AddressInfo).port;
    await new Promise((resolve) => probe.close(resolve));
    const working = http.createServer((_req, res) => {
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ "x-instance": "b" }));
    });
    const port = await frontBefore([refusing, await listening(working)], { refusedForMs: 60_000 });
    const status = (path: string) =>
      new Promise<number>((resolve, reject) => {
        const req = http.get({ host: "127.0.0.1", port, path, agent: false }, (res) => {
          res.resume();
          res.on("end", () => resolve(res.statusCode ?? 0));
        });
        req.on("error", reject);
      });
    // The first request goes to the refusing instance (its turn, nothing in progress anywhere): 503.
    expect(await status("/")).toBe(503);
    const after: number[] = [];
    for (let i = 0; i < 6; i++) after.push(await status("/"));
    expect(after).toEqual([200, 200, 200, 200, 200, 200]);
  });

  it("with a limit, gives an instance at most that many requests at once; the others wait their turn and are all answered", async () => {
    const holding: http.ServerResponse[] = [];
    let maxHeld = 0;
    let arrived = () => {};
    const upstream = http.createServer((_req, res) => {
      holding.push(res);
      maxHeld = Math.max(maxHeld, holding.length);
      arrived();
    });
    const port = await frontBefore(await listening(upstream), {
      maxInFlight: 2,
    });
    const untilHolding = (count: number) =>
      new Promise<void>((resolve) => {
        arrived = () => {
          if (holding.length >= count) resolve();
        };
        arrived();
      });
    const answers = Array.from({ length: 5 }, () => seen(port, "127.0.0.2", {}));
    await untilHolding(2);
    // Without the limit all five would be here by now.
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(holding).toHaveLength(2);
    for (let answered = 0; answered < 5; answered++) {
      await untilHolding(1);
      holding.shift()!.end("{}");
    }
    expect(await Promise.all(answers)).toHaveLength(5);
    expect(maxHeld).toBe(2);
  });

  it("stops counting a request held longer than releaseAfterMs, so a slow download does not block the line", async () => {
    let first: http.ServerResponse | undefined;
    const upstream = http.createServer((_req, res) => {
      if (!first) {
        first = res; // never answered until the end of the test
        res.writeHead(200, { "content-type": "application/octet-stream" });
        res.write("partial");
      } else res.end("{}");
    });
    const port = await frontBefore(await listening(upstream), {
      maxInFlight: 1,
      releaseAfterMs: 200,
    });
    const slow = http.get({ host: "127.0.0.1", port, path: "/download", agent: false });
    await new Promise<void>((resolve) => slow.on("response", () => resolve()));
    // The only place is taken by the download: this request is answered once it stops counting.
    expect(await seen(port, "127.0.0.2", {})).toEqual({});
    first!.end();
    slow.destroy();
  });

  it("stops counting a page whose client has stopped reading, so it does not block the line", async () => {
    const chunk = Buffer.alloc(1024 * 1024, 120);
    const upstream = http.createServer((req, res) => {
      if (req.url !== "/endless") return res.end("{}");
      // Writes for as long as anyone reads: the client below never does.
      const more = () => {
        while (!res.destroyed && res.write(chunk));
      };
      res.on("drain", more);
      more();
    });
    const port = await frontBefore(await listening(upstream), {
      maxInFlight: 1,
      releaseAfterMs: 60_000,
    });
    const stalled = http.get({ host: "127.0.0.1", port, path: "/endless", agent: false });
    await new Promise<void>((resolve) => stalled.on("response", (res) => (res.pause(), resolve())));
    expect(await seen(port, "127.0.0.2", {})).toEqual({});
    stalled.destroy();
  });

  it("lets static files and the health check past a full line, and answers 503 once too many wait", async () => {
    let held: http.ServerResponse | undefined;
    const upstream = http.createServer((req, res) => {
      if (req.url === "/page" && !held) held = res;
      else res.end(JSON.stringify({ path: req.url }));
    });
    const server = createClientIpServer({
      upstreamPort: await listening(upstream),
      trust: parseTrustProxy(undefined),
      maxInFlight: 1,
      maxWaiting: 1,
      releaseAfterMs: 60_000,
    });
    let received = 0;
    let secondIsWaiting = () => {};
    const waitingNow = new Promise<void>((resolve) => (secondIsWaiting = resolve));
    server.on("request", () => {
      if (++received === 2) secondIsWaiting(); // the front server's own listener has queued it by now
    });
    const port = await listening(server);
    const get = (path: string) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = http.get({ host: "127.0.0.1", port, path, agent: false }, (res) => {
          let body = "";
          res.on("data", (chunk: Buffer) => (body += chunk.toString()));
          res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
        });
        req.on("error", reject);
      });
    const first = get("/page"); // takes the only place, and keeps it
    while (!held) await new Promise((resolve) => setImmediate(resolve));
    const second = get("/page?again"); // waits in the line
    await waitingNow;
    expect((await get("/another")).status).toBe(503); // the line is full
    expect(await get("/_next/static/chunks/app.js")).toEqual({
      status: 200,
      body: JSON.stringify({ path: "/_next/static/chunks/app.js" }),
    });
    expect((await get("/api/health")).status).toBe(200);
    held!.end("{}");
    expect((await first).status).toBe(200);
    expect(await second).toEqual({ status: 200, body: JSON.stringify({ path: "/page?again" }) });
  });

  it("reads WEB_CONCURRENCY as a whole number from 1 to 32, 1 when unset", () => {
    expect(instanceCount(undefined)).toBe(1);
    expect(instanceCount("")).toBe(1);
    expect(instanceCount("2")).toBe(2);
    expect(() => instanceCount("0")).toThrow(/WEB_CONCURRENCY/);
    expect(() => instanceCount("two")).toThrow(/WEB_CONCURRENCY/);
    expect(() => instanceCount("64")).toThrow(/WEB_CONCURRENCY/);
  });

  it("reads REQUESTS_PER_INSTANCE as a whole number from 0 (no limit) to 1000, 4 when unset", () => {
    expect(requestsPerInstance(undefined)).toBe(4);
    expect(requestsPerInstance("0")).toBe(0);
    expect(requestsPerInstance("8")).toBe(8);
    expect(() => requestsPerInstance("-1")).toThrow(/REQUESTS_PER_INSTANCE/);
    expect(() => requestsPerInstance("lots")).toThrow(/REQUESTS_PER_INSTANCE/);
  });
});
