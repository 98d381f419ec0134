import { isDatabaseReachable } from "@/lib/server/health";

export const dynamic = "force-dynamic";

export async function GET() {
  const isUp = await isDatabaseReachable();
  return Response.json(
    { status: isUp ? "ok" : "error", database: isUp ? "ok" : "unreachable" },
    { status: isUp ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
