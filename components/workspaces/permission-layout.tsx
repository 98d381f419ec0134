import type { ReactNode } from "react";
import { requirePageMembership } from "@/lib/server/authz";
import type { Permission } from "@/lib/permissions";
import { ClientMessages } from "@/components/i18n/client-messages";
import type { RouteClientNamespace } from "@/i18n/client-namespaces";

/**
 * A layout that checks a permission before the page's loading boundary starts streaming, so a
 * member without it gets a real 403 response. The page (and every action) still authorizes itself.
 * `namespaces`: the route's own client message namespaces (components/i18n/client-messages.tsx).
 */
export function permissionLayout(permission: Permission, namespaces: readonly RouteClientNamespace[] = []) {
  return async function PermissionLayout({
    children,
    params,
  }: {
    children: ReactNode;
    params: Promise<{ slug: string }>;
  }) {
    const { slug } = await params;
    await requirePageMembership(slug, permission);
    return namespaces.length > 0 ? (
      <ClientMessages namespaces={namespaces}>{children}</ClientMessages>
    ) : (
      children
    );
  };
}
