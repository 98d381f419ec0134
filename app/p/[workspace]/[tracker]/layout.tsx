import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { findPublication } from "@/lib/publishing/queries";
import { env } from "@/lib/server/env";

/** Absolute URLs in Open Graph tags (the preview image) use the public origin, not the server's own port. */
export function generateMetadata(): Metadata {
  return { metadataBase: new URL(env().APP_URL) };
}

/**
 * Every public page checks its publication before anything streams, so an unpublished (or never
 * published) scorecard is a real 404 response. Each page checks again itself (a layout does not re-run on
 * client navigation); React's cache makes that the same query.
 */
export default async function PublicLayout({ children, params }: LayoutProps<"/p/[workspace]/[tracker]">) {
  const { workspace, tracker } = await params;
  if (!(await findPublication(workspace, tracker))) notFound();
  return children;
}
