import { exportTrackerCsv } from "@/lib/export/queries";
import { exportErrorResponse } from "@/lib/export/response";

/** The tracker as CSV (formula-safe cells, UTF-8 with BOM). Members only; viewers included. */
export async function GET(_: Request, { params }: RouteContext<"/w/[slug]/t/[trackerId]/export.csv">) {
  const { slug, trackerId } = await params;
  try {
    const { csv, fileName } = await exportTrackerCsv(slug, trackerId);
    return new Response(csv, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${fileName}"`,
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    return exportErrorResponse(error);
  }
}
