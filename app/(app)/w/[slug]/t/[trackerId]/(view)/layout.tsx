import type { ReactNode } from "react";
import { notFound } from "next/navigation";
import { requirePageMembership } from "@/lib/server/authz";
import { getTrackerOutline } from "@/lib/trackers/queries";

/**
 * A tracker that does not exist (or is archived, or in another workspace) answers a real 404: the check runs
 * here, before the page's loading boundary starts streaming a 200. The page reads the same request-cached
 * outline, so this costs no statement of its own; the page still authorizes itself.
 */
export default async function TrackerViewLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ slug: string; trackerId: string }>;
}) {
  const { slug, trackerId } = await params;
  const { workspace } = await requirePageMembership(slug);
  if (!(await getTrackerOutline(workspace.id, trackerId))) notFound();
  return children;
}
