"use client";

import { useMemo, type ReactNode } from "react";
import {
  NextIntlClientProvider,
  useLocale,
  useMessages,
  useNow,
  useTimeZone,
  type AbstractIntlMessages,
} from "next-intl";
import { formats } from "@/i18n/formats";

/**
 * A route's own client messages on top of the ones already provided (the root's shared namespaces): a nested
 * provider replaces its parent's messages, so this one passes both, merged here in the browser, instead of
 * the server sending the shared namespaces a second time. Locale, time zone and "now" are the parent's.
 */
export function RouteMessages({
  messages,
  children,
}: {
  messages: AbstractIntlMessages;
  children: ReactNode;
}) {
  const parent = useMessages();
  const locale = useLocale();
  const timeZone = useTimeZone();
  const now = useNow();
  const merged = useMemo(() => ({ ...parent, ...messages }), [parent, messages]);
  return (
    <NextIntlClientProvider locale={locale} timeZone={timeZone} now={now} formats={formats} messages={merged}>
      {children}
    </NextIntlClientProvider>
  );
}
