"use client";

import { Button } from "@/components/ui/button";
import { RejectedList } from "@/components/import/rejected-list";
import type { ImportPreview } from "@/lib/import/mutations";
import { statusMeta } from "@/lib/status";
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
  preview: ImportPreview;
  defaultSection: string;
  isStrict: boolean;
  isLocked: boolean;
  canStart: boolean;
  isPending: boolean;
  onStrict: (isStrict: boolean) => void;
  onStart: () => void;
}) {
  return (
    <section
      aria-labelledby="step-preview"
      className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-zinc-200"
    >
      <h2 id="step-preview" className="font-semibold">
        3. Preview
      </h2>
      <p className="mt-1 text-sm" data-testid="preview-summary">
        {preview.validCount.toLocaleString("en")} of {preview.total.toLocaleString("en")} rows are ready
        {preview.rejectedCount > 0 ? `; ${preview.rejectedCount.toLocaleString("en")} have errors` : ""}.
      </p>
      <div className="mt-3 overflow-x-auto">
        <table className="w-full min-w-[40rem] text-left text-sm">
          <thead>
            <tr className="border-b border-zinc-200 text-xs text-zinc-500">
              <th scope="col" className="w-14 py-2 pr-2 font-medium">
                Row
              </th>
              <th scope="col" className="py-2 pr-2 font-medium">
                Title
              </th>
              <th scope="col" className="py-2 pr-2 font-medium">
                Section · status · tags
              </th>
              <th scope="col" className="py-2 font-medium">
                Problems
              </th>
            </tr>
          </thead>
          <tbody>
            {preview.rows.map((row) => (
              <tr
                key={row.rowNumber}
                className={cn("border-b border-zinc-100 align-top", row.errors.length > 0 && "bg-red-50/60")}
              >
                <td className="py-2 pr-2 text-zinc-500 tabular-nums">{row.rowNumber}</td>
                <td className="py-2 pr-2">{row.title}</td>
                <td className="py-2 pr-2 text-xs text-zinc-600">
                  {[
                    row.section ?? defaultSection,
                    row.status ? statusMeta[row.status].label : null,
                    row.tags.join(", ") || null,
                    row.attributes ? `${row.attributes} attributes` : null,
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
          Strict: import nothing if any row has an error
        </label>
        <Button type="button" onClick={onStart} disabled={!canStart && !isPending} isPending={isPending}>
          Import {preview.validCount.toLocaleString("en")} rows
        </Button>
      </div>
    </section>
  );
}
