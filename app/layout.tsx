import type { Metadata, Viewport } from "next";
import { GeistSans } from "geist/font/sans";
import { GeistMono } from "geist/font/mono";
import { connection } from "next/server";
import { getLocale, getTranslations } from "next-intl/server";
import { Toaster } from "sonner";
import { ClientMessages } from "@/components/i18n/client-messages";
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
  const dir = directionOf(locale);
  const t = await getTranslations("common");
  return (
    <html lang={locale} dir={dir} className={`${GeistSans.variable} ${GeistMono.variable}`}>
      <body className="min-h-dvh font-sans">
        {/* Client components get only the namespaces they use, not the whole catalogue. */}
        <ClientMessages>{children}</ClientMessages>
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
