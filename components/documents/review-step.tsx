"use client";

import { useEffect, useId, useReducer, useState } from "react";
import { CreateStep } from "@/components/documents/create-step";
import { ReviewCandidates } from "@/components/documents/review-candidates";
import { ReviewDocument } from "@/components/documents/review-document";
import { ReviewSections } from "@/components/documents/review-sections";
import { initialReviewState, reviewReducer } from "@/components/documents/document-wizard-state";
import type { DocumentProposal } from "@/lib/documents/mutations";

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
  const id = useId();
  const [state, dispatch] = useReducer(reviewReducer, proposal, initialReviewState);
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
      <ReviewSections id={`${id}-sections`} state={state} dispatch={dispatch} onRestart={onRestart} />
      <div className="grid gap-6 lg:grid-cols-2">
        <ReviewDocument
          id={`${id}-doc`}
          state={state}
          selection={selection}
          onSelection={setSelection}
          onAddSelection={() => {
            if (!selection) return;
            dispatch({ type: "selectionAdded", ...selection });
            window.getSelection()?.removeAllRanges();
          }}
        />
        <ReviewCandidates id={`${id}-candidates`} state={state} dispatch={dispatch} />
      </div>
      <CreateStep
        id={`${id}-create`}
        workspaceSlug={workspaceSlug}
        uploadId={proposal.uploadId}
        state={state}
        dispatch={dispatch}
      />
    </div>
  );
}
