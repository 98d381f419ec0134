"use client";

import { useReducer } from "react";
import { useTranslations } from "next-intl";
import { ReviewStep } from "@/components/documents/review-step";
import { SourceStep } from "@/components/documents/source-step";
import { fetchJson } from "@/components/ui/fetch-json";
import {
  documentWizardReducer,
  initialDocumentWizardState,
} from "@/components/documents/document-wizard-state";
import type { DocumentProposal } from "@/lib/documents/mutations";
import { routes } from "@/lib/routes";

/**
 * New tracker from a document: source (paste or upload, sent to a route handler that stores the document
 * and proposes sections and recommendations) → review → create (a server action that refers to the stored
 * document by its upload id). State transitions live in document-wizard-state.ts.
 */
export function DocumentTrackerWizard({ workspaceSlug }: { workspaceSlug: string }) {
  const t = useTranslations("documentsClient");
  const [state, dispatch] = useReducer(documentWizardReducer, initialDocumentWizardState);

  const analyze = async (input: { file: File } | { text: string }) => {
    dispatch({ type: "analyzeStarted" });
    const result = await fetchJson<DocumentProposal>(
      routes.api.documentUpload(workspaceSlug, "file" in input ? input.file.name : null),
      "file" in input
        ? {
            method: "POST",
            body: input.file,
            headers: { "Content-Type": input.file.type || "application/octet-stream" },
          }
        : { method: "POST", body: input.text, headers: { "Content-Type": "text/plain; charset=utf-8" } },
      t("source.readFailed"),
    );
    dispatch(
      result.ok ? { type: "analyzed", proposal: result.data } : { type: "failed", error: result.error },
    );
  };

  return state.step === "review" && state.proposal ? (
    <ReviewStep
      key={state.proposal.uploadId}
      workspaceSlug={workspaceSlug}
      proposal={state.proposal}
      onRestart={() => dispatch({ type: "restarted" })}
    />
  ) : (
    <SourceStep
      source={state.source}
      error={state.error}
      isPending={state.isPending}
      onSource={(source) => dispatch({ type: "sourceChosen", source })}
      onMissing={(error) => dispatch({ type: "failed", error })}
      onAnalyze={(input) => void analyze(input)}
    />
  );
}
