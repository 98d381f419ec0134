import type { Metadata, Viewport } from "next";
import { GeistSans } from "geist/font/sans";
import { GeistMono } from "geist/font/mono";
import { connection } from "next/server";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { Toaster } from "sonner";
import { CLIENT_NAMESPACES } from "@/i18n/client-namespaces";
import { directionOf } from "@/i18n/locales";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("common");
  return { title: t("appName"), description: t("appDescription") };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page renders per request: its scripts carry this response's CSP nonce (proxy.ts), which a page
  // prerendered at build time could not.
  await connection();
  const locale = await getLocale();
  const messages = await getMessages();
  const dir = directionOf(locale);
  const t = await getTranslations("common");
  // Client components get only the namespaces they use, not the whole catalogue.
  const clientMessages = Object.fromEntries(CLIENT_NAMESPACES.map((ns) => [ns, messages[ns]]));
  return (
    <html lang={locale} dir={dir} className={`${GeistSans.variable} ${GeistMono.variable}`}>
      <body className="min-h-dvh font-sans">
        <NextIntlClientProvider messages={clientMessages}>{children}</NextIntlClientProvider>
        <Toaster
          position={dir === "rtl" ? "bottom-left" : "bottom-right"}
          dir={dir}
          richColors
          closeButton
          containerAriaLabel={t("notificationsRegion")}
          toastOptions={{ closeButtonAriaLabel: t("close") }}
        />
      </body>
    </html>
  );
}
