import { unsubscribeLinkRoute, unsubscribeRoute } from "@/lib/notifications/handlers";

export const dynamic = "force-dynamic";

export function POST(request: Request) {
  return unsubscribeRoute(request);
}

export function GET(request: Request) {
  return unsubscribeLinkRoute(request);
}
