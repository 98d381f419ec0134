"use client";

import { ActionForm } from "@/components/ui/action-form";
import { acceptInvitationAction } from "@/app/(app)/invite/[token]/actions";
import { AcceptInvitationSchema } from "@/lib/validation/workspace";

export function AcceptInvitationForm({ token }: { token: string }) {
  return (
    <ActionForm
      action={acceptInvitationAction}
      schema={AcceptInvitationSchema}
      submitLabel="Accept invitation"
      pendingLabel="Joining…"
    >
      <input type="hidden" name="token" value={token} />
    </ActionForm>
  );
}
