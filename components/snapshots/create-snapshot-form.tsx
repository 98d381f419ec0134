"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/ui/action-form";
import { Field } from "@/components/ui/field";
import { createSnapshotAction } from "@/lib/snapshots/actions";
import { CreateSnapshotSchema } from "@/lib/snapshots/schemas";

/** Name a snapshot and pick its date (empty: now); on success, open it. */
export function CreateSnapshotForm({
  workspaceSlug,
  trackerId,
}: {
  workspaceSlug: string;
  trackerId: string;
}) {
  const router = useRouter();
  const t = useTranslations("snapshotsClient");
  return (
    <ActionForm
      action={createSnapshotAction}
      schema={CreateSnapshotSchema}
      submitLabel={t("submit")}
      pendingLabel={t("pending")}
      onSuccess={(result) => {
        if (result.data) router.push(result.data.path);
      }}
      aria-label={t("label")}
    >
      <input type="hidden" name="workspaceSlug" value={workspaceSlug} />
      <input type="hidden" name="trackerId" value={trackerId} />
      <div className="grid gap-3 sm:grid-cols-[1fr_12rem]">
        <Field name="name" label={t("name")} placeholder={t("namePlaceholder")} required maxLength={120} />
        <Field name="asOf" label={t("asOf")} type="date" hint={t("asOfHint")} />
      </div>
    </ActionForm>
  );
}
