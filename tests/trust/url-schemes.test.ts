/**
 * Trust item 6 (docs/security.md): dangerous URL schemes are refused as evidence links, and
 * redirect targets stay on this origin. The browser-level half (real redirects over HTTP) is in
 * e2e/trust/redirects.spec.ts.
 */
import { describe, expect, it } from "vitest";
import { CreateEvidenceSchema } from "@/lib/evidence/schemas";
import { safeCallbackUrl } from "@/lib/accounts/schemas";
import { reportFigure } from "@/tests/support/trust-report";

const SCHEMES = [
  "javascript:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "vbscript:msgbox(1)",
  "file:///etc/passwd",
];

/** Every variant a browser (or a sloppy parser) might still treat as that scheme. */
function variants(link: string): string[] {
  const colon = link.indexOf(":");
  const scheme = link.slice(0, colon);
  const rest = link.slice(colon + 1);
  const mixed = [...scheme].map((c, i) => (i % 2 ? c.toUpperCase() : c.toLowerCase())).join("");
  const entity = [...scheme].map((c) => `&#${c.charCodeAt(0)};`).join("");
  const hexEntity = [...scheme].map((c) => `&#x${c.charCodeAt(0).toString(16)};`).join("");
  return [
    link,
    link.toUpperCase(),
    `${mixed}:${rest}`,
    `${entity}:${rest}`,
    `${hexEntity}&#58;${rest}`,
    `${scheme}&colon;${rest}`,
    `%${[...scheme].map((c) => c.charCodeAt(0).toString(16)).join("%")}:${rest}`,
    `  ${link}  `,
    `\t${link}`,
    `\n${link}`,
    `\u0000${link}`,
    `\u0001${link}`,
    `\u00a0${link}`,
    `\u200b${link}`,
    `${scheme.slice(0, 2)}\t${scheme.slice(2)}:${rest}`,
    `${scheme.slice(0, 2)}\n${scheme.slice(2)}:${rest}`,
    `${scheme.slice(0, 2)}\r${scheme.slice(2)}:${rest}`,
    `${scheme}\t:${rest}`,
    `${scheme} :${rest}`,
    `${link}#http://example.org`,
    `${link}//http://example.org`,
    `https:${link}`,
    `http:/${link}`,
    `//${link}`,
  ];
}

const evidence = (url: string) =>
  CreateEvidenceSchema.safeParse({
    workspaceSlug: "demo",
    recommendationId: "rec_1",
    url,
    title: "A source",
    sourceType: "NEWS",
    stance: "PROGRESS",
  });

describe("evidence links refuse non-web schemes", () => {
  const attempts = SCHEMES.flatMap(variants);

  it("refuses javascript:, data:, vbscript:, file: in every casing, encoding and padding", () => {
    const accepted = attempts.filter((url) => {
      const result = evidence(url);
      return result.success && !/^https?:\/\/[^/]/i.test(result.data.url);
    });
    const acceptedAtAll = attempts.filter((url) => {
      const result = evidence(url);
      return result.success && /(javascript|data|vbscript|file):/i.test(result.data.url.slice(0, 12));
    });
    reportFigure(
      "6. evidence link schemes",
      `links tried ${attempts.length}, dangerous schemes accepted ${accepted.length + acceptedAtAll.length}`,
      accepted.length + acceptedAtAll.length === 0,
    );
    expect(accepted).toEqual([]);
    expect(acceptedAtAll).toEqual([]);
  });

  it("still accepts ordinary web links", () => {
    for (const url of [
      "https://www.whitehouse.gov/briefing-room/",
      "http://example.org/a?b=c",
      "HTTPS://EXAMPLE.ORG",
    ]) {
      const result = evidence(url);
      expect(result.success, url).toBe(true);
      expect(result.success && result.data.url).toMatch(/^https?:\/\//);
    }
  });
});

describe("callbackUrl stays on this origin", () => {
  const ORIGIN = "http://tracker.test";
  const hostile = [
    "//evil.example",
    "///evil.example",
    "////evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "/\\/evil.example",
    "https://evil.example",
    "HTTPS://evil.example",
    "http:evil.example",
    "https:/evil.example",
    "javascript:alert(1)",
    "data:text/html,x",
    "/%0a/evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "/\r/evil.example",
    "/ /evil.example",
    " //evil.example",
    "%2F%2Fevil.example",
    "/%2F%2Fevil.example",
    "/%5Cevil.example",
    "/%5C%5Cevil.example",
    "/.//evil.example",
    "/..//evil.example",
    "/@evil.example",
    "@evil.example",
    "evil.example",
    "/\u3002evil.example",
    "\u2215\u2215evil.example",
    "/\u0000/evil.example",
  ];

  it("never resolves to another origin", () => {
    const offOrigin = hostile.filter((value) => {
      const safe = safeCallbackUrl(value, "/");
      return new URL(safe, ORIGIN).origin !== ORIGIN || !safe.startsWith("/") || safe.startsWith("//");
    });
    reportFigure(
      "6. callbackUrl (unit)",
      `values tried ${hostile.length}, off-origin results ${offOrigin.length}`,
      offOrigin.length === 0,
    );
    expect(offOrigin).toEqual([]);
  });

  it("keeps legitimate paths with their query", () => {
    expect(safeCallbackUrl("/w/demo/t/abc?view=board#top")).toBe("/w/demo/t/abc?view=board#top");
    expect(safeCallbackUrl("/invite/tok_123")).toBe("/invite/tok_123");
  });
});
