"use client";

import { useId, useRef } from "react";
import { Upload } from "lucide-react";
import { Button } from "@/components/ui/button";
import type { StagedImport } from "@/lib/import/mutations";

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
  const fileId = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const upload = () => {
    const file = fileRef.current?.files?.[0];
    if (file) onUpload(file);
    else onMissingFile();
  };
  return (
    <section aria-labelledby="step-file" className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-zinc-200">
      <h2 id="step-file" className="font-semibold">
        1. File
      </h2>
      <div className="mt-3 flex flex-col gap-3 sm:flex-row sm:items-end">
        <div className="min-w-0 flex-1 space-y-1.5">
          <label htmlFor={fileId} className="block text-sm font-medium">
            CSV or JSON file
          </label>
          <input
            id={fileId}
            ref={fileRef}
            type="file"
            name="file"
            accept=".csv,.tsv,.txt,.json,text/csv,application/json"
            disabled={isLocked || isPending}
            className="block w-full text-sm file:mr-3 file:rounded-md file:border-0 file:bg-zinc-100 file:px-3 file:py-1.5 file:text-sm file:font-medium hover:file:bg-zinc-200"
          />
          <p className="text-xs text-zinc-500">
            Up to 50 MB and 100,000 rows. UTF-8, UTF-16, Windows or Mac encodings.
          </p>
        </div>
        <Button type="button" variant="secondary" onClick={upload} isPending={isPending} disabled={isLocked}>
          <Upload aria-hidden className="size-4" /> {staged ? "Read another file" : "Read file"}
        </Button>
      </div>
      {staged ? (
        <p className="mt-3 text-sm text-zinc-700" aria-live="polite">
          <span className="font-medium">{staged.fileName}</span>: {staged.rowCount.toLocaleString("en")} rows,{" "}
          {staged.headers.length} columns
          {staged.kind === "tracker-json" ? " (a tracker export: fields are mapped for you)" : ""}.
        </p>
      ) : null}
    </section>
  );
}
