import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";

export default async function Forbidden() {
  const t = await getTranslations();
  return (
    <main className="mx-auto flex min-h-[60dvh] max-w-md flex-col items-center justify-center px-4 text-center">
      <p className="text-sm font-semibold text-amber-700">403</p>
      <h1 className="mt-2 text-xl font-semibold">{t("errors.forbiddenTitle")}</h1>
      <p className="mt-2 text-sm text-zinc-600">{t("errors.forbiddenBody")}</p>
      <Link href="/" className={buttonClass("secondary", "md", "mt-6")}>
        {t("common.goToWorkspaces")}
      </Link>
    </main>
  );
}
