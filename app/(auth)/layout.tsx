import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Logo } from "@/components/shell/logo";
import { Card } from "@/components/ui/card";
import { LocaleSwitcher } from "@/components/i18n/locale-switcher";
import { ClientMessages } from "@/components/i18n/client-messages";

export default async function AuthLayout({ children }: { children: React.ReactNode }) {
  const t = await getTranslations("shell");
  return (
    <div className="flex min-h-dvh flex-col bg-zinc-50">
      <main className="flex flex-1 flex-col items-center px-4 py-12 sm:justify-center">
        <Link href="/" className="mb-8" aria-label={t("homeLink")}>
          <Logo alwaysNamed />
        </Link>
        <Card className="w-full max-w-sm p-6 sm:p-8">
          <ClientMessages namespaces={["accountsClient"]}>{children}</ClientMessages>
        </Card>
      </main>
      <footer className="flex justify-center px-4 pb-6">
        <LocaleSwitcher />
      </footer>
    </div>
  );
}
