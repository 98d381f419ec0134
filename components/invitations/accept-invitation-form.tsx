"use client";

import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/ui/action-form";
import { acceptInvitationAction } from "@/lib/invitations/actions";
import { AcceptInvitationSchema } from "@/lib/invitations/schemas";

export function AcceptInvitationForm({ token }: { token: string }) {
  const t = useTranslations("accountsClient.acceptInvitation");
  return (
    <ActionForm
      action={acceptInvitationAction}
      schema={AcceptInvitationSchema}
      submitLabel={t("submit")}
      pendingLabel={t("pending")}
    >
      <input type="hidden" name="token" value={token} />
    </ActionForm>
  );
}
