"use client";

import { useId } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import type { StagedImport } from "@/lib/import/mutations";
import { COLUMN_TARGETS, type ColumnMapping, type ColumnTarget } from "@/lib/import/rows";
import { localizeMessage, type RootTranslator } from "@/lib/i18n/localize";
import { cn } from "@/lib/cn";

/** Step 2: what each column holds, the section for rows without one, then "Check rows". */
export function MappingStep({
  staged,
  mapping,
  mappingError,
  defaultSection,
  sections,
  isLocked,
  isPending,
  onTarget,
  onDefaultSection,
  onCheck,
}: {
  staged: StagedImport;
  mapping: ColumnMapping;
  mappingError: string | null;
  defaultSection: string;
  sections: string[];
  isLocked: boolean;
  isPending: boolean;
  onTarget: (header: string, target: ColumnTarget) => void;
  onDefaultSection: (value: string) => void;
  onCheck: () => void;
}) {
  const t = useTranslations("importClient.mapping");
  const tRoot = useTranslations() as unknown as RootTranslator;
  const id = useId();
  return (
    <section aria-labelledby="step-map" className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-zinc-200">
      <h2 id="step-map" className="font-semibold">
        {t("heading")}
      </h2>
      <p className="mt-1 text-sm text-zinc-600">{t("intro")}</p>
      <div className="mt-3 overflow-x-auto">
        <table className="w-full min-w-[32rem] text-start text-sm">
          <thead>
            <tr className="border-b border-zinc-200 text-xs text-zinc-500">
              <th scope="col" className="py-2 pe-3 text-start font-medium">
                {t("column")}
              </th>
              <th scope="col" className="py-2 pe-3 text-start font-medium">
                {t("example")}
              </th>
              <th scope="col" className="w-56 py-2 text-start font-medium">
                {t("importAs")}
              </th>
            </tr>
          </thead>
          <tbody>
            {staged.headers.map((header) => {
              const example = staged.sample.map((row) => row[header] ?? "").find((v) => v.trim()) ?? "";
              return (
                <tr key={header} className="border-b border-zinc-100">
                  <th scope="row" className="py-2 pe-3 text-start font-medium">
                    {header}
                  </th>
                  <td className="max-w-xs truncate py-2 pe-3 text-zinc-600" title={example}>
                    {example || <span className="text-zinc-400">{t("empty")}</span>}
                  </td>
                  <td className="py-2">
                    <select
                      aria-label={t("importColumnAs", { header })}
                      value={mapping[header] ?? "attribute"}
                      disabled={isLocked}
                      onChange={(event) => onTarget(header, event.target.value as ColumnTarget)}
                      className={cn(inputClass, "h-9")}
                    >
                      {COLUMN_TARGETS.map((target) => (
                        <option key={target} value={target}>
                          {/* i18n-keys: importClient.mapping.targets.* */}
                          {t(`targets.${target}`)}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div className="mt-4 grid gap-4 sm:grid-cols-2">
        <div className="space-y-1.5">
          <label htmlFor={`${id}-section`} className="block text-sm font-medium">
            {t("defaultSection")}
          </label>
          <input
            id={`${id}-section`}
            list={`${id}-sections`}
            value={defaultSection}
            disabled={isLocked}
            onChange={(event) => onDefaultSection(event.target.value)}
            className={inputClass}
          />
          <datalist id={`${id}-sections`}>
            {sections.map((title) => (
              <option key={title} value={title} />
            ))}
          </datalist>
          <p className="text-xs text-zinc-500">{t("defaultSectionHint")}</p>
        </div>
      </div>
      {mappingError ? (
        <p className="mt-3 text-sm text-red-700" role="status">
          {localizeMessage(tRoot, mappingError)}
        </p>
      ) : null}
      <Button
        type="button"
        className="mt-4"
        onClick={onCheck}
        disabled={Boolean(mappingError) || isLocked}
        isPending={isPending}
      >
        {isPending ? t("checking") : t("check")}
      </Button>
    </section>
  );
}
