"use client";

import { useId } from "react";
import { useTranslations } from "next-intl";
import { AlertCircle, FileUp } from "lucide-react";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { DocumentSource } from "@/components/documents/document-wizard-state";
import { MAX_DOCUMENT_BYTES } from "@/lib/documents/limits";
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
  const isHydrated = useHydrated();
  const t = useTranslations("documentsClient.source");
  const id = useId();
  return (
    <form
      method="post"
      className="mt-6 max-w-3xl space-y-4 rounded-xl bg-white p-5 shadow-sm ring-1 ring-zinc-200"
      aria-label={t("formLabel")}
      onSubmit={(event) => {
        event.preventDefault();
        if (isPending) return;
        const form = new FormData(event.currentTarget);
        if (source === "file") {
          const file = form.get("file");
          if (file instanceof File && file.name) onAnalyze({ file });
          else onMissing(t("missingFile"));
        } else {
          const text = String(form.get("text") ?? "");
          if (text.trim()) onAnalyze({ text });
          else onMissing(t("missingText"));
        }
      }}
    >
      <fieldset>
        <legend className="text-sm font-medium">{t("legend")}</legend>
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
              {value === "paste" ? t("paste") : t("upload")}
            </label>
          ))}
        </div>
      </fieldset>
      {source === "paste" ? (
        <div className="space-y-1.5">
          <label htmlFor={`${id}-text`} className="block text-sm font-medium">
            {t("text")}
          </label>
          <textarea
            id={`${id}-text`}
            name="text"
            rows={14}
            className={cn(inputClass, "font-serif")}
            placeholder={t("textPlaceholder")}
          />
        </div>
      ) : (
        <div className="space-y-1.5">
          <label htmlFor={`${id}-file`} className="block text-sm font-medium">
            {t("file")}
          </label>
          <input
            id={`${id}-file`}
            type="file"
            name="file"
            accept=".txt,.md,.markdown,.pdf,.docx,text/plain,text/markdown,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            className="block w-full text-sm file:me-3 file:rounded-md file:border-0 file:bg-zinc-100 file:px-3 file:py-1.5 file:text-sm file:font-medium hover:file:bg-zinc-200"
          />
          <p className="text-xs text-zinc-500">{t("fileHint", { mb: MAX_DOCUMENT_BYTES / 1024 / 1024 })}</p>
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
      <Button type="submit" isPending={isPending} disabled={!isHydrated}>
        <FileUp aria-hidden className="size-4" /> {isPending ? t("pending") : t("submit")}
      </Button>
    </form>
  );
}
