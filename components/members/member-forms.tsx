"use client";

import { useState } from "react";
import { Check, Copy } from "lucide-react";
import { ActionForm, SubmitButton } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { Field, SelectField, inputClass } from "@/components/ui/field";
import { changeRoleAction, removeMemberAction, transferOwnershipAction } from "@/lib/members/actions";
import { inviteMemberAction, revokeInvitationAction } from "@/lib/invitations/actions";
import { roleLabels } from "@/lib/permissions";
import type { Role } from "@/lib/generated/prisma/enums";
import { ChangeRoleSchema, MembershipRefSchema } from "@/lib/members/schemas";
import { InviteMemberSchema } from "@/lib/invitations/schemas";

export function InviteForm({ workspaceSlug, roles }: { workspaceSlug: string; roles: Role[] }) {
  const [link, setLink] = useState<string | null>(null);
  const [isCopied, setIsCopied] = useState(false);
  return (
    <div className="space-y-4">
      <ActionForm
        action={inviteMemberAction}
        schema={InviteMemberSchema}
        submitLabel="Create invitation"
        pendingLabel="Inviting…"
        resetOnSuccess
        aria-label="Invite a member"
        onSuccess={(result) => {
          setLink(result.data?.link ?? null);
          setIsCopied(false);
        }}
      >
        <input type="hidden" name="workspaceSlug" value={workspaceSlug} />
        <div className="grid gap-4 sm:grid-cols-[1fr_10rem]">
          <Field
            name="email"
            label="Email"
            type="email"
            autoComplete="off"
            placeholder="colleague@example.org"
            required
          />
          <SelectField
            name="role"
            label="Role"
            defaultValue="VIEWER"
            options={roles.map((role) => ({ value: role, label: roleLabels[role] }))}
          />
        </div>
      </ActionForm>
      {link ? (
        <div className="rounded-lg bg-indigo-50 p-3 ring-1 ring-indigo-200">
          <label htmlFor="invite-link" className="text-sm font-medium text-indigo-950">
            Invitation link (valid 7 days): send it to your colleague
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
              {isCopied ? "Copied" : "Copy"}
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
        Role of {name}
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
            {roleLabels[option]}
          </option>
        ))}
      </select>
      <noscript>
        <SubmitButton size="sm" variant="secondary">
          Save
        </SubmitButton>
      </noscript>
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
  return (
    <MembershipButton
      action={removeMemberAction}
      workspaceSlug={props.workspaceSlug}
      membershipId={props.membershipId}
      label={props.isSelf ? "Leave" : "Remove"}
      pendingLabel={props.isSelf ? "Leaving…" : "Removing…"}
      confirmText={props.isSelf ? "Leave this workspace?" : `Remove ${props.name} from this workspace?`}
    />
  );
}

export function TransferOwnershipButton(props: {
  workspaceSlug: string;
  membershipId: string;
  name: string;
}) {
  return (
    <MembershipButton
      action={transferOwnershipAction}
      workspaceSlug={props.workspaceSlug}
      membershipId={props.membershipId}
      label="Make owner"
      pendingLabel="Transferring…"
      confirmText={`Make ${props.name} the owner? You will become an admin.`}
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
  return (
    <ActionForm action={revokeInvitationAction} hideSubmit className="space-y-0">
      <input type="hidden" name="workspaceSlug" value={workspaceSlug} />
      <input type="hidden" name="invitationId" value={invitationId} />
      <SubmitButton size="sm" variant="ghost" pendingLabel="Revoking…">
        Revoke
      </SubmitButton>
    </ActionForm>
  );
}
