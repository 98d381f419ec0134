"use client";

import { useMemo, type Dispatch } from "react";
import { useTranslations } from "next-intl";
import { ActionForm, useFormState } from "@/components/ui/action-form";
import { inputClass } from "@/components/ui/field";
import { TrackerLanguageSelect } from "@/components/trackers/tracker-language-form";
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
  detectedLanguage,
}: {
  id: string;
  workspaceSlug: string;
  uploadId: string;
  state: ReviewState;
  dispatch: Dispatch<ReviewAction>;
  /** the document's language if it could be told from its text: the language select's default */
  detectedLanguage: string | null;
}) {
  const t = useTranslations("documentsClient.create");
  const payload = useMemo(() => trackerPayload(state, uploadId), [state, uploadId]);
  return (
    <section aria-labelledby={id} className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-zinc-200">
      <h2 id={id} className="font-semibold">
        {t("heading")}
      </h2>
      <ActionForm
        action={createDocumentTrackerAction}
        schema={CreateDocumentTrackerSchema}
        submitLabel={t("submit", { count: payload.recommendations.length })}
        pendingLabel={t("pending")}
        className="mt-3"
      >
        <input type="hidden" name="workspaceSlug" value={workspaceSlug} />
        <input type="hidden" name="payload" value={JSON.stringify(payload)} />
        <div className="grid gap-4 sm:grid-cols-2">
          <div className="space-y-1.5">
            <label htmlFor={`${id}-name`} className="block text-sm font-medium">
              {t("name")}
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
              {t("docTitle")}
            </label>
            <input
              id={`${id}-title`}
              value={state.docTitle}
              onChange={(e) => dispatch({ type: "docTitleChanged", value: e.target.value })}
              className={inputClass}
            />
          </div>
        </div>
        <div className="sm:max-w-sm">
          <TrackerLanguageSelect defaultValue={detectedLanguage} />
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
