"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { RejectedList } from "@/components/import/rejected-list";
import type { ShownImportPreview } from "@/lib/import/messages";
import { cn } from "@/lib/cn";

/** Step 3: how many rows are ready, the first rows with their problems, strict mode, then "Import". */
export function PreviewStep({
  preview,
  defaultSection,
  isStrict,
  isLocked,
  canStart,
  isPending,
  onStrict,
  onStart,
}: {
  preview: ShownImportPreview;
  defaultSection: string;
  isStrict: boolean;
  isLocked: boolean;
  canStart: boolean;
  isPending: boolean;
  onStrict: (isStrict: boolean) => void;
  onStart: () => void;
}) {
  const t = useTranslations("importClient.preview");
  const tStatus = useTranslations("status");
  return (
    <section
      aria-labelledby="step-preview"
      className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-zinc-200"
    >
      <h2 id="step-preview" className="font-semibold">
        {t("heading")}
      </h2>
      <p className="mt-1 text-sm" data-testid="preview-summary">
        {preview.rejectedCount > 0
          ? t("summaryWithErrors", {
              valid: preview.validCount,
              total: preview.total,
              rejected: preview.rejectedCount,
            })
          : t("summary", { valid: preview.validCount, total: preview.total })}
      </p>
      <div className="mt-3 overflow-x-auto">
        <table className="w-full min-w-[40rem] text-start text-sm">
          <thead>
            <tr className="border-b border-zinc-200 text-xs text-zinc-500">
              <th scope="col" className="w-14 py-2 pe-2 text-start font-medium">
                {t("row")}
              </th>
              <th scope="col" className="py-2 pe-2 text-start font-medium">
                {t("title")}
              </th>
              <th scope="col" className="py-2 pe-2 text-start font-medium">
                {t("details")}
              </th>
              <th scope="col" className="py-2 text-start font-medium">
                {t("problems")}
              </th>
            </tr>
          </thead>
          <tbody>
            {preview.rows.map((row) => (
              <tr
                key={row.rowNumber}
                className={cn("border-b border-zinc-100 align-top", row.errors.length > 0 && "bg-red-50/60")}
              >
                <td className="py-2 pe-2 text-zinc-500 tabular-nums">{row.rowNumber}</td>
                <td className="py-2 pe-2">{row.title}</td>
                <td className="py-2 pe-2 text-xs text-zinc-600">
                  {[
                    row.section ?? defaultSection,
                    // i18n-keys: status.*.label
                    row.status ? tStatus(`${row.status}.label`) : null,
                    row.tags.join(", ") || null,
                    row.attributes ? t("attributes", { count: row.attributes }) : null,
                  ]
                    .filter(Boolean)
                    .join(" · ")}
                </td>
                <td className="py-2 text-xs text-red-800">{row.errors.join(" ")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {preview.rejectedCount > 0 ? (
        <RejectedList rows={preview.rejected} total={preview.rejectedCount} />
      ) : null}
      <div className="mt-4 flex flex-col gap-3 sm:flex-row sm:items-center">
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            checked={isStrict}
            disabled={isLocked}
            onChange={(event) => onStrict(event.target.checked)}
            className="size-4 rounded border-zinc-300"
          />
          {t("strict")}
        </label>
        <Button type="button" onClick={onStart} disabled={!canStart && !isPending} isPending={isPending}>
          {t("start", { count: preview.validCount })}
        </Button>
      </div>
    </section>
  );
}
