"use client";

import { useId } from "react";
import { AlertCircle, FileUp } from "lucide-react";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import type { DocumentSource } from "@/components/documents/document-wizard-state";
import { cn } from "@/lib/cn";

/** Step 1: paste the document's text or choose its file. */
export function SourceStep({
  source,
  error,
  isPending,
  onSource,
  onMissing,
  onAnalyze,
}: {
  source: DocumentSource;
  error: string | null;
  isPending: boolean;
  onSource: (source: DocumentSource) => void;
  onMissing: (message: string) => void;
  onAnalyze: (input: { file: File } | { text: string }) => void;
}) {
  const id = useId();
  return (
    <form
      className="mt-6 max-w-3xl space-y-4 rounded-xl bg-white p-5 shadow-sm ring-1 ring-zinc-200"
      aria-label="Document"
      onSubmit={(event) => {
        event.preventDefault();
        if (isPending) return;
        const form = new FormData(event.currentTarget);
        if (source === "file") {
          const file = form.get("file");
          if (file instanceof File && file.name) onAnalyze({ file });
          else onMissing("Choose a file to upload.");
        } else {
          const text = String(form.get("text") ?? "");
          if (text.trim()) onAnalyze({ text });
          else onMissing("Paste the document's text.");
        }
      }}
    >
      <fieldset>
        <legend className="text-sm font-medium">Source</legend>
        <div className="mt-2 flex gap-4 text-sm">
          {(["paste", "file"] as const).map((value) => (
            <label key={value} className="flex items-center gap-2">
              <input
                type="radio"
                name="sourceChoice"
                value={value}
                checked={source === value}
                onChange={() => onSource(value)}
              />
              {value === "paste" ? "Paste text" : "Upload a file"}
            </label>
          ))}
        </div>
      </fieldset>
      {source === "paste" ? (
        <div className="space-y-1.5">
          <label htmlFor={`${id}-text`} className="block text-sm font-medium">
            Document text
          </label>
          <textarea
            id={`${id}-text`}
            name="text"
            rows={14}
            className={cn(inputClass, "font-serif")}
            placeholder="Paste the whole document, headings included."
          />
        </div>
      ) : (
        <div className="space-y-1.5">
          <label htmlFor={`${id}-file`} className="block text-sm font-medium">
            Document file
          </label>
          <input
            id={`${id}-file`}
            type="file"
            name="file"
            accept=".txt,.md,.markdown,.pdf,.docx,text/plain,text/markdown,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            className="block w-full text-sm file:mr-3 file:rounded-md file:border-0 file:bg-zinc-100 file:px-3 file:py-1.5 file:text-sm file:font-medium hover:file:bg-zinc-200"
          />
          <p className="text-xs text-zinc-500">.txt, .md, .pdf or .docx, up to 10 MB.</p>
        </div>
      )}
      {error ? (
        <div
          role="alert"
          className="flex items-start gap-2 rounded-md bg-red-50 p-3 text-sm text-red-800 ring-1 ring-red-200"
        >
          <AlertCircle aria-hidden className="mt-0.5 size-4 shrink-0" />
          <p data-testid="document-error">{error}</p>
        </div>
      ) : null}
      <Button type="submit" isPending={isPending}>
        <FileUp aria-hidden className="size-4" />{" "}
        {isPending ? "Reading the document…" : "Propose recommendations"}
      </Button>
    </form>
  );
}
