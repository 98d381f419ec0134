import { getTranslations } from "next-intl/server";
import { getPublicScorecard } from "@/lib/publishing/queries";
import { badgeSvg } from "@/lib/publishing/rules";

/**
 * The embeddable badge ("23 of 56 achieved"). Checked against the publication on every request (404 once
 * unpublished); `no-cache` makes browsers and proxies revalidate each time instead of keeping a stale copy.
 * Its text is in the request's language (cookie or Accept-Language), hence `Vary`.
 */
export async function GET(_: Request, { params }: RouteContext<"/p/[workspace]/[tracker]/badge.svg">) {
  const { workspace, tracker } = await params;
  const scorecard = await getPublicScorecard(workspace, tracker);
  const t = await getTranslations("publicScorecard");
  if (!scorecard)
    return new Response(t("notFound.title"), { status: 404, headers: { "Cache-Control": "no-store" } });
  const label = t("badge.label");
  const value = t("achieved", { achieved: scorecard.achieved, total: scorecard.progress.total });
  const svg = badgeSvg(label, value, t("badge.title", { label, value }));
  return new Response(svg, {
    headers: {
      "Content-Type": "image/svg+xml; charset=utf-8",
      "Cache-Control": "public, no-cache",
      Vary: "Accept-Language, Cookie",
      "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'",
    },
  });
}
