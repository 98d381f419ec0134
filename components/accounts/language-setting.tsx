"use client";

import { useEffect, useId, useState } from "react";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { useServerAction } from "@/components/ui/use-server-action";
import { useHydrated } from "@/components/ui/use-hydrated";
import { chooseLanguageAction } from "@/lib/i18n/actions";
import { LOCALES, LOCALE_NAMES, type AppLocale } from "@/i18n/locales";
import { cn } from "@/lib/cn";

/**
 * The profile language (Account → Language): one of ours, or "" to follow the browser. Saving updates
 * User.locale (audited) and the cookie, and the page comes back in the new language.
 */
export function LanguageSetting({ current }: { current: AppLocale | "" }) {
  const t = useTranslations("accountsClient");
  const id = useId();
  const { run, isPending } = useServerAction(chooseLanguageAction);
  const isHydrated = useHydrated();
  const [savedCount, setSavedCount] = useState(0);

  // The confirmation is shown after the page has re-rendered, so it reads in the language just chosen.
  useEffect(() => {
    if (savedCount > 0) toast.success(t("language.saved"));
    // Only a new save shows it, not a change of `t`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [savedCount]);

  return (
    <form
      method="post"
      className="flex flex-wrap items-end gap-3"
      onSubmit={(event) => {
        event.preventDefault();
        void run(new FormData(event.currentTarget), { onSuccess: () => setSavedCount((n) => n + 1) });
      }}
    >
      <div className="min-w-48 flex-1 space-y-1.5">
        <label htmlFor={id} className="block text-sm font-medium text-zinc-900">
          {t("language.label")}
        </label>
        <select
          id={id}
          name="locale"
          defaultValue={current}
          disabled={isPending}
          className={cn(inputClass, "pe-8")}
        >
          <option value="">{t("language.browserDefault")}</option>
          {LOCALES.map((code) => (
            <option key={code} value={code} lang={code}>
              {LOCALE_NAMES[code]}
            </option>
          ))}
        </select>
      </div>
      <Button type="submit" isPending={isPending} disabled={!isHydrated}>
        {isPending ? t("saving") : t("language.save")}
      </Button>
    </form>
  );
}
