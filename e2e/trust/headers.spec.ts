/**
 * Trust item 8: security headers on every HTML response and the session cookie's flags, against the
 * production build the e2e server runs.
 */
import { expect, test } from "@playwright/test";
import { reportFigure } from "../../tests/support/trust-report";

const DEMO = { email: "viewer@demo.advocacy.test", password: "advocacy-demo-2021" };

function headerProblems(path: string, headers: Record<string, string>): string[] {
  const problems: string[] = [];
  const csp = headers["content-security-policy"] ?? "";
  if (!csp) problems.push(`${path}: no Content-Security-Policy`);
  if (/unsafe-eval/.test(csp)) problems.push(`${path}: CSP allows 'unsafe-eval'`);
  if (!/frame-ancestors 'none'/.test(csp)) problems.push(`${path}: no frame-ancestors 'none'`);
  if (!/object-src 'none'/.test(csp)) problems.push(`${path}: no object-src 'none'`);
  const scripts = /script-src ([^;]*)/.exec(csp)?.[1] ?? "";
  if (/'unsafe-inline'/.test(scripts)) problems.push(`${path}: CSP allows inline scripts ('unsafe-inline')`);
  if (!/'nonce-[A-Za-z0-9+/=]{16,}'/.test(scripts)) problems.push(`${path}: CSP scripts have no nonce`);
  if (headers["x-content-type-options"] !== "nosniff")
    problems.push(`${path}: no X-Content-Type-Options nosniff`);
  if (!headers["referrer-policy"]) problems.push(`${path}: no Referrer-Policy`);
  if (!/max-age=\d{7,}/.test(headers["strict-transport-security"] ?? "")) problems.push(`${path}: no HSTS`);
  if (headers["x-powered-by"]) problems.push(`${path}: X-Powered-By present`);
  return problems;
}

test("every HTML response carries the security headers, and the session cookie is HttpOnly, SameSite=Lax, Secure", async ({
  page,
  request,
}) => {
  const anonymous = [
    "/sign-in",
    "/sign-up",
    "/forgot-password",
    "/no-such-page",
    "/w/demo",
    "/reset-password/x",
  ];
  const signedIn = [
    "/",
    "/w/demo",
    "/w/demo/my-work",
    "/w/demo/no-such-page",
    "/account",
    "/w/not-a-member-here",
  ];
  const problems: string[] = [];
  let checked = 0;
  for (const path of anonymous) {
    const response = await request.get(path, { maxRedirects: 0 });
    checked += 1;
    problems.push(...headerProblems(`${path} (${response.status()})`, response.headers()));
  }

  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(DEMO.email);
  await page.getByLabel("Password").fill(DEMO.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
  for (const path of signedIn) {
    const response = await page.request.get(path, { maxRedirects: 0 });
    checked += 1;
    const isHtml = /text\/html/.test(response.headers()["content-type"] ?? "") || response.status() >= 300;
    expect(isHtml, `${path} is HTML or a redirect`).toBe(true);
    problems.push(...headerProblems(`${path} (${response.status()})`, response.headers()));
  }

  const cookies = await page.context().cookies();
  const session = cookies.find((cookie) => /authjs\.session-token$/.test(cookie.name));
  const cookieProblems: string[] = [];
  if (!session) cookieProblems.push("no session cookie");
  else {
    if (!session.name.startsWith("__Secure-")) cookieProblems.push(`${session.name}: no __Secure- prefix`);
    if (!session.httpOnly) cookieProblems.push("session cookie readable by scripts");
    if (session.sameSite !== "Lax") cookieProblems.push(`session cookie SameSite=${session.sameSite}`);
    if (!session.secure) cookieProblems.push("session cookie not Secure");
  }
  const readable = await page.evaluate(() => document.cookie);
  if (/session-token/.test(readable)) cookieProblems.push("session token visible to document.cookie");

  reportFigure(
    "8. headers",
    `responses checked ${checked}, missing or weak headers ${problems.length}`,
    problems.length === 0,
  );
  reportFigure(
    "8. session cookie",
    `flags checked 4 (HttpOnly, SameSite=Lax, Secure, __Secure- prefix), problems ${cookieProblems.length}`,
    cookieProblems.length === 0,
  );
  expect(problems).toEqual([]);
  expect(cookieProblems).toEqual([]);
});

test("every response gets its own script nonce, and every script in the page carries it", async ({
  request,
}) => {
  const nonces: string[] = [];
  for (let i = 0; i < 2; i++) {
    const response = await request.get("/sign-in");
    const csp = response.headers()["content-security-policy"] ?? "";
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1] ?? "";
    expect(nonce.length).toBeGreaterThanOrEqual(16);
    nonces.push(nonce);
    const html = await response.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((match) => match[0]);
    expect(scripts.length).toBeGreaterThan(0);
    const withoutNonce = scripts.filter((tag) => !tag.includes(`nonce="${nonce}"`));
    expect(withoutNonce).toEqual([]);
  }
  expect(nonces[0]).not.toBe(nonces[1]);
});
