import { exportTrackerJson, fileNameFor } from "@/lib/export/queries";
import { exportErrorResponse } from "@/lib/export/response";

/** The tracker as JSON, in the shape the JSON import reads back. Members only; viewers included. */
export async function GET(_: Request, { params }: RouteContext<"/w/[slug]/t/[trackerId]/export.json">) {
  const { slug, trackerId } = await params;
  try {
    const data = await exportTrackerJson(slug, trackerId);
    return new Response(JSON.stringify(data, null, 2), {
      headers: {
        "Content-Type": "application/json; charset=utf-8",
        "Content-Disposition": `attachment; filename="${fileNameFor(data.tracker?.name ?? "tracker", "json")}"`,
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    return exportErrorResponse(error);
  }
}
