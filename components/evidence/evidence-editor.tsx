"use client";

import { useState, type ReactNode } from "react";
import { Pencil, Plus, Trash2 } from "lucide-react";
import { VersionField } from "@/components/ui/version-field";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, SelectField } from "@/components/ui/field";
import { useServerAction } from "@/components/ui/use-server-action";
import { addEvidenceAction, deleteEvidenceAction, updateEvidenceAction } from "@/lib/evidence/actions";
import { evidenceSourceLabels, evidenceStanceLabels } from "@/lib/evidence/rules";
import { CreateEvidenceSchema, SOURCE_TYPES, STANCES, UpdateEvidenceSchema } from "@/lib/evidence/schemas";

export type EvidenceFormValues = {
  id: string;
  version: number;
  url: string;
  title: string;
  sourceType: string;
  publishedAt: string; // YYYY-MM-DD or ""
  stance: string;
  quote: string;
  isPublic: boolean;
};

const sourceOptions = SOURCE_TYPES.map((value) => ({ value, label: evidenceSourceLabels[value] }));

const stanceOptions = STANCES.map((value) => ({ value, label: evidenceStanceLabels[value] }));

function EvidenceFields({ values }: { values?: EvidenceFormValues }) {
  return (
    <>
      <Field
        name="url"
        label="Link"
        type="url"
        inputMode="url"
        placeholder="https://www.federalregister.gov/…"
        defaultValue={values?.url}
        required
      />
      <Field name="title" label="Title" defaultValue={values?.title} required />
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField
          name="sourceType"
          label="Source type"
          defaultValue={values?.sourceType ?? "OFFICIAL_STATEMENT"}
          options={sourceOptions}
        />
        <SelectField
          name="stance"
          label="It shows"
          defaultValue={values?.stance ?? "PROGRESS"}
          options={stanceOptions}
        />
      </div>
      <Field name="publishedAt" label="Publication date" type="date" defaultValue={values?.publishedAt} />
      <Field name="quote" label="Quoted passage (optional)" defaultValue={values?.quote} />
      <label className="flex items-start gap-2 rounded-md p-2 text-sm ring-1 ring-zinc-200 has-checked:bg-indigo-50 has-checked:ring-indigo-300">
        <input
          type="checkbox"
          name="isPublic"
          defaultChecked={values?.isPublic ?? false}
          className="mt-0.5"
        />
        <span>
          <span className="font-medium">Show on the public scorecard</span>
          <span className="block text-xs text-zinc-600">
            Off by default. Public evidence appears on the published page and in snapshots’ public view.
          </span>
        </span>
      </label>
    </>
  );
}

export function AddEvidenceButton({
  workspaceSlug,
  recommendationId,
}: {
  workspaceSlug: string;
  recommendationId: string;
}) {
  const [isOpen, setIsOpen] = useState(false);
  return (
    <Dialog
      open={isOpen}
      onOpenChange={setIsOpen}
      title="Add evidence"
      description="A link to an executive order, UN document, news story or NGO report. Only http(s) links are accepted."
      trigger={
        <Button size="sm" variant="secondary">
          <Plus aria-hidden className="size-4" /> Add evidence
        </Button>
      }
    >
      <ActionForm
        action={addEvidenceAction}
        schema={CreateEvidenceSchema}
        submitLabel="Add evidence"
        pendingLabel="Adding…"
        onSuccess={() => setIsOpen(false)}
        aria-label="Add evidence"
      >
        <input type="hidden" name="workspaceSlug" value={workspaceSlug} />
        <input type="hidden" name="recommendationId" value={recommendationId} />
        <EvidenceFields />
      </ActionForm>
    </Dialog>
  );
}

/** Edit and delete controls for one evidence item; the item itself is rendered by the server. */
export function EvidenceItemControls({
  workspaceSlug,
  values,
  children,
}: {
  workspaceSlug: string;
  values: EvidenceFormValues;
  children: ReactNode;
}) {
  const [isOpen, setIsOpen] = useState(false);
  const remove = useServerAction(deleteEvidenceAction);
  return (
    <div className="flex items-start gap-2">
      <div className="min-w-0 flex-1">{children}</div>
      <div className="flex shrink-0 gap-0.5">
        <Dialog
          open={isOpen}
          onOpenChange={setIsOpen}
          title="Edit evidence"
          trigger={
            <button
              type="button"
              aria-label={`Edit evidence: ${values.title}`}
              className="rounded p-1 text-zinc-400 hover:bg-zinc-100 hover:text-zinc-700"
            >
              <Pencil aria-hidden className="size-3.5" />
            </button>
          }
        >
          <ActionForm
            action={updateEvidenceAction}
            schema={UpdateEvidenceSchema}
            submitLabel="Save evidence"
            pendingLabel="Saving…"
            onSuccess={() => setIsOpen(false)}
            aria-label="Edit evidence"
          >
            <input type="hidden" name="workspaceSlug" value={workspaceSlug} />
            <input type="hidden" name="evidenceId" value={values.id} />
            <VersionField version={values.version} />
            <EvidenceFields values={values} />
          </ActionForm>
        </Dialog>
        <button
          type="button"
          aria-label={`Delete evidence: ${values.title}`}
          disabled={remove.isPending}
          onClick={() => {
            if (window.confirm("Delete this evidence link?"))
              remove.run({ workspaceSlug, evidenceId: values.id });
          }}
          className="rounded p-1 text-zinc-400 hover:bg-zinc-100 hover:text-red-700"
        >
          <Trash2 aria-hidden className="size-3.5" />
        </button>
      </div>
    </div>
  );
}
