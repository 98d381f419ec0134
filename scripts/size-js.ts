/**
 * Measurement (not a test): the first-load JavaScript of pages on a production build — every script the
 * HTML loads, raw and gzipped — and the page's HTML size. Used to check that the message catalogues
 * (issue 13: at most +10 KB) and the tracker page (issue 14: within 1.3× of sign-in) stay light.
 *
 *   npm run build && npm run size:js [-- --locale fr]
 */
import zlib from "node:zlib";
import { runPrisma } from "./prisma";
import { signIn, startBenchServer } from "./lib/bench";
import { findFreePort, startThrowawayPostgres } from "./lib/embedded-db";
import { DEMO_PASSWORD, DEMO_USERS, seedIfEmpty } from "../prisma/seed";

const localeIndex = process.argv.indexOf("--locale");
const LOCALE = localeIndex > 0 ? process.argv[localeIndex + 1]! : "en";

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

async function measure(base: string, path: string, cookie: string) {
  const response = await fetch(`${base}${path}`, { headers: { cookie } });
  const html = await response.text();
  if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
  const scripts = [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]!);
  let raw = 0;
  let gzip = 0;
  for (const src of new Set(scripts)) {
    const body = Buffer.from(await (await fetch(new URL(src, base))).arrayBuffer());
    raw += body.length;
    gzip += zlib.gzipSync(body).length;
  }
  const inlineRsc = [...html.matchAll(/<script[^>]*>(self\.__next_f\.push[\s\S]*?)<\/script>/g)].reduce(
    (sum, m) => sum + m[1]!.length,
    0,
  );
  return {
    scripts: new Set(scripts).size,
    raw,
    gzip,
    html: html.length,
    htmlGzip: zlib.gzipSync(html).length,
    inlineRsc,
  };
}

async function main() {
  const db = await startThrowawayPostgres("sizejs");
  const port = await findFreePort(3990);
  const base = `http://localhost:${port}`;
  let server: Awaited<ReturnType<typeof startBenchServer>> | undefined;
  try {
    const env = { ...process.env, DATABASE_URL: db.url };
    await runPrisma(["migrate", "deploy"], env);
    await seedIfEmpty(db.url);
    server = await startBenchServer(base, port, env);
    const session = await signIn(base, DEMO_USERS.owner.email, DEMO_PASSWORD);
    const cookie = `NEXT_LOCALE=${LOCALE}; ${session}`;
    const trackerPath = await fetch(`${base}/w/demo`, { headers: { cookie } })
      .then((r) => r.text())
      .then((html) => /href="(\/w\/demo\/t\/[^"/?]+)"/.exec(html)?.[1]);
    const rows: [string, string, string][] = [
      ["sign-in", "/sign-in", `NEXT_LOCALE=${LOCALE}`],
      ["workspace", "/w/demo", cookie],
      ["tracker", trackerPath ?? "/w/demo", cookie],
    ];
    console.log(`locale ${LOCALE}`);
    console.log("page        scripts  JS raw     JS gzip   HTML      HTML gzip  inline RSC");
    for (const [name, path, c] of rows) {
      const m = await measure(base, path, c);
      console.log(
        `${name.padEnd(11)} ${String(m.scripts).padStart(7)}  ${kb(m.raw).padEnd(9)}  ${kb(m.gzip).padEnd(8)}  ${kb(m.html).padEnd(8)}  ${kb(m.htmlGzip).padEnd(9)}  ${kb(m.inlineRsc)}`,
      );
    }
  } finally {
    server?.child.kill();
    await db.stop();
  }
}

void main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
