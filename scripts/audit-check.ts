/**
 * Trust item 14: `npm audit --omit=dev` must show no high or critical advisory, unless it is listed
 * as a documented exception in docs/security.md ("Dependency exceptions" table, one advisory id or URL
 * per row). When the audit service cannot be reached the result is "not checked", never a failure:
 * the suite must run offline.
 *
 *   npm run audit:check
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

export type AuditOutcome =
  | { status: "not checked"; reason: string; nextVersion: string; latestNext?: string }
  | {
      status: "checked";
      total: number;
      blocking: string[];
      excepted: string[];
      nextVersion: string;
      latestNext?: string;
    };

type AuditJson = {
  metadata?: { vulnerabilities?: Record<string, number> };
  vulnerabilities?: Record<
    string,
    {
      severity: string;
      via: (string | { title?: string; url?: string; severity?: string; source?: number })[];
    }
  >;
  message?: string;
  error?: { summary?: string };
};

const root = process.cwd();

/** Advisory ids and URLs listed in docs/security.md under "Dependency exceptions". */
export function documentedExceptions(file = path.join(root, "docs/security.md")): string[] {
  if (!fs.existsSync(file)) return [];
  const text = fs.readFileSync(file, "utf8");
  const section = text.split(/^## Dependency exceptions/m)[1]?.split(/^## /m)[0] ?? "";
  return [...section.matchAll(/(GHSA-[\w-]+|https:\/\/github\.com\/advisories\/[\w-]+)/g)].map((m) => m[1]!);
}

function installedNextVersion(): string {
  const pkg = path.join(root, "node_modules/next/package.json");
  return fs.existsSync(pkg) ? (JSON.parse(fs.readFileSync(pkg, "utf8")) as { version: string }).version : "?";
}

function latestNextPatch(major: string): string | undefined {
  const result = spawnSync("npm", ["view", `next@${major}`, "version", "--json"], {
    encoding: "utf8",
    timeout: 30_000,
  });
  if (result.status !== 0) return undefined;
  try {
    const parsed = JSON.parse(result.stdout) as string | string[];
    const versions = (Array.isArray(parsed) ? parsed : [parsed]).filter((v) => !v.includes("-"));
    return versions.at(-1);
  } catch {
    return undefined;
  }
}

export function checkAudit(): AuditOutcome {
  const nextVersion = installedNextVersion();
  const latestNext = latestNextPatch(nextVersion.split(".")[0] ?? "16");
  const result = spawnSync("npm", ["audit", "--omit=dev", "--json"], { encoding: "utf8", timeout: 60_000 });
  let json: AuditJson;
  try {
    json = JSON.parse(result.stdout || "{}") as AuditJson;
  } catch {
    return { status: "not checked", reason: "npm audit gave no JSON", nextVersion, latestNext };
  }
  if (!json.metadata?.vulnerabilities) {
    const reason = (json.message ?? json.error?.summary ?? result.stderr ?? "no answer")
      .split("\n")[0]!
      .slice(0, 120);
    const short = reason.replace(/https?:\/\/\S+/g, "the registry");
    return { status: "not checked", reason: `audit service unavailable: ${short}`, nextVersion, latestNext };
  }
  const exceptions = documentedExceptions();
  const blocking: string[] = [];
  const excepted: string[] = [];
  for (const [name, vulnerability] of Object.entries(json.vulnerabilities ?? {})) {
    if (vulnerability.severity !== "high" && vulnerability.severity !== "critical") continue;
    const advisories = vulnerability.via.filter(
      (via): via is { url?: string; title?: string } => typeof via === "object",
    );
    // A package flagged only through another package ("via": ["other"]) is covered by that package's advisory.
    for (const advisory of advisories) {
      const id = advisory.url ?? advisory.title ?? name;
      const isExcepted = exceptions.some((exception) => id.includes(exception) || exception.includes(id));
      (isExcepted ? excepted : blocking).push(
        `${name} (${vulnerability.severity}): ${advisory.title ?? ""} ${advisory.url ?? ""}`.trim(),
      );
    }
  }
  const total = Object.values(json.metadata.vulnerabilities).reduce((sum, n) => sum + n, 0);
  return { status: "checked", total, blocking, excepted, nextVersion, latestNext };
}

export function describeOutcome(outcome: AuditOutcome): { figure: string; pass: boolean } {
  const next = `next ${outcome.nextVersion}${outcome.latestNext ? ` (latest 16.x ${outcome.latestNext})` : ""}`;
  if (outcome.status === "not checked")
    return { figure: `not checked (${outcome.reason}); ${next}`, pass: true };
  return {
    figure: `advisories ${outcome.total}, high or critical without documented exception ${outcome.blocking.length}, documented exceptions ${outcome.excepted.length}; ${next}`,
    pass: outcome.blocking.length === 0,
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const outcome = checkAudit();
  const { figure, pass } = describeOutcome(outcome);
  console.log(`npm audit --omit=dev: ${figure}`);
  if (outcome.status === "checked") for (const line of outcome.blocking) console.log(`  ✖ ${line}`);
  process.exit(pass ? 0 : 1);
}
