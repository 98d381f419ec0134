"use client";

import { ActionForm } from "@/components/ui/action-form";
import { Field } from "@/components/ui/field";
import { deleteWorkspaceAction, renameWorkspaceAction } from "@/lib/workspaces/actions";
import { removeMemberAction } from "@/lib/members/actions";
import { DeleteWorkspaceSchema, RenameWorkspaceSchema } from "@/lib/workspaces/schemas";
import { MembershipRefSchema } from "@/lib/members/schemas";

export function RenameWorkspaceForm({ workspaceSlug, name }: { workspaceSlug: string; name: string }) {
  return (
    <ActionForm
      action={renameWorkspaceAction}
      schema={RenameWorkspaceSchema}
      submitLabel="Rename"
      pendingLabel="Saving…"
      aria-label="Rename workspace"
    >
      <input type="hidden" name="workspaceSlug" value={workspaceSlug} />
      <Field name="name" label="Workspace name" defaultValue={name} required />
    </ActionForm>
  );
}

export function DeleteWorkspaceForm({ workspaceSlug }: { workspaceSlug: string }) {
  return (
    <ActionForm
      action={deleteWorkspaceAction}
      schema={DeleteWorkspaceSchema}
      submitLabel="Delete workspace"
      pendingLabel="Deleting…"
      submitVariant="danger"
      confirmText="Delete this workspace and all its trackers for everyone? This cannot be undone."
      aria-label="Delete workspace"
    >
      <input type="hidden" name="workspaceSlug" value={workspaceSlug} />
      <Field name="confirmSlug" label={`Type “${workspaceSlug}” to confirm`} autoComplete="off" required />
    </ActionForm>
  );
}

export function LeaveWorkspaceForm({
  workspaceSlug,
  membershipId,
}: {
  workspaceSlug: string;
  membershipId: string;
}) {
  return (
    <ActionForm
      action={removeMemberAction}
      schema={MembershipRefSchema}
      submitLabel="Leave workspace"
      pendingLabel="Leaving…"
      submitVariant="secondary"
      confirmText="Leave this workspace? You will need a new invitation to come back."
      aria-label="Leave workspace"
    >
      <input type="hidden" name="workspaceSlug" value={workspaceSlug} />
      <input type="hidden" name="membershipId" value={membershipId} />
    </ActionForm>
  );
}
