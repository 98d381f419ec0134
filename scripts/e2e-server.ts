/**
 * The server Playwright tests run against: a throwaway embedded PostgreSQL, migrations, the demo
 * seed, a capturing SMTP server, and the production build (`next start`).
 */
import crypto from "node:crypto";
import fs from "node:fs";
import { runPrisma } from "./prisma";
import { runNext, stopAllOnSignal } from "./lib/app-env";
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
  const { child, exited } = runNext(["start", "--port", String(E2E.appPort)], {
    ...env,
    NODE_ENV: "production",
    AUTH_SECRET: crypto.randomBytes(32).toString("base64url"),
    APP_URL: E2E.baseUrl,
    SMTP_URL: mail.smtpUrl,
  });
  stopAllOnSignal(child, exited, db);
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
