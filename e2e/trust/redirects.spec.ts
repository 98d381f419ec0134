/**
 * Trust item 6 (browser half): open redirects. Hostile callbackUrl values go to the sign-in and
 * sign-up pages (which redirect a signed-in user to it), to Auth.js's own endpoints (/api/auth/signin,
 * the credentials callback, signout, and its callback-url cookie), and through a real sign-in form.
 * Every Location header must resolve to this origin.
 */
import { expect, test, type APIResponse } from "@playwright/test";
import { E2E } from "../ports";
import { reportFigure } from "../../tests/support/trust-report";

const DEMO = { email: "editor@demo.advocacy.test", password: "advocacy-demo-2021" };
const ORIGIN = new URL(E2E.baseUrl).origin;

const HOSTILE = [
  "//evil.example",
  "///evil.example",
  "/\\evil.example",
  "\\\\evil.example",
  "/\\/evil.example",
  "https://evil.example",
  "https://evil.example/w/demo",
  "http:evil.example",
  "https:/evil.example",
  "//evil.example/%2F..",
  "/.//evil.example",
  "/%2F/evil.example",
  "%2F%2Fevil.example",
  "/%5Cevil.example",
  "/\t/evil.example",
  "/%09/evil.example",
  "//evil.example@localhost",
  `${ORIGIN}.evil.example`,
  `${ORIGIN}@evil.example`,
  "javascript:alert(1)",
];

test("no callbackUrl sends anyone to another origin", async ({ page, request }) => {
  const offOrigin: string[] = [];
  let attempts = 0;
  const check = (label: string, response: APIResponse) => {
    attempts += 1;
    const location = response.headers()["location"];
    if (!location) return;
    const resolved = new URL(location, E2E.baseUrl);
    if (resolved.origin !== ORIGIN) offOrigin.push(`${label} → ${location}`);
  };

  // Anonymous: Auth.js's own endpoints and its callback-url cookie.
  for (const value of HOSTILE) {
    check(
      `GET /api/auth/signin?callbackUrl=${value}`,
      await request.get(`/api/auth/signin?callbackUrl=${encodeURIComponent(value)}`, { maxRedirects: 0 }),
    );
  }

  // Signed in (through a real sign-in with a hostile callbackUrl in the form).
  await page.goto(`/sign-in?callbackUrl=${encodeURIComponent("https://evil.example/")}`);
  await page.getByLabel("Email").fill(DEMO.email);
  await page.getByLabel("Password").fill(DEMO.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
  attempts += 1;
  if (new URL(page.url()).origin !== ORIGIN) offOrigin.push(`browser sign-in → ${page.url()}`);

  const signedIn = page.request;
  for (const value of HOSTILE) {
    const q = encodeURIComponent(value);
    check(
      `GET /sign-in?callbackUrl=${value}`,
      await signedIn.get(`/sign-in?callbackUrl=${q}`, { maxRedirects: 0 }),
    );
    check(
      `GET /sign-up?callbackUrl=${value}`,
      await signedIn.get(`/sign-up?callbackUrl=${q}`, { maxRedirects: 0 }),
    );
    // Raw, unencoded query too (what a crafted link can carry).
    check(
      `GET /sign-in?callbackUrl=${value} (raw)`,
      await signedIn.get(`/sign-in?callbackUrl=${value.replace(/[\t#&]/g, encodeURIComponent)}`, {
        maxRedirects: 0,
      }),
    );
  }

  // Auth.js credentials callback and signout with hostile callbackUrl, in the body and in its cookie.
  for (const value of HOSTILE.slice(0, 8)) {
    const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
    check(
      `POST /api/auth/callback/credentials callbackUrl=${value}`,
      await request.post("/api/auth/callback/credentials", {
        form: { csrfToken, email: DEMO.email, password: DEMO.password, callbackUrl: value },
        maxRedirects: 0,
      }),
    );
    check(
      `POST /api/auth/signout callbackUrl=${value}`,
      await request.post("/api/auth/signout", { form: { csrfToken, callbackUrl: value }, maxRedirects: 0 }),
    );
    check(
      `GET /api/auth/signin with callback-url cookie ${value}`,
      await request.get("/api/auth/signin", {
        headers: {
          cookie: `__Secure-authjs.callback-url=${encodeURIComponent(value)}; authjs.callback-url=${encodeURIComponent(value)}`,
        },
        maxRedirects: 0,
      }),
    );
  }

  reportFigure(
    "6. open redirects",
    `attempts ${attempts}, off-origin redirects ${offOrigin.length}`,
    offOrigin.length === 0,
  );
  expect(offOrigin).toEqual([]);
});
