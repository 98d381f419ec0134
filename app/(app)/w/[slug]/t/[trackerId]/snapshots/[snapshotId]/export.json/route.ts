import { exportErrorResponse } from "@/lib/export/response";
import { fileNameFor } from "@/lib/export/queries";
import { getSnapshotForExport } from "@/lib/snapshots/queries";
import { SNAPSHOT_EXPORT_FORMAT } from "@/lib/snapshots/rules";

/** A snapshot as JSON: its name, date, source and every frozen item. Members only. Keys and enum values are a data format (English, stable). */
export async function GET(
  _: Request,
  { params }: RouteContext<"/w/[slug]/t/[trackerId]/snapshots/[snapshotId]/export.json">,
) {
  const { slug, trackerId, snapshotId } = await params;
  try {
    const snapshot = await getSnapshotForExport(slug, trackerId, snapshotId);
    const body = {
      format: SNAPSHOT_EXPORT_FORMAT,
      snapshot: {
        name: snapshot.name,
        asOf: snapshot.asOf.toISOString(),
        takenAt: snapshot.createdAt.toISOString(),
        tracker: snapshot.trackerName,
        citation: snapshot.citation,
        recommendations: snapshot.itemCount,
      },
      items: snapshot.items,
    };
    return new Response(JSON.stringify(body, null, 2), {
      headers: {
        "Content-Type": "application/json; charset=utf-8",
        "Content-Disposition": `attachment; filename="${fileNameFor(snapshot.name, "json")}"`,
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    return exportErrorResponse(error);
  }
}
