"use client";

import { useId, useRef, useState, type ReactNode } from "react";
import { useRouter } from "next/navigation";
import { Pencil } from "lucide-react";
import { useTranslations } from "next-intl";
import { ActionForm, SubmitButton, useFormState } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { updateFieldAction } from "@/lib/recommendations/actions";
import type { Conflict } from "@/lib/action-result";
import { cn } from "@/lib/cn";
import { UpdateFieldSchema, type EditableField as FieldName } from "@/lib/recommendations/schemas";
import { Alert } from "@/components/ui/alert";

type Control =
  | { kind: "text"; suggestions?: string[]; placeholder?: string }
  | { kind: "textarea"; rows?: number }
  | { kind: "date" }
  | { kind: "select"; options: { value: string; label: string }[] };

export type EditableFieldProps = {
  workspaceSlug: string;
  recommendationId: string;
  version: number;
  field: FieldName;
  label: string;
  value: string;
  display: ReactNode;
  control: Control;
  canEdit: boolean;
  /** Renders the label visually (sidebar fields) or only for screen readers (title, text). */
  isLabelVisible?: boolean;
  className?: string;
};

/**
 * A field edited in place. The edit carries the version it started from; if someone saved first, the
 * server refuses it and this shows their value, with a way to re-apply ours on top.
 */
export function EditableField(props: EditableFieldProps) {
  const { canEdit, display, label, isLabelVisible = true, className } = props;
  const [isEditing, setIsEditing] = useState(false);
  const t = useTranslations("recommendationClient");
  return (
    <div className={className}>
      {isLabelVisible ? <p className="text-xs font-medium text-zinc-500">{label}</p> : null}
      {isEditing ? (
        <FieldEditor {...props} onDone={() => setIsEditing(false)} />
      ) : (
        <div className="group flex items-start gap-1.5">
          <div className="min-w-0 flex-1">{display}</div>
          {canEdit ? (
            <button
              type="button"
              onClick={() => setIsEditing(true)}
              aria-label={t("edit", { field: label.toLocaleLowerCase() })}
              className="shrink-0 rounded p-1 text-zinc-400 hover:bg-zinc-100 hover:text-zinc-700 focus-visible:outline-2 focus-visible:outline-indigo-600"
            >
              <Pencil aria-hidden className="size-3.5" />
            </button>
          ) : null}
        </div>
      )}
    </div>
  );
}

function FieldEditor({
  workspaceSlug,
  recommendationId,
  version,
  field,
  label,
  value,
  control,
  onDone,
}: EditableFieldProps & { onDone: () => void }) {
  const router = useRouter();
  const t = useTranslations("recommendationClient");
  const tCommon = useTranslations("common");
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const formRef = useRef<HTMLDivElement>(null);
  // The version this edit started from. A live refresh may bring a newer one while the user types; the save
  // must still carry the old one, so that someone else's change meets the conflict flow, never a silent overwrite.
  const [startVersion] = useState(version);
  const submitVersion = conflict ? conflict.currentVersion : startVersion;
  return (
    <div ref={formRef}>
      <ActionForm
        action={updateFieldAction}
        schema={UpdateFieldSchema}
        hideSubmit
        className="mt-1 space-y-2"
        aria-label={t("edit", { field: label.toLocaleLowerCase() })}
        onSuccess={() => onDone()}
        onFailure={(result) => setConflict(result.conflict ?? null)}
      >
        <input type="hidden" name="workspaceSlug" value={workspaceSlug} />
        <input type="hidden" name="recommendationId" value={recommendationId} />
        <input type="hidden" name="version" value={submitVersion} />
        <input type="hidden" name="field" value={field} />
        <ControlInput label={label} value={value} control={control} />
        {conflict ? (
          <Alert
            variant="warning"
            role="alert"
            data-testid="conflict"
            title={
              conflict.updatedBy
                ? t("conflict.savedFirst", { name: conflict.updatedBy })
                : t("conflict.someoneSavedFirst")
            }
          >
            <p className="mt-1">
              {t("conflict.currentValue")}{" "}
              <span className="font-medium" data-testid="conflict-current">
                {conflict.currentValue || t("conflict.empty")}
              </span>
            </p>
            <p className="mt-1 text-amber-800">{t("conflict.hint")}</p>
          </Alert>
        ) : null}
        <div className="flex gap-2">
          <SubmitButton size="sm" pendingLabel={tCommon("saving")}>
            {conflict ? t("conflict.reapply") : tCommon("save")}
          </SubmitButton>
          <Button
            type="button"
            size="sm"
            variant="ghost"
            onClick={() => {
              if (conflict) router.refresh();
              onDone();
            }}
          >
            {conflict ? t("conflict.keepTheirs") : tCommon("cancel")}
          </Button>
        </div>
      </ActionForm>
    </div>
  );
}

function ControlInput({ label, value, control }: { label: string; value: string; control: Control }) {
  const id = useId();
  const { errors } = useFormState();
  const error = errors.value?.[0];
  const common = {
    id,
    name: "value",
    defaultValue: value,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": error ? `${id}-error` : undefined,
    autoFocus: true,
  } as const;
  return (
    <div>
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      {control.kind === "textarea" ? (
        <textarea {...common} rows={control.rows ?? 5} className={cn(inputClass, "leading-6")} />
      ) : control.kind === "select" ? (
        <select {...common} className={cn(inputClass, "h-9")}>
          {control.options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      ) : control.kind === "date" ? (
        <input {...common} type="date" className={inputClass} />
      ) : (
        <>
          <input
            {...common}
            type="text"
            placeholder={control.placeholder}
            list={control.suggestions ? `${id}-list` : undefined}
            className={inputClass}
          />
          {control.suggestions ? (
            <datalist id={`${id}-list`}>
              {control.suggestions.map((suggestion) => (
                <option key={suggestion} value={suggestion} />
              ))}
            </datalist>
          ) : null}
        </>
      )}
      {error ? (
        <p id={`${id}-error`} className="mt-1 text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
