/**
 * The server Playwright tests run against: a throwaway embedded PostgreSQL, migrations, the demo
 * seed, a capturing SMTP server, and the production build (`next start`).
 */
import crypto from "node:crypto";
import fs from "node:fs";
import { runPrisma } from "./prisma";
import { serveProduction } from "./lib/serve";
import { startThrowawayPostgres } from "./lib/embedded-db";
import { startMailCapture } from "../tests/support/mail-capture";
import { seedIfEmpty } from "../prisma/seed";
import { E2E, e2eStackFile } from "../e2e/ports";

async function main() {
  const db = await startThrowawayPostgres("e2e");
  const env = { ...process.env, DATABASE_URL: db.url };
  // The trust specs seed payloads and count rows directly in this throwaway database.
  fs.writeFileSync(e2eStackFile(), JSON.stringify({ databaseUrl: db.url }), { mode: 0o600 });
  await runPrisma(["migrate", "deploy"], env);
  await seedIfEmpty(db.url);
  const mail = await startMailCapture(E2E.smtpPort, E2E.mailApiPort);
  // `npm start`'s own server: the front server establishes the client address (TRUST_PROXY unset:
  // the TCP peer), then Next.js. Every spec's browser comes from 127.0.0.1, so the per-client email
  // budget is raised; e2e/trust/client-ip.spec.ts connects from other loopback addresses.
  const { child } = await serveProduction({
    port: E2E.appPort,
    env: {
      ...env,
      AUTH_SECRET: crypto.randomBytes(32).toString("base64url"),
      APP_URL: E2E.baseUrl,
      SMTP_URL: mail.smtpUrl,
      TRUST_PROXY: "",
      ACCOUNT_EMAILS_PER_IP_PER_HOUR: "100000",
      // The right-to-left pseudo-locale (ar-XB) for e2e/i18n.spec.ts; never offered to users.
      PSEUDO_LOCALE: "1",
      // One instance: e2e/trust/dos.spec.ts measures it (appPid below), whatever the shell exported.
      WEB_CONCURRENCY: "1",
    },
    db,
  });
  // e2e/trust/dos.spec.ts measures this process (Next.js; with its children) and checks it never restarts.
  fs.writeFileSync(
    e2eStackFile(),
    JSON.stringify({ databaseUrl: db.url, appPid: child.pid, frontPid: process.pid }),
    { mode: 0o600 },
  );
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
