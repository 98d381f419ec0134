"use client";

import { useState } from "react";
import { Check, Copy } from "lucide-react";
import { useTranslations } from "next-intl";
import { ActionForm, SubmitButton } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { Field, SelectField, inputClass } from "@/components/ui/field";
import { changeRoleAction, removeMemberAction, transferOwnershipAction } from "@/lib/members/actions";
import { inviteMemberAction, revokeInvitationAction } from "@/lib/invitations/actions";
import type { Role } from "@/lib/generated/prisma/enums";
import { ChangeRoleSchema, MembershipRefSchema } from "@/lib/members/schemas";
import { InviteMemberSchema } from "@/lib/invitations/schemas";

// i18n-keys: roles.*
export function InviteForm({ workspaceSlug, roles }: { workspaceSlug: string; roles: Role[] }) {
  const t = useTranslations("membersClient");
  const tRoles = useTranslations("roles");
  const [link, setLink] = useState<string | null>(null);
  const [isCopied, setIsCopied] = useState(false);
  return (
    <div className="space-y-4">
      <ActionForm
        action={inviteMemberAction}
        schema={InviteMemberSchema}
        submitLabel={t("invite.submit")}
        pendingLabel={t("invite.pending")}
        resetOnSuccess
        aria-label={t("invite.label")}
        onSuccess={(result) => {
          setLink(result.data?.link ?? null);
          setIsCopied(false);
        }}
      >
        <input type="hidden" name="workspaceSlug" value={workspaceSlug} />
        <div className="grid gap-4 sm:grid-cols-[1fr_10rem]">
          <Field
            name="email"
            label={t("invite.email")}
            type="email"
            autoComplete="off"
            placeholder={t("invite.emailPlaceholder")}
            required
          />
          <SelectField
            name="role"
            label={t("invite.role")}
            defaultValue="VIEWER"
            options={roles.map((role) => ({ value: role, label: tRoles(role) }))}
          />
        </div>
      </ActionForm>
      {link ? (
        <div className="rounded-lg bg-indigo-50 p-3 ring-1 ring-indigo-200">
          <label htmlFor="invite-link" className="text-sm font-medium text-indigo-950">
            {t("invite.link")}
          </label>
          <div className="mt-2 flex gap-2">
            <input
              id="invite-link"
              readOnly
              value={link}
              className={inputClass}
              onFocus={(e) => e.currentTarget.select()}
            />
            <Button
              type="button"
              variant="secondary"
              onClick={async () => {
                await navigator.clipboard?.writeText(link).catch(() => undefined);
                setIsCopied(true);
              }}
            >
              {isCopied ? <Check aria-hidden className="size-4" /> : <Copy aria-hidden className="size-4" />}
              {isCopied ? t("invite.copied") : t("invite.copy")}
            </Button>
          </div>
        </div>
      ) : null}
    </div>
  );
}

export function RoleForm({
  workspaceSlug,
  membershipId,
  role,
  roles,
  name,
}: {
  workspaceSlug: string;
  membershipId: string;
  role: Role;
  roles: Role[];
  name: string;
}) {
  const t = useTranslations("membersClient");
  const tRoles = useTranslations("roles");
  return (
    <ActionForm
      action={changeRoleAction}
      schema={ChangeRoleSchema}
      hideSubmit
      className="flex items-center gap-2 space-y-0"
    >
      <input type="hidden" name="workspaceSlug" value={workspaceSlug} />
      <input type="hidden" name="membershipId" value={membershipId} />
      <label className="sr-only" htmlFor={`role-${membershipId}`}>
        {t("roleOf", { name })}
      </label>
      <select
        id={`role-${membershipId}`}
        name="role"
        defaultValue={role}
        className={`${inputClass} h-8 w-28 py-0`}
        onChange={(event) => event.currentTarget.form?.requestSubmit()}
      >
        {roles.map((option) => (
          <option key={option} value={option}>
            {tRoles(option)}
          </option>
        ))}
      </select>
    </ActionForm>
  );
}

function MembershipButton({
  action,
  workspaceSlug,
  membershipId,
  label,
  pendingLabel,
  confirmText,
  variant = "ghost",
}: {
  action: typeof removeMemberAction;
  workspaceSlug: string;
  membershipId: string;
  label: string;
  pendingLabel: string;
  confirmText: string;
  variant?: "ghost" | "danger" | "secondary";
}) {
  return (
    <ActionForm
      action={action}
      schema={MembershipRefSchema}
      hideSubmit
      confirmText={confirmText}
      className="space-y-0"
    >
      <input type="hidden" name="workspaceSlug" value={workspaceSlug} />
      <input type="hidden" name="membershipId" value={membershipId} />
      <SubmitButton size="sm" variant={variant} pendingLabel={pendingLabel}>
        {label}
      </SubmitButton>
    </ActionForm>
  );
}

export function RemoveMemberButton(props: {
  workspaceSlug: string;
  membershipId: string;
  name: string;
  isSelf: boolean;
}) {
  const t = useTranslations("membersClient");
  return (
    <MembershipButton
      action={removeMemberAction}
      workspaceSlug={props.workspaceSlug}
      membershipId={props.membershipId}
      label={props.isSelf ? t("leave.label") : t("remove.label")}
      pendingLabel={props.isSelf ? t("leave.pending") : t("remove.pending")}
      confirmText={props.isSelf ? t("leave.confirm") : t("remove.confirm", { name: props.name })}
    />
  );
}

export function TransferOwnershipButton(props: {
  workspaceSlug: string;
  membershipId: string;
  name: string;
}) {
  const t = useTranslations("membersClient");
  return (
    <MembershipButton
      action={transferOwnershipAction}
      workspaceSlug={props.workspaceSlug}
      membershipId={props.membershipId}
      label={t("transfer.label")}
      pendingLabel={t("transfer.pending")}
      confirmText={t("transfer.confirm", { name: props.name })}
    />
  );
}

export function RevokeInvitationButton({
  workspaceSlug,
  invitationId,
}: {
  workspaceSlug: string;
  invitationId: string;
}) {
  const t = useTranslations("membersClient");
  return (
    <ActionForm action={revokeInvitationAction} hideSubmit className="space-y-0">
      <input type="hidden" name="workspaceSlug" value={workspaceSlug} />
      <input type="hidden" name="invitationId" value={invitationId} />
      <SubmitButton size="sm" variant="ghost" pendingLabel={t("revoke.pending")}>
        {t("revoke.label")}
      </SubmitButton>
    </ActionForm>
  );
}
