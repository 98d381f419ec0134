"use client";

import { useId } from "react";
import { useLocale, useTranslations } from "next-intl";
import { ActionForm } from "@/components/ui/action-form";
import { inputClass } from "@/components/ui/field";
import { setTrackerLanguageAction } from "@/lib/trackers/actions";
import { SetTrackerLanguageSchema, TRACKER_LANGUAGES } from "@/lib/trackers/schemas";

/** A language tag's name in the reader's language ("fr" → "French", "français", "francés"). */
export function languageName(tag: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: "language" }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/**
 * The select of a tracker's content language: "Not declared" and the common UN languages, named in the
 * reader's language. Used by the new-tracker forms and the language form below.
 */
export function TrackerLanguageSelect({
  defaultValue,
  disabled,
}: {
  defaultValue?: string | null;
  disabled?: boolean;
}) {
  const t = useTranslations("trackerLanguage");
  const locale = useLocale();
  const id = useId();
  const options = TRACKER_LANGUAGES.map((tag) => ({ tag, name: languageName(tag, locale) })).sort((a, b) =>
    a.name.localeCompare(b.name, locale),
  );
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-sm font-medium text-zinc-900">
        {t("label")}
      </label>
      <select
        id={id}
        name="language"
        defaultValue={defaultValue ?? ""}
        disabled={disabled}
        aria-describedby={`${id}-hint`}
        className={inputClass}
      >
        <option value="">{t("notDeclared")}</option>
        {options.map(({ tag, name }) => (
          <option key={tag} value={tag} lang={tag}>
            {name}
          </option>
        ))}
      </select>
      <p id={`${id}-hint`} className="text-xs text-zinc-500">
        {t("hint")}
      </p>
    </div>
  );
}

/** Declares the language a tracker's content is written in. Editors and up (the server checks). */
export function TrackerLanguageForm({
  workspaceSlug,
  trackerId,
  language,
}: {
  workspaceSlug: string;
  trackerId: string;
  language: string | null;
}) {
  const t = useTranslations("trackerLanguage");
  return (
    <ActionForm
      action={setTrackerLanguageAction}
      schema={SetTrackerLanguageSchema}
      submitLabel={t("submit")}
      pendingLabel={t("saving")}
      submitVariant="secondary"
      aria-label={t("formLabel")}
      className="max-w-sm"
    >
      <input type="hidden" name="workspaceSlug" value={workspaceSlug} />
      <input type="hidden" name="trackerId" value={trackerId} />
      <TrackerLanguageSelect defaultValue={language} />
    </ActionForm>
  );
}
