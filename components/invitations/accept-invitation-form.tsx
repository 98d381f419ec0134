"use client";

import { ActionForm } from "@/components/ui/action-form";
import { acceptInvitationAction } from "@/lib/invitations/actions";
import { AcceptInvitationSchema } from "@/lib/invitations/schemas";

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
