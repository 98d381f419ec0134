/**
 * Benchmark (not a test): a generated 600-page PDF (~10 MB, UPR-report-like numbered recommendations) parsed
 * and extracted in the parse sandbox (lib/server/sandbox.ts: a worker thread) while this process keeps
 * answering HTTP requests for another page; prints the parse time and the p50/p95/max latency of those
 * requests during the parse, and the same without a parse running for comparison.
 *
 *   npx tsx --conditions=react-server scripts/bench-large-pdf.ts [pages]
 */
import crypto from "node:crypto";
import http from "node:http";
import { performance } from "node:perf_hooks";
import { PDFDocument, StandardFonts } from "@cantoo/pdf-lib";
import { PARSE_LIMITS, runBounded } from "@/lib/server/sandbox";

const PAGES = Number(process.argv[2] ?? 600);

async function makePdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  let item = 0;
  const filler =
    "taking into account the recommendations of the treaty bodies and the special procedures, with a time frame";
  for (let p = 0; p < PAGES; p++) {
    const page = pdf.addPage([595, 842]);
    if (p === 0) {
      page.drawText("Report of the Working Group on the Universal Periodic Review", {
        x: 50,
        y: 795,
        size: 12,
        font,
      });
    }
    page.drawText(`A/HRC/99/${p % 7}`, { x: 50, y: 810, size: 9, font });
    let y = 780;
    for (let line = 0; line < 62; line++) {
      const text =
        line % 3 === 0
          ? `${100 + Math.floor(item / 500)}.${(item++ % 500) + 1} Ratify and implement the instrument ${p}-${line} (France, Chile);`
          : `${filler} ${p}-${line} and an adequate budget for its implementation.`;
      page.drawText(text, { x: 50, y, size: 6.5, font });
      y -= 12;
    }
    page.drawText(`GE.99-${String(10000 + p)}`, { x: 50, y: 30, size: 8, font });
    page.drawText(String(p + 1), { x: 540, y: 30, size: 8, font });
  }
  // pdf-lib compresses the text: an attached file of random bytes (which no parser reads) brings the file to
  // the 10 MB upload limit, so the upload path sees a full-size file
  const text = await pdf.save({ useObjectStreams: false });
  const padding = Math.max(0, 10 * 1024 * 1024 - text.byteLength - 64 * 1024);
  const noise = new Uint8Array(padding);
  for (let i = 0; i < noise.length; i += 65_536) crypto.getRandomValues(noise.subarray(i, i + 65_536));
  await pdf.attach(noise, "padding.bin", { mimeType: "application/octet-stream" });
  return pdf.save({ useObjectStreams: false });
}

function percentile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] ?? NaN;
}

/** Requests "another page" every 25 ms until `until` settles; returns their latencies. */
async function probe(port: number, until: Promise<unknown>): Promise<number[]> {
  let done = false;
  void until.finally(() => (done = true));
  const latencies: number[] = [];
  while (!done) {
    const started = performance.now();
    await new Promise<void>((resolve, reject) => {
      http
        .get(`http://127.0.0.1:${port}/other-page`, (res) => {
          res.resume();
          res.on("end", () => resolve());
        })
        .on("error", reject);
    });
    latencies.push(performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return latencies;
}

async function main() {
  const bytes = await makePdf();
  console.log(`PDF: ${PAGES} pages, ${(bytes.byteLength / 1024 / 1024).toFixed(1)} MB`);
  // "another page": a small server-rendered response, built on the main thread like a page render
  const server = http.createServer((_req, res) => {
    const body = JSON.stringify(Array.from({ length: 200 }, (_, i) => ({ id: i, title: `Row ${i}` })));
    res.writeHead(200, { "content-type": "application/json" }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;

  const idle = await probe(port, new Promise((resolve) => setTimeout(resolve, 3_000)));
  const limits = { ...PARSE_LIMITS, timeoutMs: 300_000, maxOldGenerationSizeMb: 1024, maxRssGrowthMb: 1500 };
  const started = performance.now();
  const parse = runBounded(
    "document",
    { file: { fileName: "big.pdf", mimeType: "application/pdf", bytes } },
    limits,
  );
  const busy = await probe(
    port,
    parse.catch(() => undefined),
  );
  let summary = "";
  try {
    const result = await parse;
    summary = `${result.extraction.kind}, ${result.extraction.candidates.length} candidates, ${result.parsed.text.length} characters`;
  } catch (error) {
    summary = `failed: ${(error as Error).message}`;
  }
  const parseMs = performance.now() - started;
  server.close();
  const fmt = (values: number[]) =>
    `n=${values.length} p50 ${percentile(values, 0.5).toFixed(1)} ms, p95 ${percentile(values, 0.95).toFixed(1)} ms, max ${Math.max(...values).toFixed(1)} ms`;
  console.log(`parse + extract in the sandbox: ${(parseMs / 1000).toFixed(1)} s (${summary})`);
  console.log(`another page, idle:           ${fmt(idle)}`);
  console.log(`another page, during parse:   ${fmt(busy)}`);
  console.log(
    `production limits: ${PARSE_LIMITS.timeoutMs / 1000} s, heap ${PARSE_LIMITS.maxOldGenerationSizeMb} MB`,
  );
}

await main();
