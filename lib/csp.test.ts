import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, isEmbeddablePath } from "@/lib/csp";

describe("framing", () => {
  it("lets other sites frame only a public scorecard's embed", () => {
    expect(isEmbeddablePath("/p/coalition/cm123/embed")).toBe(true);
    for (const path of [
      "/p/coalition/cm123",
      "/p/coalition/cm123/r/x",
      "/p/coalition/cm123/embed/x",
      "/p//cm123/embed",
      "/w/coalition/t/cm123/embed",
      "/embed",
    ])
      expect(isEmbeddablePath(path), path).toBe(false);
  });

  it("refuses framing by default", () => {
    expect(contentSecurityPolicy("n", { isDevelopment: false })).toContain("frame-ancestors 'none'");
    expect(contentSecurityPolicy("n", { isDevelopment: false, isEmbeddable: true })).toContain(
      "frame-ancestors *",
    );
  });
});
