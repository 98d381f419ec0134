"use client";

import { useEffect, useRef } from "react";
import { Plus } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { documentSegments, isLive, type ReviewState } from "@/components/documents/document-wizard-state";
import { useCandidateWhy } from "@/components/documents/review-candidates";
import { cn } from "@/lib/cn";

/** The offsets of the current selection inside `container`, trimmed of surrounding whitespace. */
function selectionOffsets(container: HTMLElement, doc: string): { start: number; end: number } | null {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!container.contains(range.startContainer) || !container.contains(range.endContainer)) return null;
  const before = document.createRange();
  before.selectNodeContents(container);
  before.setEnd(range.startContainer, range.startOffset);
  let start = before.toString().length;
  let end = start + range.toString().length;
  while (start < end && /\s/.test(doc[start]!)) start++;
  while (end > start && /\s/.test(doc[end - 1]!)) end--;
  return end - start >= 3 ? { start, end } : null;
}

/** The document with its candidates highlighted in place; any selected passage can become one. */
export function ReviewDocument({
  id,
  state,
  selection,
  onSelection,
  onAddSelection,
  lang,
}: {
  id: string;
  /** the document's language (BCP 47), when known */
  lang?: string;
  state: ReviewState;
  selection: { start: number; end: number } | null;
  onSelection: (selection: { start: number; end: number } | null) => void;
  onAddSelection: () => void;
}) {
  const t = useTranslations("documentsClient.document");
  const why = useCandidateWhy();
  const docRef = useRef<HTMLDivElement>(null);
  const doc = state.doc;

  useEffect(() => {
    const onChange = () => onSelection(docRef.current ? selectionOffsets(docRef.current, doc) : null);
    document.addEventListener("selectionchange", onChange);
    return () => document.removeEventListener("selectionchange", onChange);
  }, [doc, onSelection]);

  return (
    <section aria-labelledby={id} className="rounded-xl bg-white shadow-sm ring-1 ring-zinc-200">
      <div className="flex flex-wrap items-center justify-between gap-2 border-b border-zinc-200 px-4 py-3">
        <h2 id={id} className="font-semibold">
          {t("heading")}
        </h2>
        <Button type="button" size="sm" variant="secondary" disabled={!selection} onClick={onAddSelection}>
          <Plus aria-hidden className="size-4" /> {t("addSelection")}
        </Button>
      </div>
      <p className="px-4 pt-2 text-xs text-zinc-500" aria-live="polite">
        {/* i18n-keys: documentsClient.document.notice.* */}
        {state.notice ? t(`notice.${state.notice.kind}`, { title: state.notice.title ?? "" }) : t("help")}
      </p>
      <div
        ref={docRef}
        data-testid="review-document"
        lang={lang}
        className="max-h-[70vh] overflow-y-auto px-4 py-3 font-serif text-[15px] leading-7 whitespace-pre-wrap text-zinc-800"
      >
        {documentSegments(state).map((segment, index) =>
          segment.candidate ? (
            <mark
              key={segment.candidate.key}
              data-candidate={segment.candidate.key}
              title={why(segment.candidate)}
              onClick={() =>
                document
                  .getElementById(`card-${segment.candidate!.key}`)
                  ?.scrollIntoView({ block: "nearest", behavior: "smooth" })
              }
              className={cn(
                "cursor-pointer rounded-sm text-inherit",
                !isLive(state, segment.candidate)
                  ? "bg-zinc-100"
                  : segment.candidate.state === "accepted"
                    ? "bg-green-100"
                    : "bg-amber-100",
              )}
            >
              {segment.text}
            </mark>
          ) : (
            <span key={index}>{segment.text}</span>
          ),
        )}
      </div>
    </section>
  );
}
