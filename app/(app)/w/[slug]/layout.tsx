import { WorkspaceNav } from "@/components/workspace/workspace-nav";
import { getMembership } from "@/lib/dal/memberships";
import { can } from "@/lib/permissions";

/** Navigation only: layouts do not authorize (pages and actions do, through lib/dal). */
export default async function WorkspaceLayout({ children, params }: LayoutProps<"/w/[slug]">) {
  const { slug } = await params;
  const membership = await getMembership(slug);
  if (!membership) return children;
  const base = `/w/${slug}`;
  const items = [
    { href: base, label: "Trackers", exact: true },
    ...(can(membership.role, "member.read") ? [{ href: `${base}/members`, label: "Members" }] : []),
    { href: `${base}/settings`, label: "Settings" },
  ];
  return (
    <>
      <div className="border-b border-zinc-200 bg-white">
        <div className="mx-auto max-w-6xl px-4 sm:px-6">
          <WorkspaceNav items={items} />
        </div>
      </div>
      {children}
    </>
  );
}
