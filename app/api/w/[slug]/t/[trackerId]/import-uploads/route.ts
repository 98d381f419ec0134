import { uploadImportFile } from "@/lib/import/handlers";

/** Upload a CSV or JSON file to import into this tracker (lib/import/handlers.ts). Editors and up. */
export async function POST(
  request: Request,
  { params }: RouteContext<"/api/w/[slug]/t/[trackerId]/import-uploads">,
) {
  const { slug, trackerId } = await params;
  return uploadImportFile(request, slug, trackerId);
}
