"use client";

import { useId, useRef } from "react";
import { Languages, Loader2 } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useServerAction } from "@/components/ui/use-server-action";
import { chooseLanguageAction } from "@/lib/i18n/actions";
import { LOCALES, LOCALE_NAMES } from "@/i18n/locales";
import { cn } from "@/lib/cn";

/**
 * The language picker of signed-out pages and public scorecards (a footer control). A native select:
 * keyboard- and screen-reader-friendly everywhere; choosing a language applies it at once.
 */
export function LocaleSwitcher({ className }: { className?: string }) {
  const t = useTranslations("language");
  const locale = useLocale();
  const id = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const { run, isPending } = useServerAction(chooseLanguageAction);
  return (
    <form
      method="post"
      ref={formRef}
      className={cn("inline-flex items-center gap-1.5 text-sm text-zinc-600", className)}
      onSubmit={(event) => {
        event.preventDefault();
        void run(new FormData(event.currentTarget));
      }}
    >
      {isPending ? (
        <Loader2 aria-hidden className="size-4 animate-spin" />
      ) : (
        <Languages aria-hidden className="size-4" />
      )}
      <label htmlFor={id} className="sr-only">
        {t("label")}
      </label>
      <select
        id={id}
        name="locale"
        defaultValue={locale}
        disabled={isPending}
        aria-busy={isPending}
        onChange={() => formRef.current?.requestSubmit()}
        className="rounded-md border-0 bg-transparent py-1 ps-1 pe-6 text-sm text-zinc-700 ring-1 ring-zinc-200 hover:ring-zinc-300 focus:ring-2 focus:ring-indigo-500"
      >
        {LOCALES.map((code) => (
          <option key={code} value={code} lang={code}>
            {LOCALE_NAMES[code]}
          </option>
        ))}
      </select>
      {isPending ? <span className="sr-only">{t("changing")}</span> : null}
    </form>
  );
}
