"use client";

import { useOptimistic, useState } from "react";
import { ChevronDown } from "lucide-react";
import { useTranslations } from "next-intl";
import { VersionField } from "@/components/ui/version-field";
import { ActionForm } from "@/components/ui/action-form";
import { Dialog } from "@/components/ui/dialog";
import { inputClass } from "@/components/ui/field";
import { StatusBadge } from "@/components/recommendations/status-badge";
import { setStatusAction } from "@/lib/recommendations/actions";
import type { RecommendationStatus } from "@/lib/generated/prisma/enums";
import { STATUSES, statusMeta } from "@/lib/status";
import { cn } from "@/lib/cn";
import { SetStatusSchema } from "@/lib/recommendations/schemas";
import { useFormState } from "@/components/ui/action-form";

type Props = {
  workspaceSlug: string;
  recommendationId: string;
  version: number;
  status: RecommendationStatus;
  evidence: { id: string; title: string }[];
  canEdit: boolean;
};

/** The status, and for editors a dialog to change it with a justification and cited evidence (optimistic). */
export function StatusControl({
  workspaceSlug,
  recommendationId,
  version,
  status,
  evidence,
  canEdit,
}: Props) {
  const [isOpen, setIsOpen] = useState(false);
  const [optimisticStatus, setOptimisticStatus] = useOptimistic(status);
  const t = useTranslations("recommendationClient.status");
  const tStatus = useTranslations("status");
  const tCommon = useTranslations("common");
  if (!canEdit) return <StatusBadge status={status} className="text-sm" />;
  return (
    <Dialog
      open={isOpen}
      onOpenChange={setIsOpen}
      title={t("title")}
      description={t("description")}
      trigger={
        <button
          type="button"
          aria-label={t("trigger", { status: tStatus(`${optimisticStatus}.label`) })}
          className="inline-flex items-center gap-1 rounded-full focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
        >
          <StatusBadge status={optimisticStatus} className="text-sm" />
          <ChevronDown aria-hidden className="size-4 text-zinc-500" />
        </button>
      }
    >
      <ActionForm
        action={setStatusAction}
        optimistic={(form) => {
          const next = STATUSES.find((status) => status === form.get("status"));
          if (next) setOptimisticStatus(next);
        }}
        schema={SetStatusSchema}
        submitLabel={t("title")}
        pendingLabel={tCommon("saving")}
        onSuccess={() => setIsOpen(false)}
        aria-label={t("title")}
      >
        <input type="hidden" name="workspaceSlug" value={workspaceSlug} />
        <input type="hidden" name="recommendationId" value={recommendationId} />
        <VersionField version={version} />
        <StatusFields current={status} evidence={evidence} />
      </ActionForm>
    </Dialog>
  );
}

function StatusFields({
  current,
  evidence,
}: {
  current: RecommendationStatus;
  evidence: { id: string; title: string }[];
}) {
  const { errors } = useFormState();
  const t = useTranslations("recommendationClient.status");
  // i18n-keys: status.*.label status.*.meaning
  const tStatus = useTranslations("status");
  const [selected, setSelected] = useState<RecommendationStatus>(
    current === "NOT_STARTED" ? "IN_PROGRESS" : current,
  );
  return (
    <>
      <fieldset>
        <legend className="text-sm font-medium">{t("newStatus")}</legend>
        <div className="mt-2 grid gap-1.5">
          {STATUSES.map((status) => (
            <label
              key={status}
              className={cn(
                "flex cursor-pointer items-start gap-2 rounded-md p-2 ring-1 ring-zinc-200 has-checked:bg-indigo-50 has-checked:ring-indigo-300",
                status === current && "opacity-60",
              )}
            >
              <input
                type="radio"
                name="status"
                value={status}
                checked={selected === status}
                onChange={() => setSelected(status)}
                disabled={status === current}
                className="mt-1"
              />
              <span>
                <span className="flex items-center gap-1.5 text-sm font-medium">
                  <span aria-hidden className={cn("size-2 rounded-full", statusMeta[status].dot)} />
                  {tStatus(`${status}.label`)}
                  {status === current ? (
                    <span className="text-xs font-normal text-zinc-500">{t("current")}</span>
                  ) : null}
                </span>
                <span className="block text-xs text-zinc-600">{tStatus(`${status}.meaning`)}</span>
              </span>
            </label>
          ))}
        </div>
        {errors.status?.[0] ? <p className="mt-1 text-sm text-red-700">{errors.status[0]}</p> : null}
      </fieldset>
      <div>
        <label htmlFor="status-justification" className="text-sm font-medium">
          {t("justification")}
        </label>
        <textarea
          id="status-justification"
          name="justification"
          rows={3}
          required
          aria-invalid={errors.justification ? true : undefined}
          placeholder={t("justificationPlaceholder")}
          className={cn(inputClass, "mt-1.5")}
        />
        {errors.justification?.[0] ? (
          <p className="mt-1 text-sm text-red-700">{errors.justification[0]}</p>
        ) : null}
        <label className="mt-2 flex items-start gap-2 text-sm">
          <input type="checkbox" name="isPublic" className="mt-0.5" />
          <span>
            <span className="font-medium">{t("public")}</span>
            <span className="block text-xs text-zinc-600">{t("publicHint")}</span>
          </span>
        </label>
      </div>
      <fieldset>
        <legend className="text-sm font-medium">{t("citeEvidence")}</legend>
        {evidence.length === 0 ? (
          <p className="mt-1 text-sm text-zinc-500">{t("noEvidence")}</p>
        ) : (
          <div className="mt-1.5 space-y-1">
            {evidence.map((item) => (
              <label key={item.id} className="flex items-start gap-2 text-sm">
                <input type="checkbox" name="evidenceIds" value={item.id} className="mt-1" />
                <span>{item.title}</span>
              </label>
            ))}
          </div>
        )}
        {errors.evidenceIds?.[0] ? (
          <p className="mt-1 text-sm text-red-700">{errors.evidenceIds[0]}</p>
        ) : null}
      </fieldset>
    </>
  );
}
