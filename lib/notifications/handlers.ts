import "server-only";
import { getCurrentUser } from "@/lib/server/auth/session";
import { jsonError, jsonRoute } from "@/lib/server/http";
import { countUnread } from "@/lib/notifications/queries";
import { unsubscribeWithToken } from "@/lib/notifications/mutations";
import { routes } from "@/lib/routes";

const NO_STORE = { "Cache-Control": "no-store" };

/** GET /api/notifications/unread-count: the signed-in person's unread count, for the bell. */
export function unreadCountRoute(): Promise<Response> {
  return jsonRoute(async () => {
    const user = await getCurrentUser();
    if (!user) return await jsonError(401, "notifications.errors.signIn");
    return Response.json({ unread: await countUnread(user) }, { headers: NO_STORE });
  });
}

/**
 * POST /api/notifications/unsubscribe?token=…: RFC 8058 one-click unsubscribe. Mail clients POST
 * "List-Unsubscribe=One-Click" without cookies from anywhere: the signed token is the only credential. The
 * unsubscribe page's button posts here too and is sent back to the page. Forged tokens get 400 and change
 * nothing; a reused token answers like the first time (the kind is already off).
 */
export function unsubscribeRoute(request: Request): Promise<Response> {
  return jsonRoute(async () => {
    const token = new URL(request.url).searchParams.get("token") ?? "";
    const fromPage = (request.headers.get("accept") ?? "").includes("text/html");
    const done = await unsubscribeWithToken(token, fromPage ? "page" : "one-click");
    if (!done) return await jsonError(400, "notifications.errors.unsubscribeLinkInvalid");
    if (fromPage) {
      const location = `${routes.unsubscribe(token)}&done=1`;
      return new Response(null, { status: 303, headers: { Location: location, ...NO_STORE } });
    }
    return Response.json({ unsubscribed: done.kind }, { headers: NO_STORE });
  });
}

/** GET on the one-click address (a person pasting it): the confirmation page, which acts only on a click. */
export function unsubscribeLinkRoute(request: Request): Response {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  return new Response(null, { status: 303, headers: { Location: routes.unsubscribe(token), ...NO_STORE } });
}
