"use client";

import { useEffect, useId, useRef, useState, useTransition } from "react";
import Link from "next/link";
import { AlertCircle, CheckCircle2, Upload } from "lucide-react";
import { Button, buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import {
  importJobAction,
  previewImportAction,
  stageImportAction,
  startImportAction,
} from "@/lib/import/actions";
import { initialActionState, type ActionResult } from "@/lib/action-result";
import type { ImportJobView, ImportPreview, StagedImport } from "@/lib/import/mutations";
import {
  COLUMN_TARGETS,
  ColumnMappingSchema,
  importFieldLabels,
  type ColumnMapping,
  type ColumnTarget,
} from "@/lib/import/rows";
import { statusMeta } from "@/lib/status";
import { cn } from "@/lib/cn";

type Props = { workspaceSlug: string; trackerId: string; trackerPath: string; sections: string[] };

async function call<T>(
  action: (state: ActionResult<T>, form: FormData) => Promise<ActionResult<T>>,
  values: Record<string, string | File>,
): Promise<ActionResult<T>> {
  const form = new FormData();
  for (const [key, value] of Object.entries(values)) form.set(key, value);
  try {
    return await action(initialActionState as ActionResult<T>, form);
  } catch {
    return { ok: false, formError: "The connection failed. Nothing was imported; try again." };
  }
}

export function ImportWizard({ workspaceSlug, trackerId, trackerPath, sections }: Props) {
  const fileId = useId();
  const [staged, setStaged] = useState<StagedImport | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping>({});
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [isStrict, setIsStrict] = useState(false);
  const [defaultSection, setDefaultSection] = useState(sections[0] ?? "Imported");
  const [job, setJob] = useState<ImportJobView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  const fileRef = useRef<HTMLInputElement>(null);
  const ref = { workspaceSlug, trackerId };

  // Poll the running import.
  useEffect(() => {
    if (!job || job.state !== "running") return;
    const timer = setTimeout(async () => {
      const result = await call(importJobAction, { workspaceSlug, jobId: job.id });
      if (result.ok && result.data) setJob(result.data);
      else if (!result.ok) setError(result.formError ?? "Lost track of the import.");
    }, 700);
    return () => clearTimeout(timer);
  }, [job, workspaceSlug]);

  const upload = () => {
    const file = fileRef.current?.files?.[0];
    if (!file) {
      setError("Choose a CSV or JSON file first.");
      return;
    }
    setError(null);
    startTransition(async () => {
      const result = await call(stageImportAction, { ...ref, file });
      if (!result.ok || !result.data) {
        setError(result.ok ? "Could not read the file." : (result.formError ?? "Could not read the file."));
        return;
      }
      setStaged(result.data);
      setMapping(result.data.mapping);
      setPreview(null);
      setJob(null);
    });
  };

  const mappingError = (() => {
    const parsed = ColumnMappingSchema.safeParse(mapping);
    return parsed.success ? null : (parsed.error.issues[0]?.message ?? "Check the mapping.");
  })();

  const runPreview = () => {
    if (!staged || mappingError) return;
    setError(null);
    startTransition(async () => {
      const result = await call(previewImportAction, {
        ...ref,
        uploadId: staged.uploadId,
        mapping: JSON.stringify(mapping),
      });
      if (result.ok && result.data) setPreview(result.data);
      else setError(result.ok ? null : (result.formError ?? "Could not check the rows."));
    });
  };

  const start = () => {
    if (!staged || !preview) return;
    setError(null);
    startTransition(async () => {
      const result = await call(startImportAction, {
        ...ref,
        uploadId: staged.uploadId,
        mapping: JSON.stringify(mapping),
        isStrict: String(isStrict),
        defaultSection,
      });
      if (result.ok && result.data) {
        setJob({
          id: result.data.jobId,
          state: "running",
          phase: "Starting",
          processed: 0,
          total: staged.rowCount,
        });
      } else setError(result.ok ? null : (result.formError ?? "Could not start the import."));
    });
  };

  const setTarget = (header: string, target: ColumnTarget) => {
    setMapping((current) => ({ ...current, [header]: target }));
    setPreview(null);
  };

  const isLocked = job !== null;

  return (
    <div className="mt-6 space-y-6">
      {error ? (
        <div
          role="alert"
          className="flex items-start gap-2 rounded-md bg-red-50 p-3 text-sm text-red-800 ring-1 ring-red-200"
        >
          <AlertCircle aria-hidden className="mt-0.5 size-4 shrink-0" />
          <p data-testid="import-error">{error}</p>
        </div>
      ) : null}

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
          <Button
            type="button"
            variant="secondary"
            onClick={upload}
            isPending={isPending && !staged}
            disabled={isLocked}
          >
            <Upload aria-hidden className="size-4" /> {staged ? "Read another file" : "Read file"}
          </Button>
        </div>
        {staged ? (
          <p className="mt-3 text-sm text-zinc-700" aria-live="polite">
            <span className="font-medium">{staged.fileName}</span>: {staged.rowCount.toLocaleString("en")}{" "}
            rows, {staged.headers.length} columns
            {staged.kind === "tracker-json" ? " (a tracker export: fields are mapped for you)" : ""}.
          </p>
        ) : null}
      </section>

      {staged ? (
        <section
          aria-labelledby="step-map"
          className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-zinc-200"
        >
          <h2 id="step-map" className="font-semibold">
            2. Columns
          </h2>
          <p className="mt-1 text-sm text-zinc-600">
            Choose what each column holds. Columns kept as attributes appear on each recommendation&apos;s
            page by their name. Without a title column, the title is the text&apos;s first dozen words.
          </p>
          <div className="mt-3 overflow-x-auto">
            <table className="w-full min-w-[32rem] text-left text-sm">
              <thead>
                <tr className="border-b border-zinc-200 text-xs text-zinc-500">
                  <th scope="col" className="py-2 pr-3 font-medium">
                    Column
                  </th>
                  <th scope="col" className="py-2 pr-3 font-medium">
                    Example
                  </th>
                  <th scope="col" className="w-56 py-2 font-medium">
                    Import as
                  </th>
                </tr>
              </thead>
              <tbody>
                {staged.headers.map((header) => {
                  const example = staged.sample.map((row) => row[header] ?? "").find((v) => v.trim()) ?? "";
                  return (
                    <tr key={header} className="border-b border-zinc-100">
                      <th scope="row" className="py-2 pr-3 font-medium">
                        {header}
                      </th>
                      <td className="max-w-xs truncate py-2 pr-3 text-zinc-600" title={example}>
                        {example || <span className="text-zinc-400">empty</span>}
                      </td>
                      <td className="py-2">
                        <select
                          aria-label={`Import “${header}” as`}
                          value={mapping[header] ?? "attribute"}
                          disabled={isLocked}
                          onChange={(event) => setTarget(header, event.target.value as ColumnTarget)}
                          className={cn(inputClass, "h-9")}
                        >
                          {COLUMN_TARGETS.map((target) => (
                            <option key={target} value={target}>
                              {importFieldLabels[target]}
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
              <label htmlFor={`${fileId}-section`} className="block text-sm font-medium">
                Section for rows without one
              </label>
              <input
                id={`${fileId}-section`}
                list={`${fileId}-sections`}
                value={defaultSection}
                disabled={isLocked}
                onChange={(event) => setDefaultSection(event.target.value)}
                className={inputClass}
              />
              <datalist id={`${fileId}-sections`}>
                {sections.map((title) => (
                  <option key={title} value={title} />
                ))}
              </datalist>
              <p className="text-xs text-zinc-500">Sections named in the file are created when missing.</p>
            </div>
          </div>
          {mappingError ? (
            <p className="mt-3 text-sm text-red-700" role="status">
              {mappingError}
            </p>
          ) : null}
          <Button
            type="button"
            className="mt-4"
            onClick={runPreview}
            disabled={Boolean(mappingError) || isLocked}
            isPending={isPending && !preview && !job}
          >
            {isPending && !preview ? "Checking rows…" : "Check rows"}
          </Button>
        </section>
      ) : null}

      {preview && staged ? (
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
                    className={cn(
                      "border-b border-zinc-100 align-top",
                      row.errors.length > 0 && "bg-red-50/60",
                    )}
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
                onChange={(event) => setIsStrict(event.target.checked)}
                className="size-4 rounded border-zinc-300"
              />
              Strict: import nothing if any row has an error
            </label>
            <Button
              type="button"
              onClick={start}
              disabled={isLocked || (isStrict && preview.rejectedCount > 0) || preview.validCount === 0}
              isPending={isPending && !job}
            >
              Import {preview.validCount.toLocaleString("en")} rows
            </Button>
          </div>
        </section>
      ) : null}

      {job ? <JobStatus job={job} trackerPath={trackerPath} /> : null}
    </div>
  );
}

function JobStatus({ job, trackerPath }: { job: ImportJobView; trackerPath: string }) {
  const share = job.total > 0 ? Math.min(1, job.processed / job.total) : 0;
  return (
    <section aria-labelledby="step-import" className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-zinc-200">
      <h2 id="step-import" className="font-semibold">
        4. Import
      </h2>
      {job.state === "running" ? (
        <div className="mt-3" aria-live="polite">
          <p className="text-sm text-zinc-700">
            {job.phase}: {job.processed.toLocaleString("en")} of {job.total.toLocaleString("en")} rows
          </p>
          <div
            role="progressbar"
            aria-label="Import progress"
            aria-valuemin={0}
            aria-valuemax={job.total}
            aria-valuenow={job.processed}
            className="mt-2 h-2 w-full overflow-hidden rounded-full bg-zinc-100"
          >
            <div className="h-full bg-indigo-500 transition-[width]" style={{ width: `${share * 100}%` }} />
          </div>
          <p className="mt-2 text-xs text-zinc-500">
            Runs on the server in one transaction: nothing appears until every row is written.
          </p>
        </div>
      ) : job.state === "failed" ? (
        <p role="alert" className="mt-3 text-sm text-red-800">
          {job.error}
        </p>
      ) : job.result ? (
        <div className="mt-3" data-testid="import-result">
          {job.result.isStrictFailure ? (
            <p className="text-sm text-red-800">
              Nothing was imported: {job.result.rejectedCount} rows have errors and strict mode is on.
            </p>
          ) : (
            <p className="flex items-center gap-2 text-sm text-green-800">
              <CheckCircle2 aria-hidden className="size-4" />
              Imported: {job.result.created.toLocaleString("en")} created,{" "}
              {job.result.updated.toLocaleString("en")} updated,{" "}
              {job.result.rejectedCount.toLocaleString("en")} rejected (
              {(job.result.durationMs / 1000).toFixed(1)} s).
            </p>
          )}
          {job.result.rejectedCount > 0 ? (
            <RejectedList rows={job.result.rejected} total={job.result.rejectedCount} isOpen />
          ) : null}
          <Link href={trackerPath} className={buttonClass("primary", "md", "mt-4")}>
            Open the tracker
          </Link>
        </div>
      ) : null}
    </section>
  );
}

function RejectedList({
  rows,
  total,
  isOpen = false,
}: {
  rows: { rowNumber: number; label: string; errors: string[] }[];
  total: number;
  isOpen?: boolean;
}) {
  return (
    <details className="mt-4 rounded-md bg-red-50 p-3 ring-1 ring-red-200" open={isOpen}>
      <summary className="cursor-pointer text-sm font-medium text-red-900">
        Rejected rows ({total.toLocaleString("en")})
      </summary>
      <ul className="mt-2 max-h-80 space-y-1 overflow-y-auto text-sm" data-testid="rejected-rows">
        {rows.map((row) => (
          <li key={row.rowNumber}>
            <span className="font-medium tabular-nums">Row {row.rowNumber}</span>{" "}
            <span className="text-zinc-600">({row.label.slice(0, 60)})</span>: {row.errors.join(" ")}
          </li>
        ))}
        {total > rows.length ? <li className="text-zinc-600">…and {total - rows.length} more.</li> : null}
      </ul>
    </details>
  );
}
