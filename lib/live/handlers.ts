import "server-only";
import { HttpError, jsonRoute, requireApiMembership } from "@/lib/server/http";
import { openLiveStream, openUserStream } from "@/lib/live/stream";
import { getCurrentUser } from "@/lib/server/auth/session";
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
      throw new HttpError(404, "errors.notFound.recommendation");
    }
    const lastSeq = parseLastEventId(request.headers.get("last-event-id") ?? query.get("lastEventId"));
    return openLiveStream({ membership, recommendationId, lastSeq, signal: request.signal });
  });
}

/** GET /api/live: a signed-in page outside workspaces follows the user's own notifications (401 otherwise). */
export function userStreamResponse(request: Request): Promise<Response> {
  return jsonRoute(async () => {
    const user = await getCurrentUser();
    if (!user) throw new HttpError(401, "errors.http.signIn");
    return openUserStream({ userId: user.id, signal: request.signal });
  });
}
