import { exportErrorResponse } from "@/lib/export/response";
import { fileNameFor } from "@/lib/export/queries";
import { toCsv } from "@/lib/import/csv";
import { getSnapshotForExport } from "@/lib/snapshots/queries";
import { SNAPSHOT_CSV_HEADERS, snapshotCsvRows } from "@/lib/snapshots/rules";
import { statusMeta } from "@/lib/status";

/**
 * A snapshot as CSV (the tracker export's writer: formula-safe cells, UTF-8 with BOM). Members only.
 * A data format: column headers and status names are the stable English ones in every UI language.
 */
export async function GET(
  _: Request,
  { params }: RouteContext<"/w/[slug]/t/[trackerId]/snapshots/[snapshotId]/export.csv">,
) {
  const { slug, trackerId, snapshotId } = await params;
  try {
    const snapshot = await getSnapshotForExport(slug, trackerId, snapshotId);
    const csv = toCsv(
      SNAPSHOT_CSV_HEADERS,
      snapshotCsvRows(snapshot.items, (s) => statusMeta[s].label),
    );
    return new Response(csv, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${fileNameFor(snapshot.name, "csv")}"`,
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    return exportErrorResponse(error);
  }
}
