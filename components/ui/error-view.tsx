"use client";

import { AlertTriangle } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { cardClass } from "@/components/ui/card";

/** What every error.tsx shows: a friendly message and a retry; never the error's internals. */
export function ErrorView({ reset }: { reset: () => void }) {
  const t = useTranslations();
  return (
    <div role="alert" className={cardClass("mx-auto my-16 max-w-md p-6 text-center")}>
      <AlertTriangle aria-hidden className="mx-auto size-6 text-amber-600" />
      <h2 className="mt-3 font-semibold">{t("errors.pageTitle")}</h2>
      <p className="mt-1 text-sm text-zinc-600">{t("errors.pageBody")}</p>
      <Button variant="secondary" className="mt-4" onClick={() => reset()}>
        {t("common.tryAgain")}
      </Button>
    </div>
  );
}
