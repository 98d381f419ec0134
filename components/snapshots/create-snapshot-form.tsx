"use client";

import { useRouter } from "next/navigation";
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
  return (
    <ActionForm
      action={createSnapshotAction}
      schema={CreateSnapshotSchema}
      submitLabel="Take snapshot"
      pendingLabel="Freezing the tracker…"
      onSuccess={(result) => {
        if (result.data) router.push(result.data.path);
      }}
      aria-label="Take a snapshot"
    >
      <input type="hidden" name="workspaceSlug" value={workspaceSlug} />
      <input type="hidden" name="trackerId" value={trackerId} />
      <div className="grid gap-3 sm:grid-cols-[1fr_12rem]">
        <Field name="name" label="Name" placeholder="100-day report card" required maxLength={120} />
        <Field
          name="asOf"
          label="As of (optional)"
          type="date"
          hint="Empty: now. A past day: its end, from the status history."
        />
      </div>
    </ActionForm>
  );
}
