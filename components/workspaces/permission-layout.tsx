import type { ReactNode } from "react";
import { requirePageMembership } from "@/lib/server/authz";
import type { Permission } from "@/lib/permissions";

/**
 * A layout that checks a permission before the page's loading boundary starts streaming, so a
 * member without it gets a real 403 response. The page (and every action) still authorizes itself.
 */
export function permissionLayout(permission: Permission) {
  return async function PermissionLayout({
    children,
    params,
  }: {
    children: ReactNode;
    params: Promise<{ slug: string }>;
  }) {
    const { slug } = await params;
    await requirePageMembership(slug, permission);
    return children;
  };
}
