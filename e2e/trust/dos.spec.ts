/**
 * Denial of service (docs/security.md, item 18): one request from any signed-in account must not stall or
 * crash the server for everyone. Against the production build the e2e server runs, a corpus of adversarial
 * uploads — one per class of bounded work — is sent one after another while a probe asks `/api/health`
 * every ~50 ms and a sampler reads the resident memory of the Next.js process and its children from /proc.
 *
 * Per case and overall: the largest and p99 health latency (an event-loop stall shows up there), the peak
 * RSS growth over the case's own start, and the answer the user got (status and message: a clear error, no
 * stack). At the end the app process must be the same (same pid, no restart) and healthy.
 */
import { once } from "node:events";
import fs from "node:fs";
import zlib from "node:zlib";
import { PDFDocument } from "@cantoo/pdf-lib";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { createWorkspace, signUp, uniqueEmail, uniqueSlug } from "../helpers";
import { E2E, e2eStackFile } from "../ports";
import { reportFigure } from "../../tests/support/trust-report";
import { openDb } from "./support";

const HEALTH_P99_LIMIT_MS = 500;
const RSS_GROWTH_LIMIT_MB = 256;
const PROBE_INTERVAL_MS = 50;

// ---------------------------------------------------------------------------------------------------------
// The server process: pid from the e2e stack file, RSS of it and its descendants from /proc

function appPid(): number {
  const { appPid: pid } = JSON.parse(fs.readFileSync(e2eStackFile(), "utf8")) as { appPid?: number };
  if (!pid) throw new Error("The e2e stack file has no appPid: is scripts/e2e-server.ts up to date?");
  return pid;
}

function isAlive(pid: number): boolean {
  return fs.existsSync(`/proc/${pid}`);
}

/** Resident memory (bytes) of `pid` and every process below it. */
function treeRss(pid: number): number {
  const parents = new Map<number, number>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      // the command name is in parentheses and may hold spaces: fields start after the last ")"
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      parents.set(Number(entry), ppid);
    } catch {
      // the process ended meanwhile
    }
  }
  const tree = new Set([pid]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [child, parent] of parents) {
      if (tree.has(parent) && !tree.has(child)) {
        tree.add(child);
        grew = true;
      }
    }
  }
  let total = 0;
  for (const member of tree) {
    try {
      const status = fs.readFileSync(`/proc/${member}/status`, "utf8");
      const kb = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
      total += Number(kb ?? 0) * 1024;
    } catch {
      // ended meanwhile
    }
  }
  return total;
}

// ---------------------------------------------------------------------------------------------------------
// Probe: health latency and RSS while a case runs

type Probe = { latencies: number[]; failures: number; peakRss: number; stop: () => Promise<void> };

function startProbe(pid: number): Probe {
  const probe: Probe = { latencies: [], failures: 0, peakRss: treeRss(pid), stop: async () => {} };
  let running = true;
  const health = (async () => {
    while (running) {
      const started = performance.now();
      try {
        const response = await fetch(`${E2E.baseUrl}/api/health`, { signal: AbortSignal.timeout(30_000) });
        await response.arrayBuffer();
        if (response.status !== 200) probe.failures += 1;
      } catch {
        probe.failures += 1;
      }
      const elapsed = performance.now() - started;
      probe.latencies.push(elapsed);
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, PROBE_INTERVAL_MS - elapsed)));
    }
  })();
  const memory = setInterval(() => {
    probe.peakRss = Math.max(probe.peakRss, treeRss(pid));
  }, 25);
  probe.stop = async () => {
    running = false;
    clearInterval(memory);
    await health;
  };
  return probe;
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
};
const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

// ---------------------------------------------------------------------------------------------------------
// The corpus

/** Raw deflate of `chunks`, streamed: a repeated chunk is never held more than once. */
async function deflateStream(chunks: Iterable<Buffer>): Promise<Buffer> {
  const parts: Buffer[] = [];
  const deflate = zlib.createDeflateRaw({ level: 9 });
  deflate.on("data", (data: Buffer) => parts.push(data));
  const done = new Promise<void>((resolve, reject) => {
    deflate.on("end", resolve);
    deflate.on("error", reject);
  });
  for (const chunk of chunks) {
    if (!deflate.write(chunk)) await once(deflate, "drain");
  }
  deflate.end();
  await done;
  return Buffer.concat(parts);
}

function* repeated(head: Buffer, chunk: Buffer, times: number, tail: Buffer) {
  yield head;
  for (let i = 0; i < times; i++) yield chunk;
  yield tail;
}

type ZipEntry = { name: string; data: Buffer; size: number; crc: number };

