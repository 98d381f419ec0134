/**
 * The front server of `npm start`: it owns the public port, establishes the client's address from the
 * TCP peer and TRUST_PROXY (proxy-addr, as Express does), and forwards the request to Next.js on a
 * loopback-only port with that address in `x-client-ip` — after deleting any copy the client sent —
 * and in a rewritten X-Forwarded-For. lib/server/auth/request-ip.ts reads it.
 *
 * Why: App Router code cannot see the socket, and Next.js only fills X-Forwarded-For when the client
 * sent none, so a client-sent value would otherwise reach the per-IP sign-in limit unchecked.
 */
import http from "node:http";
import type { Duplex } from "node:stream";
import proxyaddr from "proxy-addr";
import { CLIENT_IP_HEADER, normalizeAddress, trustFunction, type TrustProxy } from "../../lib/trust-proxy";

export type ClientIpServerOptions = {
  /**
   * One Next.js instance, or several (`npm start` with WEB_CONCURRENCY): each request goes to the instance
   * with the fewest requests in progress (round-robin among equals).
   */
  upstreamPort: number | readonly number[];
  upstreamHost?: string;
  trust: TrustProxy;
  /** How long an instance that refused a connection is left out (default 1 s). */
  refusedForMs?: number;
  /**
   * Page requests (GET and HEAD of pages, RSC navigations and API reads) one instance works on at once (0: no
   * limit, the default). More wait here, first come first served, until an instance finishes one: a page then
   * takes its own render time plus its wait in line, instead of sharing the CPU with every other page in
   * progress and all finishing late together. Never in the line: writes and uploads (server actions,
   * imports), the build's static files, the health check and live streams; they count towards an
   * instance's requests in progress all the same.
   */
  maxInFlight?: number;
  /**
   * A request still counted after this long stops counting (default 2 s): a long download or a slow upload
   * must not keep a place that a page render needs.
   */
  releaseAfterMs?: number;
  /** Requests waiting in the line beyond which a new one is answered 503 at once (default 1,000). */
  maxWaiting?: number;
};

/** Requests that never wait in the line: cheap files, the health check, live streams (see maxInFlight). */
const SKIPS_LINE =
  /^\/(?:_next\/(?:static|image)\/|api\/health(?:$|[/?])|api\/live(?:$|[/?])|favicon\.ico|icon\.svg|robots\.txt)/;

/** The client's address for this request: the socket peer, or the nearest untrusted forwarded hop. */
export function clientAddress(req: http.IncomingMessage, trust: TrustProxy): string {
  return normalizeAddress(proxyaddr(req, trustFunction(trust)) || "unknown");
}

function forwardedHeaders(req: http.IncomingMessage, trust: TrustProxy): http.OutgoingHttpHeaders {
  const headers: http.OutgoingHttpHeaders = { ...req.headers };
  const address = clientAddress(req, trust);
  delete headers[CLIENT_IP_HEADER];
  headers[CLIENT_IP_HEADER] = address;
  // Whatever the client claimed, downstream code sees only the address established here.
  headers["x-forwarded-for"] = address;
  delete headers["x-real-ip"];
  delete headers.forwarded;
  // Host, scheme and port claims count only from a trusted proxy, like the address. Otherwise they
  // describe this server's side of the connection — set here, because Next.js would fill in its own
  // loopback port, and Auth.js builds its redirects from these headers.
  const peer = normalizeAddress(req.socket.remoteAddress ?? "");
  const isTrustedPeer = trustFunction(trust)(peer, 0);
  for (const [name, value] of [
    ["x-forwarded-host", req.headers.host ?? ""],
    ["x-forwarded-proto", "http"],
    ["x-forwarded-port", String(req.socket.localPort ?? "")],
  ] as const) {
    if (!isTrustedPeer || !headers[name]) headers[name] = value;
  }
  return headers;
}

