import { getPublicScorecard } from "@/lib/publishing/queries";
import { badgeSvg } from "@/lib/publishing/rules";

/**
 * The embeddable badge ("23 of 56 achieved"). Checked against the publication on every request (404 once
 * unpublished); `no-cache` makes browsers and proxies revalidate each time instead of keeping a stale copy.
 */
export async function GET(_: Request, { params }: RouteContext<"/p/[workspace]/[tracker]/badge.svg">) {
  const { workspace, tracker } = await params;
  const scorecard = await getPublicScorecard(workspace, tracker);
  if (!scorecard) return new Response("Not found", { status: 404, headers: { "Cache-Control": "no-store" } });
  return new Response(badgeSvg(scorecard.achieved, scorecard.progress.total), {
    headers: {
      "Content-Type": "image/svg+xml; charset=utf-8",
      "Cache-Control": "public, no-cache",
      "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'",
    },
  });
}