/** A zip (deflate entries) built by hand; `declaredSize` replaces every uncompressed size (a lying zip). */
function buildZip(entries: ZipEntry[], declaredSize?: number): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name);
    const size = declaredSize ?? entry.size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(entry.crc, 14);
    local.writeUInt32LE(entry.data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(entry.crc, 16);
    central.writeUInt32LE(entry.data.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, entry.data);
    centrals.push(central, name);
    offset += local.length + name.length + entry.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const xmlEntry = (name: string, text: string): ZipEntry => {
  const raw = Buffer.from(text);
  return { name, data: zlib.deflateRawSync(raw), size: raw.length, crc: zlib.crc32(raw) };
};

/** A valid .docx whose word/document.xml is `megabytes` MB of spaces in one text run. */
async function docxBomb(megabytes: number, declaredSize?: number): Promise<Buffer> {
  const head = Buffer.from(
    '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t xml:space="preserve">',
  );
  const tail = Buffer.from("</w:t></w:r></w:p></w:body></w:document>");
  const chunk = Buffer.alloc(1024 * 1024, 0x20);
  let crc = zlib.crc32(head);
  for (let i = 0; i < megabytes; i++) crc = zlib.crc32(chunk, crc);
  crc = zlib.crc32(tail, crc);
  const data = await deflateStream(repeated(head, chunk, megabytes, tail));
  const size = head.length + megabytes * chunk.length + tail.length;
  return buildZip(
    [
      xmlEntry(
        "[Content_Types].xml",
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
      ),
      xmlEntry(
        "_rels/.rels",
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
      ),
      { name: "word/document.xml", data, size, crc },
    ],
    declaredSize,
  );
}

/** A one-page PDF whose content stream inflates to `megabytes` MB (text operators, then spaces). */
async function pdfFlateBomb(megabytes: number): Promise<Buffer> {
  const head = Buffer.from("BT /F1 12 Tf 72 720 Td (Flate bomb) Tj ET\n");
  const stream = await deflateStream(
    repeated(Buffer.from(""), Buffer.alloc(1024 * 1024, 0x20), megabytes, head),
  );
  const zlibStream = Buffer.concat([Buffer.from([0x78, 0xda]), stream, Buffer.alloc(4)]); // zlib wrapper
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    null,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  const chunks: Buffer[] = [Buffer.from("%PDF-1.7\n")];
  const offsets: number[] = [];
  let length = chunks[0]!.length;
  objects.forEach((body, index) => {
    offsets.push(length);
    const part =
      body === null
        ? Buffer.concat([
            Buffer.from(
              `${index + 1} 0 obj\n<< /Length ${zlibStream.length} /Filter /FlateDecode >>\nstream\n`,
            ),
            zlibStream,
            Buffer.from("\nendstream\nendobj\n"),
          ])
        : Buffer.from(`${index + 1} 0 obj\n${body}\nendobj\n`);
    chunks.push(part);
    length += part.length;
  });
  const xref = [
    "xref",
    `0 ${objects.length + 1}`,
    "0000000000 65535 f ",
    ...offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n `),
    "trailer",
    `<< /Size ${objects.length + 1} /Root 1 0 R >>`,
    "startxref",
    String(length),
    "%%EOF",
  ].join("\n");
  chunks.push(Buffer.from(`${xref}\n`));
  return Buffer.concat(chunks);
}

async function manyPagesPdf(pages: number): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  for (let i = 0; i < pages; i++) pdf.addPage([200, 200]);
  return Buffer.from(await pdf.save());
}

function wideJson(objects: number, keysPerObject: number): Buffer {
  const list = Array.from({ length: objects }, (_, i) =>
    Object.fromEntries(Array.from({ length: keysPerObject }, (__, j) => [`k${i}_${j}`, "v"])),
  );
  return Buffer.from(JSON.stringify(list));
}

// ---------------------------------------------------------------------------------------------------------
// The run

type Outcome = {
  name: string;
  status: number;
  message: string;
  maxLatency: number;
  p99: number;
  rssGrowthMb: number;
  isClear: boolean;
};

let page: Page;
let slug: string;
let trackerId: string;

test.describe.configure({ mode: "serial" });
test.setTimeout(600_000);

test.beforeAll(async ({ browser }) => {
  const context = await browser.newContext();
  page = await context.newPage();
  slug = uniqueSlug("dos");
  await signUp(page, { name: "Mallory Member", email: uniqueEmail("dos") });
  await createWorkspace(page, "DoS coalition", slug);
  await page.getByRole("button", { name: "New tracker" }).click();
  await page.getByLabel("Name").fill("Target tracker");
  await page.getByLabel("Sections, one per line").fill("Imported");
  await page.getByRole("button", { name: "Create tracker" }).click();
  await expect(page.getByRole("heading", { name: "Target tracker" })).toBeVisible();
  trackerId = /\/t\/([^/?#]+)/.exec(page.url())![1]!;
});

/** A clear error: a JSON `{ error }` with a sentence for a person, no stack trace, SQL or internals. */
function isClearError(
  status: number,
  body: string,
  expected: number[],
): { message: string; isClear: boolean } {
  let message = body.slice(0, 300);
  try {
    const parsed = JSON.parse(body) as { error?: unknown };
    if (typeof parsed.error === "string") message = parsed.error;
    else return { message, isClear: expected.includes(status) && status < 300 };
  } catch {
    return { message, isClear: false };
  }
  const leaks = /\bat .+:\d+:\d+|Error:|node_modules|prisma|SELECT |ERR_/i.test(message);
  return { message, isClear: expected.includes(status) && !leaks && message.length < 400 };
}

async function upload(
  request: APIRequestContext,
  kind: "document" | "import",
  name: string,
  body: Buffer,
  contentType: string,
) {
  const url =
    kind === "document"
      ? `/api/w/${slug}/document-uploads?name=${encodeURIComponent(name)}`
      : `/api/w/${slug}/t/${trackerId}/import-uploads?name=${encodeURIComponent(name)}`;
  return request.post(url, {
    data: body,
    headers: { "Content-Type": contentType, Origin: E2E.baseUrl },
    timeout: 120_000,
  });
}

test("adversarial uploads stall nothing, crash nothing, and get a clear answer", async () => {
  const pid = appPid();
  expect(isAlive(pid)).toBe(true);
  const outcomes: Outcome[] = [];
  const allLatencies: number[] = [];

  const run = async (
    name: string,
    expected: number[],
    send: () => Promise<{ status: number; body: string }>,
  ) => {
    const baseline = treeRss(pid);
    const probe = startProbe(pid);
    let status = 0;
    let body = "";
    try {
      ({ status, body } = await send());
    } finally {
      await new Promise((resolve) => setTimeout(resolve, 300)); // a stall right after the answer counts too
      await probe.stop();
    }
    const { message, isClear } = isClearError(status, body, expected);
    const outcome: Outcome = {
      name,
      status,
      message,
      maxLatency: Math.round(Math.max(...probe.latencies)),
      p99: Math.round(percentile(probe.latencies, 99)),
      rssGrowthMb: mb(probe.peakRss - baseline),
      isClear: isClear && probe.failures === 0,
    };
    outcomes.push(outcome);
    allLatencies.push(...probe.latencies);
    console.log(
      `[dos] ${name}: ${status} “${message.slice(0, 120)}” · health max ${outcome.maxLatency} ms, p99 ${outcome.p99} ms (${probe.latencies.length} probes, ${probe.failures} failed) · RSS +${outcome.rssGrowthMb} MB`,
    );
  };
  const send = (kind: "document" | "import", name: string, body: Buffer, type: string) => async () => {
    const response = await upload(page.request, kind, name, body, type);
    return { status: response.status(), body: await response.text() };
  };

  await run(
    "paste of 150 KB spaces and tabs (.txt)",
    [201, 400],
    send(
      "document",
      "spaces.txt",
      Buffer.from(" \t".repeat(75_000) + "word" + "\t ".repeat(1_000)),
      "text/plain",
    ),
  );
  await run(
    "CSV with one 5 MB cell in the email column",
    [400, 413, 422],
    send(
      "import",
      "big-cell.csv",
      Buffer.from(`Text,Owner email\nRatify the treaty,${"a".repeat(5 * 1024 * 1024)}@example.org\n`),
      "text/csv",
    ),
  );
  await run(
    "CSV with a 50,000-column header",
    [400, 413, 422],
    send(
      "import",
      "wide.csv",
      Buffer.from(
        `${Array.from({ length: 50_000 }, (_, i) => `Column ${i}`).join(",")}\n${"x,".repeat(50_000)}\n`,
      ),
      "text/csv",
    ),
  );
  await run(
    "JSON import, 2,000 distinct keys per object",
    [400, 413, 422],
    send("import", "wide.json", wideJson(50, 2_000), "application/json"),
  );
  await run(
    "JSON nested 100,000 levels",
    [400, 413, 422],
    send("import", "deep.json", Buffer.from("[".repeat(100_000) + "]".repeat(100_000)), "application/json"),
  );
  const docxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  await run(
    "DOCX zip bomb, 500 MB of spaces",
    [400, 413, 422],
    send("document", "bomb.docx", await docxBomb(500), docxType),
  );
  await run(
    "DOCX zip bomb whose sizes lie (declared 1 KB)",
    [400, 413, 422],
    send("document", "lying.docx", await docxBomb(500, 1024), docxType),
  );
  await run(
    "PDF with a FlateDecode stream of 400 MB",
    [400, 413, 422],
    send("document", "flate.pdf", await pdfFlateBomb(400), "application/pdf"),
  );
  await run(
    "PDF with 5,000 pages",
    [400, 413, 422],
    send("document", "pages.pdf", await manyPagesPdf(5_000), "application/pdf"),
  );
  await run("six JSON key bombs at once", [400, 413, 422, 503], async () => {
    const body = wideJson(50, 2_000);
    const responses = await Promise.all(
      Array.from({ length: 6 }, () => upload(page.request, "import", "wide.json", body, "application/json")),
    );
    const texts = await Promise.all(responses.map((r) => r.text()));
    const worst = responses.findIndex((r) => r.status() >= 500 && r.status() !== 503);
    const index = worst >= 0 ? worst : 0;
    return { status: responses[index]!.status(), body: texts[index]! };
  });

  // Staging beyond the quota: 45 MB files, one after another; the user's staged bytes must stay within it.
  const line = `REF,"${"lorem ipsum ".repeat(40)}",Section,"a, b",Country\n`;
  const bigCsv = Buffer.from(
    `Reference id,Text,Section,Tags,Country\n${line.repeat(Math.floor((45 * 1024 * 1024) / line.length))}`,
  );
  let lastStatus = 0;
  await run("staging 4 × 45 MB beyond the 120 MB quota", [201, 400, 413, 429], async () => {
    let last = { status: 0, body: "" };
    for (let i = 0; i < 4; i++) {
      const response = await upload(page.request, "import", `big-${i}.csv`, bigCsv, "text/csv");
      last = { status: response.status(), body: await response.text() };
      lastStatus = last.status;
    }
    return last;
  });
  const db = openDb();
  const staged = await db.$queryRaw<{ bytes: bigint | null }[]>`
    SELECT sum(octet_length(u.bytes)) AS bytes FROM "Upload" u
    JOIN "Workspace" w ON w.id = u."workspaceId" WHERE w.slug = ${slug}`;
  await db.$disconnect();
  const stagedMb = mb(Number(staged[0]?.bytes ?? 0));
  console.log(`[dos] staged after the quota case: ${stagedMb} MB (last answer ${lastStatus})`);

  // The process survived, unchanged, and answers.
  const final = await fetch(`${E2E.baseUrl}/api/health`);
  const isSameProcess = isAlive(pid) && appPid() === pid;
  const isHealthy = final.status === 200;
  const p99 = Math.round(percentile(allLatencies, 99));
  const maxLatency = Math.round(Math.max(...allLatencies));
  const maxGrowth = Math.max(...outcomes.map((o) => o.rssGrowthMb));
  const unclear = outcomes.filter((o) => !o.isClear);

  for (const o of outcomes) {
    reportFigure(
      `e2e/trust/dos.spec.ts: ${o.name}`,
      `answer ${o.status} “${o.message.slice(0, 100)}”; health max ${o.maxLatency} ms, p99 ${o.p99} ms; RSS +${o.rssGrowthMb} MB`,
      o.isClear && o.p99 < HEALTH_P99_LIMIT_MS && o.rssGrowthMb < RSS_GROWTH_LIMIT_MB,
    );
  }
  reportFigure(
    "e2e/trust/dos.spec.ts",
    `cases ${outcomes.length}; health p99 ${p99} ms (limit ${HEALTH_P99_LIMIT_MS}), max ${maxLatency} ms; largest RSS growth ${maxGrowth} MB (limit ${RSS_GROWTH_LIMIT_MB}); staged ${stagedMb} MB (quota 120); unclear answers ${unclear.length}; restarts ${isSameProcess ? 0 : 1}; health at end ${final.status}`,
    p99 < HEALTH_P99_LIMIT_MS &&
      maxGrowth < RSS_GROWTH_LIMIT_MB &&
      stagedMb <= 120 &&
      unclear.length === 0 &&
      isSameProcess &&
      isHealthy,
  );

  expect(unclear.map((o) => `${o.name}: ${o.status} ${o.message}`)).toEqual([]);
  expect(isSameProcess, "the app process restarted").toBe(true);
  expect(isHealthy).toBe(true);
  expect(p99, "health p99 (ms)").toBeLessThan(HEALTH_P99_LIMIT_MS);
  expect(maxGrowth, "largest RSS growth (MB)").toBeLessThan(RSS_GROWTH_LIMIT_MB);
  expect(stagedMb).toBeLessThanOrEqual(120);
});
