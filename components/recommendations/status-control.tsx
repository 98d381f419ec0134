"use client";

import { useOptimistic, useState } from "react";
import { ChevronDown } from "lucide-react";
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
  if (!canEdit) return <StatusBadge status={status} className="text-sm" />;
  return (
    <Dialog
      open={isOpen}
      onOpenChange={setIsOpen}
      title="Change status"
      description="Say why, and cite the evidence that shows it. The change goes into the status history."
      trigger={
        <button
          type="button"
          aria-label={`Status: ${statusMeta[optimisticStatus].label}. Change status`}
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
        submitLabel="Change status"
        pendingLabel="Saving…"
        onSuccess={() => setIsOpen(false)}
        aria-label="Change status"
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
  const [selected, setSelected] = useState<RecommendationStatus>(
    current === "NOT_STARTED" ? "IN_PROGRESS" : current,
  );
  return (
    <>
      <fieldset>
        <legend className="text-sm font-medium">New status</legend>
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
                  {statusMeta[status].label}
                  {status === current ? (
                    <span className="text-xs font-normal text-zinc-500">(current)</span>
                  ) : null}
                </span>
                <span className="block text-xs text-zinc-600">{statusMeta[status].meaning}</span>
              </span>
            </label>
          ))}
        </div>
        {errors.status?.[0] ? <p className="mt-1 text-sm text-red-700">{errors.status[0]}</p> : null}
      </fieldset>
      <div>
        <label htmlFor="status-justification" className="text-sm font-medium">
          Justification
        </label>
        <textarea
          id="status-justification"
          name="justification"
          rows={3}
          required
          aria-invalid={errors.justification ? true : undefined}
          placeholder="e.g. Proclamation 10141 revoked the ban on 20 January 2021."
          className={cn(inputClass, "mt-1.5")}
        />
        {errors.justification?.[0] ? (
          <p className="mt-1 text-sm text-red-700">{errors.justification[0]}</p>
        ) : null}
        <label className="mt-2 flex items-start gap-2 text-sm">
          <input type="checkbox" name="isPublic" className="mt-0.5" />
          <span>
            <span className="font-medium">Show on the public scorecard</span>
            <span className="block text-xs text-zinc-600">
              Unticked, only the team sees this text: a published scorecard shows the new status without it.
            </span>
          </span>
        </label>
      </div>
      <fieldset>
        <legend className="text-sm font-medium">Cite evidence</legend>
        {evidence.length === 0 ? (
          <p className="mt-1 text-sm text-zinc-500">
            No evidence linked yet. Add evidence on this page to cite it.
          </p>
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
