import { liveStreamResponse } from "@/lib/live/handlers";

export const dynamic = "force-dynamic";

/** The workspace's live updates as Server-Sent Events, from any app instance (lib/live/stream.ts). */
export async function GET(request: Request, { params }: RouteContext<"/api/w/[slug]/live">) {
  const { slug } = await params;
  return liveStreamResponse(slug, request);
}
