"use client";

import { useId, useRef, type ReactNode } from "react";
import { Upload } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import type { StagedImport } from "@/lib/import/mutations";
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from "@/lib/import/rows";

/** Step 1: choose a CSV or JSON file and send it to the upload route handler. */
export function UploadStep({
  staged,
  isLocked,
  isPending,
  onUpload,
  onMissingFile,
}: {
  staged: StagedImport | null;
  isLocked: boolean;
  isPending: boolean;
  onUpload: (file: File) => void;
  onMissingFile: () => void;
}) {
  const t = useTranslations("importClient.upload");
  const fileId = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const upload = () => {
    const file = fileRef.current?.files?.[0];
    if (file) onUpload(file);
    else onMissingFile();
  };
  const summaryValues = staged
    ? {
        file: staged.fileName,
        rows: staged.rowCount,
        columns: staged.headers.length,
        name: (chunks: ReactNode) => <span className="font-medium">{chunks}</span>,
      }
    : null;
  return (
    <section aria-labelledby="step-file" className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-zinc-200">
      <h2 id="step-file" className="font-semibold">
        {t("heading")}
      </h2>
      <div className="mt-3 flex flex-col gap-3 sm:flex-row sm:items-end">
        <div className="min-w-0 flex-1 space-y-1.5">
          <label htmlFor={fileId} className="block text-sm font-medium">
            {t("label")}
          </label>
          <input
            id={fileId}
            ref={fileRef}
            type="file"
            name="file"
            accept=".csv,.tsv,.txt,.json,text/csv,application/json"
            disabled={isLocked || isPending}
            className="block w-full text-sm file:me-3 file:rounded-md file:border-0 file:bg-zinc-100 file:px-3 file:py-1.5 file:text-sm file:font-medium hover:file:bg-zinc-200"
          />
          <p className="text-xs text-zinc-500">
            {t("hint", { mb: MAX_IMPORT_BYTES / 1024 / 1024, rows: MAX_IMPORT_ROWS })}
          </p>
        </div>
        <Button type="button" variant="secondary" onClick={upload} isPending={isPending} disabled={isLocked}>
          <Upload aria-hidden className="size-4" /> {staged ? t("readAnother") : t("read")}
        </Button>
      </div>
      {staged && summaryValues ? (
        <p className="mt-3 text-sm text-zinc-700" aria-live="polite">
          {staged.kind === "tracker-json"
            ? t.rich("summaryExport", summaryValues)
            : t.rich("summary", summaryValues)}
        </p>
      ) : null}
    </section>
  );
}
