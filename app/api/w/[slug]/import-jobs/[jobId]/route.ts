import { importJobStatus } from "@/lib/import/handlers";

export const dynamic = "force-dynamic";

/** Progress of one of the caller's imports, from any app instance (lib/import/handlers.ts). */
export async function GET(_: Request, { params }: RouteContext<"/api/w/[slug]/import-jobs/[jobId]">) {
  const { slug, jobId } = await params;
  return importJobStatus(slug, jobId);
}
