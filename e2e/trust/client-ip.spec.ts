/**
 * Forged X-Forwarded-For against the production server (`npm start`'s front server + Next.js, TRUST_PROXY
 * unset, as docker-compose runs it). Sign-in attempts go to Auth.js's credentials endpoint from distinct
 * loopback source addresses (127.0.0.3, .4 and .2), so each "client" has its own TCP peer address —
 * and never from 127.0.0.1, which the browser specs use.
 */
import http from "node:http";
import { expect, test } from "@playwright/test";
import { reportFigure } from "../../tests/support/trust-report";
import { E2E } from "../ports";
import { uniqueEmail } from "../helpers";

const MAX_PER_IP = 30; // lib/server/throttle.ts LOGIN.maxPerIp

type Reply = { status: number; headers: http.IncomingHttpHeaders; body: string };

function request(
  from: string,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: string,
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: "127.0.0.1", port: E2E.appPort, method, path, headers, localAddress: from, agent: false },
      (res) => {
        let text = "";
        res.on("data", (chunk: Buffer) => (text += chunk.toString()));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

/** One sign-in attempt through Auth.js; returns the error code it redirects with ("credentials", "rate_limited"). */
async function attempt(from: string, email: string, forwardedFor?: string): Promise<string> {
  const extra: Record<string, string> = forwardedFor ? { "x-forwarded-for": forwardedFor } : {};
  const csrf = await request(from, "GET", "/api/auth/csrf", { host: `localhost:${E2E.appPort}`, ...extra });
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const cookie = (csrf.headers["set-cookie"] ?? []).map((c) => c.split(";")[0]).join("; ");
  const reply = await request(
    from,
    "POST",
    "/api/auth/callback/credentials",
    {
      host: `localhost:${E2E.appPort}`,
      "content-type": "application/x-www-form-urlencoded",
      cookie,
      ...extra,
    },
    new URLSearchParams({ csrfToken, email, password: "a wrong password", callbackUrl: "/" }).toString(),
  );
  const location = reply.headers.location ?? "";
  return new URL(location, E2E.baseUrl).searchParams.get("code") ?? `status ${reply.status} ${location}`;
}

test("rotating X-Forwarded-For does not bypass the per-IP limit; forging a victim's address does not throttle the victim", async () => {
  test.setTimeout(180_000);
  // 1. An attacker on 127.0.0.3 claims a new address on every attempt (and a new account each time,
  //    so only the per-IP limit can stop it).
  const attackerCodes: string[] = [];
  for (let i = 0; i < MAX_PER_IP + 5; i++) {
    attackerCodes.push(
      await attempt("127.0.0.3", uniqueEmail("spray"), `198.51.100.${i + 1}, 203.0.113.${i + 1}`),
    );
  }
  const firstLimited = attackerCodes.indexOf("rate_limited") + 1;
  // 2. Another attacker (127.0.0.4) forges the victim's address (127.0.0.2) until "it" is throttled.
  for (let i = 0; i < MAX_PER_IP + 2; i++) await attempt("127.0.0.4", uniqueEmail("frame"), "127.0.0.2");
  const victimCode = await attempt("127.0.0.2", uniqueEmail("victim"));
  const figure = `rotating header: attempts ${attackerCodes.length}, throttled from attempt ${firstLimited || "never"} (limit ${MAX_PER_IP}); forged victim address: victim throttled ${victimCode === "rate_limited" ? "yes" : "no"}`;
  console.log(`client IP: ${figure}`);
  reportFigure(
    "Forged X-Forwarded-For",
    figure,
    firstLimited === MAX_PER_IP + 1 && victimCode === "credentials",
  );
  expect(attackerCodes.slice(0, MAX_PER_IP).every((code) => code === "credentials")).toBe(true);
  expect(firstLimited).toBe(MAX_PER_IP + 1);
  expect(victimCode).toBe("credentials");
});
