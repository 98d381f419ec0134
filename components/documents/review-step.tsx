"use client";

import { useEffect, useId, useMemo, useReducer, useState } from "react";
import { useTranslations } from "next-intl";
import { CreateStep } from "@/components/documents/create-step";
import { ReviewCandidates } from "@/components/documents/review-candidates";
import { ReviewDocument } from "@/components/documents/review-document";
import { ReviewSections } from "@/components/documents/review-sections";
import { initialReviewState, reviewReducer } from "@/components/documents/document-wizard-state";
import type { DocumentProposal } from "@/lib/documents/mutations";
import { reextract } from "@/lib/documents/proposal";
import { detectDocumentLanguage } from "@/lib/documents/language";
import { DOCUMENT_KINDS, type DocumentKind } from "@/lib/documents/un";

/** Step 2: review the proposal (sections, the document, the recommendations), then step 3: create. */
export function ReviewStep({
  workspaceSlug,
  proposal,
  onRestart,
}: {
  workspaceSlug: string;
  proposal: DocumentProposal;
  onRestart: () => void;
}) {
  const t = useTranslations("documentsClient");
  const id = useId();
  const [state, dispatch] = useReducer(reviewReducer, proposal, (p) =>
    initialReviewState(p, {
      name: t("defaults.name"),
      docTitle: t("defaults.docTitle"),
      section: t("defaults.section"),
    }),
  );
  const detectedLanguage = useMemo(() => detectDocumentLanguage(proposal.text), [proposal.text]);
  // i18n-keys: documentsClient.kinds.*.label, documentsClient.kinds.*.hint
  const [selection, setSelection] = useState<{ start: number; end: number } | null>(null);

  // Bring a recommendation made from a selection into view.
  useEffect(() => {
    if (!state.lastAdded) return;
    const frame = requestAnimationFrame(() =>
      document.getElementById(`card-${state.lastAdded}`)?.scrollIntoView({ block: "nearest" }),
    );
    return () => cancelAnimationFrame(frame);
  }, [state.lastAdded]);

  return (
    <div className="mt-6 space-y-6">
      <div
        className="flex flex-wrap items-center justify-between gap-3 rounded-xl bg-white px-4 py-3 shadow-sm ring-1 ring-zinc-200"
        data-testid="document-kind"
      >
        <p className="text-sm">
          <span className="font-medium">
            {state.kind === state.detectedKind
              ? t("kind.looksLike", { kind: t(`kinds.${state.kind}.label`) })
              : t("kind.readAsDetected", {
                  kind: t(`kinds.${state.kind}.label`),
                  detected: t(`kinds.${state.detectedKind}.label`),
                })}
          </span>{" "}
          <span className="text-zinc-600">{t(`kinds.${state.kind}.hint`)}</span>
        </p>
        <label className="flex items-center gap-2 text-sm text-zinc-700">
          {t("kind.readAs")}
          <select
            value={state.kind}
            onChange={(event) => {
              const kind = event.target.value as DocumentKind;
              dispatch({
                type: "kindChanged",
                body: reextract(proposal.text, proposal.structure ?? undefined, kind, state.detectedKind),
              });
            }}
            className="h-8 rounded-md border border-zinc-300 bg-white px-2 text-sm"
          >
            {DOCUMENT_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`kinds.${kind}.label`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <ReviewSections id={`${id}-sections`} state={state} dispatch={dispatch} onRestart={onRestart} />
      <div className="grid gap-6 lg:grid-cols-2">
        <ReviewDocument
          id={`${id}-doc`}
          lang={detectedLanguage ?? undefined}
          state={state}
          selection={selection}
          onSelection={setSelection}
          onAddSelection={() => {
            if (!selection) return;
            dispatch({ type: "selectionAdded", ...selection });
            window.getSelection()?.removeAllRanges();
          }}
        />
        <ReviewCandidates
          id={`${id}-candidates`}
          lang={detectedLanguage ?? undefined}
          state={state}
          dispatch={dispatch}
        />
      </div>
      <CreateStep
        id={`${id}-create`}
        workspaceSlug={workspaceSlug}
        uploadId={proposal.uploadId}
        state={state}
        dispatch={dispatch}
        detectedLanguage={detectedLanguage}
      />
    </div>
  );
}
