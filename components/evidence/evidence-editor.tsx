"use client";

import { useState, type ReactNode } from "react";
import { Pencil, Plus, Trash2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { VersionField } from "@/components/ui/version-field";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, SelectField } from "@/components/ui/field";
import { useServerAction } from "@/components/ui/use-server-action";
import { addEvidenceAction, deleteEvidenceAction, updateEvidenceAction } from "@/lib/evidence/actions";
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

function EvidenceFields({ values }: { values?: EvidenceFormValues }) {
  // i18n-keys: evidenceClient.sourceType.* evidenceClient.stance.*
  const t = useTranslations("evidenceClient");
  const sourceOptions = SOURCE_TYPES.map((value) => ({ value, label: t(`sourceType.${value}`) }));
  const stanceOptions = STANCES.map((value) => ({ value, label: t(`stance.${value}`) }));
  return (
    <>
      <Field
        name="url"
        label={t("fields.url")}
        type="url"
        inputMode="url"
        placeholder="https://www.federalregister.gov/…"
        defaultValue={values?.url}
        required
      />
      <Field name="title" label={t("fields.title")} defaultValue={values?.title} required />
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField
          name="sourceType"
          label={t("fields.sourceType")}
          defaultValue={values?.sourceType ?? "OFFICIAL_STATEMENT"}
          options={sourceOptions}
        />
        <SelectField
          name="stance"
          label={t("fields.stance")}
          defaultValue={values?.stance ?? "PROGRESS"}
          options={stanceOptions}
        />
      </div>
      <Field
        name="publishedAt"
        label={t("fields.publishedAt")}
        type="date"
        defaultValue={values?.publishedAt}
      />
      <Field name="quote" label={t("fields.quote")} defaultValue={values?.quote} />
      <label className="flex items-start gap-2 rounded-md p-2 text-sm ring-1 ring-zinc-200 has-checked:bg-indigo-50 has-checked:ring-indigo-300">
        <input
          type="checkbox"
          name="isPublic"
          defaultChecked={values?.isPublic ?? false}
          className="mt-0.5"
        />
        <span>
          <span className="font-medium">{t("fields.public")}</span>
          <span className="block text-xs text-zinc-600">{t("fields.publicHint")}</span>
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
  const t = useTranslations("evidenceClient");
  const tCommon = useTranslations("common");
  return (
    <Dialog
      open={isOpen}
      onOpenChange={setIsOpen}
      title={t("add")}
      description={t("addDescription")}
      trigger={
        <Button size="sm" variant="secondary">
          <Plus aria-hidden className="size-4" /> {t("add")}
        </Button>
      }
    >
      <ActionForm
        action={addEvidenceAction}
        schema={CreateEvidenceSchema}
        submitLabel={t("add")}
        pendingLabel={tCommon("adding")}
        onSuccess={() => setIsOpen(false)}
        aria-label={t("add")}
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
  const t = useTranslations("evidenceClient");
  const tCommon = useTranslations("common");
  return (
    <div className="flex items-start gap-2">
      <div className="min-w-0 flex-1">{children}</div>
      <div className="flex shrink-0 gap-0.5">
        <Dialog
          open={isOpen}
          onOpenChange={setIsOpen}
          title={t("edit")}
          trigger={
            <button
              type="button"
              aria-label={t("editNamed", { title: values.title })}
              className="rounded p-1 text-zinc-400 hover:bg-zinc-100 hover:text-zinc-700"
            >
              <Pencil aria-hidden className="size-3.5" />
            </button>
          }
        >
          <ActionForm
            action={updateEvidenceAction}
            schema={UpdateEvidenceSchema}
            submitLabel={t("save")}
            pendingLabel={tCommon("saving")}
            onSuccess={() => setIsOpen(false)}
            aria-label={t("edit")}
          >
            <input type="hidden" name="workspaceSlug" value={workspaceSlug} />
            <input type="hidden" name="evidenceId" value={values.id} />
            <VersionField version={values.version} />
            <EvidenceFields values={values} />
          </ActionForm>
        </Dialog>
        <button
          type="button"
          aria-label={t("deleteNamed", { title: values.title })}
          disabled={remove.isPending}
          onClick={() => {
            if (window.confirm(t("confirmDelete"))) remove.run({ workspaceSlug, evidenceId: values.id });
          }}
          className="rounded p-1 text-zinc-400 hover:bg-zinc-100 hover:text-red-700"
        >
          <Trash2 aria-hidden className="size-3.5" />
        </button>
      </div>
    </div>
  );
}
