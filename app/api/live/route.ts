import { userStreamResponse } from "@/lib/live/handlers";

export const dynamic = "force-dynamic";

/** The signed-in user's own live signals (notifications) on pages outside workspaces (lib/live/stream.ts). */
export async function GET(request: Request) {
  return userStreamResponse(request);
}
