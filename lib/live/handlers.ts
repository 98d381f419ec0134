import "server-only";
import { HttpError, jsonRoute, requireApiMembership } from "@/lib/server/http";
import { openLiveStream } from "@/lib/live/stream";
import { parseLastEventId } from "@/lib/live/rules";

const ID = /^[a-z0-9]{1,64}$/i;

/**
 * GET /api/w/<slug>/live[?recommendation=<id>][&lastEventId=<seq>]: the workspace's live stream, with the
 * page's authorization — 401 signed out, 404 for a non-member (exactly like a missing workspace) and for a
 * recommendation outside the workspace. The cursor comes from the `Last-Event-ID` header (EventSource's own
 * reconnects) or `lastEventId` (a reconnect the page made itself).
 */
export function liveStreamResponse(slug: string, request: Request): Promise<Response> {
  return jsonRoute(async () => {
    const membership = await requireApiMembership(slug, "workspace.read");
    const query = new URL(request.url).searchParams;
    const recommendationId = query.get("recommendation");
    if (recommendationId !== null && !ID.test(recommendationId)) {
      throw new HttpError(404, "This recommendation was not found.");
    }
    const lastSeq = parseLastEventId(request.headers.get("last-event-id") ?? query.get("lastEventId"));
    return openLiveStream({ membership, recommendationId, lastSeq, signal: request.signal });
  });
}
