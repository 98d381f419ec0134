import { ImageResponse } from "next/og";
import { getTranslations } from "next-intl/server";
import { getPublicRecommendation } from "@/lib/publishing/queries";
import { PREVIEW_SIZE } from "@/lib/publishing/rules";

/** Hex colours of the status pill (Tailwind's palette; the image has no CSS). */
const pill: Record<string, { bg: string; fg: string }> = {
  NOT_STARTED: { bg: "#f1f5f9", fg: "#334155" },
  IN_PROGRESS: { bg: "#eff6ff", fg: "#1e40af" },
  STALLED: { bg: "#fffbeb", fg: "#92400e" },
  PARTIALLY_ACHIEVED: { bg: "#f0fdfa", fg: "#115e59" },
  ACHIEVED: { bg: "#f0fdf4", fg: "#166534" },
  REVERSED: { bg: "#fef2f2", fg: "#991b1b" },
};

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/**
 * The permalink's preview image (og:image), drawn with next/og's bundled font (works offline). A route
 * handler rather than an opengraph-image file: its text and the alt text in the page's metadata follow the
 * request's language, which file-based metadata images (prerendered per id) cannot read.
 */
export async function GET(
  _: Request,
  { params }: RouteContext<"/p/[workspace]/[tracker]/r/[id]/preview.png">,
) {
  const { workspace, tracker, id } = await params;
  const found = await getPublicRecommendation(workspace, tracker, id);
  const t = await getTranslations("publicScorecard");
  if (!found)
    return new Response(t("notFound.title"), { status: 404, headers: { "Cache-Control": "no-store" } });
  const { scorecard, item } = found;
  const colours = pill[item.status] ?? { bg: "#f4f4f5", fg: "#18181b" };
  const tStatus = await getTranslations("status");
  return new ImageResponse(
    <div
      style={{
        width: "100%",
        height: "100%",
        display: "flex",
        flexDirection: "column",
        justifyContent: "space-between",
        padding: 64,
        background: "#fafafa",
        color: "#18181b",
        fontSize: 28,
      }}
    >
      <div style={{ display: "flex", color: "#71717a", fontSize: 26 }}>
        {clip(`${scorecard.workspaceName} · ${scorecard.trackerName}`, 80)}
      </div>
      <div style={{ display: "flex", flexDirection: "column" }}>
        <div style={{ display: "flex", fontSize: 56, fontWeight: 700, lineHeight: 1.15 }}>
          {clip(item.title, 110)}
        </div>
        <div style={{ display: "flex", marginTop: 32 }}>
          <div
            style={{
              display: "flex",
              padding: "10px 26px",
              borderRadius: 999,
              background: colours.bg,
              color: colours.fg,
              fontSize: 34,
            }}
          >
            {tStatus(`${item.status}.label`)}
          </div>
        </div>
      </div>
      <div style={{ display: "flex", justifyContent: "space-between", color: "#52525b" }}>
        <span>{clip(item.sectionTitle, 60)}</span>
        <span>{t("achieved", { achieved: scorecard.achieved, total: scorecard.progress.total })}</span>
      </div>
    </div>,
    {
      ...PREVIEW_SIZE,
      headers: { "Cache-Control": "public, no-cache", Vary: "Accept-Language, Cookie" },
    },
  );
}
