import { describe, expect, it } from "vitest";
import { normalizeHttpUrl, urlIdentity } from "@/lib/url";

describe("normalizeHttpUrl", () => {
  it("keeps http(s) links and normalizes them", () => {
    expect(normalizeHttpUrl("  HTTPS://WWW.Example.org:443/Path/?utm_source=x&id=3#frag ")).toBe(
      "https://www.example.org/Path?id=3",
    );
    expect(normalizeHttpUrl("http://example.org")).toBe("http://example.org/");
  });

  it("refuses every other scheme, however it is disguised", () => {
    const bad = [
      "javascript:alert(1)",
      "JaVaScRiPt:alert(1)",
      " javascript:alert(1)",
      "\tjavascript:alert(1)",
      "java\nscript:alert(1)",
      "&#106;avascript:alert(1)",
      "data:text/html,<script>alert(1)</script>",
      "vbscript:msgbox(1)",
      "file:///etc/passwd",
      "//evil.example/x",
      "ftp://example.org/file",
      "https://user:pass@example.org/",
      "not a url",
    ];
    for (const value of bad) expect(normalizeHttpUrl(value), value).toBeNull();
  });

  it("gives the same identity to the same page written differently", () => {
    const a = normalizeHttpUrl("https://www.federalregister.gov/documents/2021/01/25/2021-01749/")!;
    const b = normalizeHttpUrl("http://federalregister.gov/documents/2021/01/25/2021-01749#top")!;
    expect(urlIdentity(a)).toBe(urlIdentity(b));
  });
});
