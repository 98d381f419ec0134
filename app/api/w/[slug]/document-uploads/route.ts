import { uploadDocument } from "@/lib/documents/handlers";

/** Upload or paste a document to make a new tracker from (lib/documents/handlers.ts). Admins and up. */
export async function POST(request: Request, { params }: RouteContext<"/api/w/[slug]/document-uploads">) {
  const { slug } = await params;
  return uploadDocument(request, slug);
}
