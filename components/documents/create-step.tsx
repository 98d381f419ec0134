"use client";

import { useMemo, type Dispatch } from "react";
import { ActionForm, useFormState } from "@/components/ui/action-form";
import { inputClass } from "@/components/ui/field";
import {
  trackerPayload,
  type ReviewAction,
  type ReviewState,
} from "@/components/documents/document-wizard-state";
import { createDocumentTrackerAction } from "@/lib/documents/actions";
import { CreateDocumentTrackerSchema } from "@/lib/documents/schemas";

/** Step 3: name the tracker and the document, then create it from the accepted recommendations. */
export function CreateStep({
  id,
  workspaceSlug,
  uploadId,
  state,
  dispatch,
}: {
  id: string;
  workspaceSlug: string;
  uploadId: string;
  state: ReviewState;
  dispatch: Dispatch<ReviewAction>;
}) {
  const payload = useMemo(() => trackerPayload(state, uploadId), [state, uploadId]);
  return (
    <section aria-labelledby={id} className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-zinc-200">
      <h2 id={id} className="font-semibold">
        Create the tracker
      </h2>
      <ActionForm
        action={createDocumentTrackerAction}
        schema={CreateDocumentTrackerSchema}
        submitLabel={`Create tracker with ${payload.recommendations.length} recommendations`}
        pendingLabel="Creating the tracker…"
        className="mt-3"
      >
        <input type="hidden" name="workspaceSlug" value={workspaceSlug} />
        <input type="hidden" name="payload" value={JSON.stringify(payload)} />
        <div className="grid gap-4 sm:grid-cols-2">
          <div className="space-y-1.5">
            <label htmlFor={`${id}-name`} className="block text-sm font-medium">
              Tracker name
            </label>
            <input
              id={`${id}-name`}
              value={state.name}
              onChange={(e) => dispatch({ type: "nameChanged", value: e.target.value })}
              className={inputClass}
            />
          </div>
          <div className="space-y-1.5">
            <label htmlFor={`${id}-title`} className="block text-sm font-medium">
              Document title
            </label>
            <input
              id={`${id}-title`}
              value={state.docTitle}
              onChange={(e) => dispatch({ type: "docTitleChanged", value: e.target.value })}
              className={inputClass}
            />
          </div>
        </div>
        <PayloadErrors />
      </ActionForm>
    </section>
  );
}

function PayloadErrors() {
  const { errors } = useFormState();
  const messages = errors.payload ?? [];
  if (messages.length === 0) return null;
  return (
    <div role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800 ring-1 ring-red-200">
      {messages.slice(0, 3).map((message) => (
        <p key={message}>{message}</p>
      ))}
    </div>
  );
}
