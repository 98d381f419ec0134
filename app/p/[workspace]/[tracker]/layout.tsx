import { notFound } from "next/navigation";
import { findPublication } from "@/lib/publishing/queries";

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
