import type { ReactNode } from "react";
import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import { SHARED_CLIENT_NAMESPACES, type RouteClientNamespace } from "@/i18n/client-namespaces";

/**
 * The messages client components under it may use: the shared namespaces plus a route's own. A nested
 * provider replaces its parent's messages, hence the shared ones again. The root layout sends only the
 * shared namespaces (`namespaces` empty).
 */
export async function ClientMessages({
  namespaces = [],
  children,
}: {
  namespaces?: readonly RouteClientNamespace[];
  children: ReactNode;
}) {
  const messages = await getMessages();
  const picked = Object.fromEntries(
    [...SHARED_CLIENT_NAMESPACES, ...namespaces].map((ns) => [ns, messages[ns]]),
  );
  return <NextIntlClientProvider messages={picked}>{children}</NextIntlClientProvider>;
}

/** A segment layout that only sends its pages' client namespaces. */
export function clientMessagesLayout(namespaces: readonly RouteClientNamespace[]) {
  return function ClientMessagesLayout({ children }: { children: ReactNode }) {
    return <ClientMessages namespaces={namespaces}>{children}</ClientMessages>;
  };
}