export function createClientIpServer({
  upstreamPort,
  upstreamHost = "127.0.0.1",
  trust,
  refusedForMs = 1_000,
  maxInFlight = 0,
  releaseAfterMs = 2_000,
  maxWaiting = 1_000,
}: ClientIpServerOptions) {
  // Live streams (Server-Sent Events, lib/live/stream.ts) hold an upstream socket each for as long as a page
  // is open, so the pool must not cap below the app's own bound on open streams (MAX_STREAMS_PER_INSTANCE):
  // with 256, the 257th open page would queue here forever. Responses are piped as they come (no buffering).
  const agent = new http.Agent({ keepAlive: true, maxSockets: 10_000 });
  // Instances share nothing in memory (sessions, throttles, jobs and live signals are in PostgreSQL), so
  // any instance can answer any request.
  const ports = typeof upstreamPort === "number" ? [upstreamPort] : [...upstreamPort];
  // Least outstanding requests: an instance slowed by a heavy page or a garbage collection gets fewer new
  // requests instead of an equal share (round-robin queued requests behind it while the other idled).
  // An instance that refused a connection (starting, or gone) answers at once and so looks idle: it is left
  // out for a moment (refusedForMs), unless every instance is.
  const inFlight = ports.map(() => 0);
  const downUntil = ports.map(() => 0);
  let turn = 0;
  const pickUpstream = () => {
    const now = Date.now();
    const start = turn++ % ports.length;
    let best = -1;
    for (let step = 0; step < ports.length; step++) {
      const index = (start + step) % ports.length;
      if (downUntil[index]! > now) continue;
      if (best < 0 || inFlight[index]! < inFlight[best]!) best = index;
    }
    return best < 0 ? start : best;
  };
  const markDown = (index: number) => (downUntil[index] = Date.now() + refusedForMs);
  /** The instance for the next request, or -1 when every instance that is up has maxInFlight in progress. */
  const instanceWithRoom = () => {
    const index = pickUpstream();
    const isUp = downUntil[index]! <= Date.now();
    return maxInFlight <= 0 || !isUp || inFlight[index]! < maxInFlight ? index : -1;
  };
  // Requests waiting for an instance, oldest first (a queue: `head` is the oldest); a client that gave up
  // meanwhile is skipped.
  let waiting: { req: http.IncomingMessage; res: http.ServerResponse; isGone: boolean }[] = [];
  let head = 0;
  const admitWaiting = () => {
    while (head < waiting.length) {
      const next = waiting[head]!;
      if (!next.isGone) {
        const index = instanceWithRoom();
        if (index < 0) break;
        forward(next.req, next.res, index);
      }
      waiting[head++] = undefined!;
    }
    if (head === waiting.length) {
      waiting = [];
      head = 0;
    } else if (head > 1024 && head * 2 > waiting.length) {
      waiting = waiting.slice(head);
      head = 0;
    }
  };

  const forward = (req: http.IncomingMessage, res: http.ServerResponse, index: number) => {
    inFlight[index]!++;
    let isCounted = true;
    // Once per request: when the instance has sent the whole response, the request fails, an event stream
    // starts (a page's live stream stays open for as long as the page, doing no work), or releaseAfterMs.
    const settle = () => {
      if (!isCounted) return;
      isCounted = false;
      clearTimeout(releaseTimer);
      inFlight[index]!--;
      admitWaiting();
    };
    const releaseTimer = setTimeout(settle, releaseAfterMs);
    res.on("close", settle);
    const upstream = http.request(
      {
        host: upstreamHost,
        port: ports[index],
        method: req.method,
        path: req.url,
        headers: forwardedHeaders(req, trust),
        agent,
      },
      (response) => {
        if (String(response.headers["content-type"] ?? "").startsWith("text/event-stream")) settle();
        res.writeHead(response.statusCode ?? 502, response.statusMessage, response.headers);
        response.pipe(res);
        // The instance is done when it has sent everything, or waits only for a client that reads slowly
        // (the client's buffer is full): either way it has a place for the next page.
        response.on("end", settle);
        response.on("data", () => {
          if (res.writableNeedDrain) settle();
        });
        // An upstream response cut off mid-body: end the client's too (it would wait forever).
        response.on("close", () => {
          if (!response.complete) res.destroy();
        });
      },
    );
    upstream.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "ECONNREFUSED") markDown(index);
      if (!res.headersSent) {
        res.writeHead(503, { "content-type": "text/plain; charset=utf-8", "retry-after": "2" });
        res.end("The app is starting or unavailable. Try again in a moment.\n");
      } else {
        res.destroy();
      }
    });
    res.on("close", () => {
      if (!res.writableFinished) upstream.destroy();
    });
    req.pipe(upstream);
  };

  const waitsInLine = (req: http.IncomingMessage) =>
    maxInFlight > 0 && (req.method === "GET" || req.method === "HEAD") && !SKIPS_LINE.test(req.url ?? "");

  const server = http.createServer((req, res) => {
    if (!waitsInLine(req)) return forward(req, res, pickUpstream());
    if (waiting.length - head >= maxWaiting) {
      res.writeHead(503, { "content-type": "text/plain; charset=utf-8", "retry-after": "5" });
      res.end("The app is busy. Try again in a moment.\n");
      return;
    }
    const entry = { req, res, isGone: false };
    res.on("close", () => (entry.isGone = true));
    waiting.push(entry);
    admitWaiting();
  });

  // WebSocket and other upgrades: same headers, then bytes both ways.
  server.on("upgrade", (req: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    const upstream = http.request({
      host: upstreamHost,
      port: ports[pickUpstream()],
      method: req.method,
      path: req.url,
      headers: forwardedHeaders(req, trust),
    });
    upstream.on("upgrade", (response, upstreamSocket, upstreamHead) => {
      const lines = [`HTTP/1.1 ${response.statusCode} ${response.statusMessage}`];
      for (let i = 0; i < response.rawHeaders.length; i += 2)
        lines.push(`${response.rawHeaders[i]}: ${response.rawHeaders[i + 1]}`);
      socket.write(`${lines.join("\r\n")}\r\n\r\n`);
      if (upstreamHead.length) socket.write(upstreamHead);
      if (head.length) upstreamSocket.write(head);
      upstreamSocket.pipe(socket).pipe(upstreamSocket);
      upstreamSocket.on("error", () => socket.destroy());
      socket.on("error", () => upstreamSocket.destroy());
    });
    upstream.on("response", () => socket.destroy());
    upstream.on("error", () => socket.destroy());
    upstream.end();
  });
  return server;
}
