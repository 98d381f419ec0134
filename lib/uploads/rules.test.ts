import { describe, expect, it } from "vitest";
import { planUploadQuota, type StagedUpload } from "@/lib/uploads/rules";

const now = new Date("2026-12-01T12:00:00Z");
const minutes = (m: number) => new Date(now.getTime() + m * 60_000);
const upload = (
  id: string,
  size: number,
  createdMin: number,
  over: Partial<StagedUpload> = {},
): StagedUpload => ({
  id,
  size,
  createdAt: minutes(createdMin),
  expiresAt: minutes(60),
  isInUse: false,
  ...over,
});
const limits = { count: 3, bytes: 100 };

describe("upload quota", () => {
  it("keeps everything while there is room", () => {
    expect(planUploadQuota([upload("a", 10, -5)], 10, now, limits)).toEqual({ ok: true, evict: [] });
  });

  it("always deletes expired uploads, then the oldest until the new one fits", () => {
    const existing = [
      upload("old", 40, -30),
      upload("expired", 5, -50, { expiresAt: minutes(-1) }),
      upload("new", 40, -1),
    ];
    expect(planUploadQuota(existing, 50, now, limits)).toEqual({ ok: true, evict: ["expired", "old"] });
  });

  it("counts uploads as well as bytes", () => {
    const existing = [upload("a", 1, -3), upload("b", 1, -2), upload("c", 1, -1)];
    expect(planUploadQuota(existing, 1, now, limits)).toEqual({ ok: true, evict: ["a"] });
  });

  it("never deletes an upload that a running import reads, and refuses when nothing else makes room", () => {
    const existing = [upload("running", 90, -30, { isInUse: true }), upload("b", 5, -1)];
    const plan = planUploadQuota(existing, 20, now, limits);
    expect(plan).toMatchObject({ ok: false, message: "uploads.quota.tooMany" });
    expect(planUploadQuota(existing, 10, now, limits)).toEqual({ ok: true, evict: ["b"] });
  });

  it("refuses a file larger than the whole quota", () => {
    expect(planUploadQuota([], 101, now, limits)).toMatchObject({
      ok: false,
      message: "uploads.quota.tooLarge",
    });
  });
});
