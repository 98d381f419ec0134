import { unreadCountRoute } from "@/lib/notifications/handlers";

export const dynamic = "force-dynamic";

export function GET() {
  return unreadCountRoute();
}
