import { notFound } from "next/navigation";
import { WorkspaceNav } from "@/components/workspace/workspace-nav";
import { getMembership } from "@/lib/dal/memberships";
import { can } from "@/lib/permissions";

/**
 * Navigation. Pages and actions authorize through lib/dal (a layout does not re-run on client
 * navigation); the notFound() here only makes a non-member's response a real 404, because it runs
 * before the page's loading boundary starts streaming.
 */
export default async function WorkspaceLayout({ children, params }: LayoutProps<"/w/[slug]">) {
  const { slug } = await params;
  const membership = await getMembership(slug);
  if (!membership) notFound();
  const base = `/w/${slug}`;
  const items = [
    { href: base, label: "Trackers", exact: true, alsoUnder: `${base}/t/` },
    { href: `${base}/my-work`, label: "My work" },
    ...(can(membership.role, "member.read") ? [{ href: `${base}/members`, label: "Members" }] : []),
    ...(can(membership.role, "audit.read") ? [{ href: `${base}/audit`, label: "Audit log" }] : []),
    { href: `${base}/settings`, label: "Settings" },
  ];
  return (
    <>
      <div className="border-b border-zinc-200 bg-white print:hidden">
        <div className="mx-auto max-w-6xl px-4 sm:px-6">
          <WorkspaceNav items={items} />
        </div>
      </div>
      {children}
    </>
  );
}
