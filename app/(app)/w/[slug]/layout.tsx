import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { WorkspaceNav } from "@/components/workspaces/workspace-nav";
import { getMembership } from "@/lib/server/authz";
import { can } from "@/lib/permissions";
import { routes } from "@/lib/routes";

/**
 * Navigation. Pages and actions authorize through lib/server/authz.ts (a layout does not re-run on client
 * navigation); the notFound() here only makes a non-member's response a real 404, because it runs
 * before the page's loading boundary starts streaming.
 */
export default async function WorkspaceLayout({ children, params }: LayoutProps<"/w/[slug]">) {
  const { slug } = await params;
  const membership = await getMembership(slug);
  if (!membership) notFound();
  const t = await getTranslations("workspace.nav");
  const base = routes.workspace(slug);
  const items = [
    { href: base, label: t("trackers"), exact: true, alsoUnder: `${base}/t/` },
    { href: routes.myWork(slug), label: t("myWork") },
    ...(can(membership.role, "member.read") ? [{ href: routes.members(slug), label: t("members") }] : []),
    ...(can(membership.role, "audit.read") ? [{ href: routes.audit(slug), label: t("audit") }] : []),
    { href: routes.settings(slug), label: t("settings") },
  ];
  return (
    <>
      <div className="border-b border-zinc-200 bg-white print:hidden">
        <div className="mx-auto max-w-6xl px-4 sm:px-6">
          <WorkspaceNav items={items} label={t("label")} />
        </div>
      </div>
      {children}
    </>
  );
}
