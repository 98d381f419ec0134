import type { ReactNode } from "react";
import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import { SHARED_CLIENT_NAMESPACES, type RouteClientNamespace } from "@/i18n/client-namespaces";
import { RouteMessages } from "@/components/i18n/route-messages";

/**
 * The messages client components under it may use. The root layout (no `namespaces`) sends the shared
 * namespaces; a route segment's layout adds only its own (`RouteMessages` merges them into the shared ones in
 * the browser), so no page carries a namespace twice, nor one it does not use.
 */
export async function ClientMessages({
  namespaces = [],
  children,
}: {
  namespaces?: readonly RouteClientNamespace[];
  children: ReactNode;
}) {
  const messages = await getMessages();
  if (namespaces.length === 0) {
    const shared = Object.fromEntries(SHARED_CLIENT_NAMESPACES.map((ns) => [ns, messages[ns]]));
    return <NextIntlClientProvider messages={shared}>{children}</NextIntlClientProvider>;
  }
  return (
    <RouteMessages messages={Object.fromEntries(namespaces.map((ns) => [ns, messages[ns]]))}>
      {children}
    </RouteMessages>
  );
}

/** A segment layout that only sends its pages' client namespaces. */
export function clientMessagesLayout(namespaces: readonly RouteClientNamespace[]) {
  return function ClientMessagesLayout({ children }: { children: ReactNode }) {
    return <ClientMessages namespaces={namespaces}>{children}</ClientMessages>;
  };
}
