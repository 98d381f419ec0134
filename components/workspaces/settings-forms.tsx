"use client";

import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/ui/action-form";
import { Field, SelectField } from "@/components/ui/field";
import {
  deleteWorkspaceAction,
  renameWorkspaceAction,
  setWorkspaceLanguageAction,
} from "@/lib/workspaces/actions";
import { removeMemberAction } from "@/lib/members/actions";
import {
  DeleteWorkspaceSchema,
  RenameWorkspaceSchema,
  WorkspaceLanguageSchema,
} from "@/lib/workspaces/schemas";
import { MembershipRefSchema } from "@/lib/members/schemas";
import { LOCALE_NAMES, LOCALES, type AppLocale } from "@/i18n/locales";

export function RenameWorkspaceForm({ workspaceSlug, name }: { workspaceSlug: string; name: string }) {
  const t = useTranslations("workspaceSettingsClient");
  return (
    <ActionForm
      action={renameWorkspaceAction}
      schema={RenameWorkspaceSchema}
      submitLabel={t("rename.submit")}
      pendingLabel={t("saving")}
      aria-label={t("rename.label")}
    >
      <input type="hidden" name="workspaceSlug" value={workspaceSlug} />
      <Field name="name" label={t("rename.name")} defaultValue={name} required />
    </ActionForm>
  );
}

/** The language of emails to members who have not chosen one. Language names are written in themselves. */
export function WorkspaceLanguageForm({
  workspaceSlug,
  locale,
}: {
  workspaceSlug: string;
  locale: AppLocale;
}) {
  const t = useTranslations("workspaceSettingsClient");
  return (
    <ActionForm
      action={setWorkspaceLanguageAction}
      schema={WorkspaceLanguageSchema}
      pendingLabel={t("saving")}
      aria-label={t("language.label")}
    >
      <input type="hidden" name="workspaceSlug" value={workspaceSlug} />
      <SelectField
        name="locale"
        label={t("language.field")}
        defaultValue={locale}
        options={LOCALES.map((value) => ({ value, label: LOCALE_NAMES[value] }))}
      />
    </ActionForm>
  );
}

export function DeleteWorkspaceForm({ workspaceSlug }: { workspaceSlug: string }) {
  const t = useTranslations("workspaceSettingsClient");
  return (
    <ActionForm
      action={deleteWorkspaceAction}
      schema={DeleteWorkspaceSchema}
      submitLabel={t("delete.submit")}
      pendingLabel={t("delete.pending")}
      submitVariant="danger"
      confirmText={t("delete.confirm")}
      aria-label={t("delete.label")}
    >
      <input type="hidden" name="workspaceSlug" value={workspaceSlug} />
      <Field
        name="confirmSlug"
        label={t("delete.confirmSlug", { slug: workspaceSlug })}
        autoComplete="off"
        required
      />
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
  const t = useTranslations("workspaceSettingsClient");
  return (
    <ActionForm
      action={removeMemberAction}
      schema={MembershipRefSchema}
      submitLabel={t("leave.submit")}
      pendingLabel={t("leave.pending")}
      submitVariant="secondary"
      confirmText={t("leave.confirm")}
      aria-label={t("leave.label")}
    >
      <input type="hidden" name="workspaceSlug" value={workspaceSlug} />
      <input type="hidden" name="membershipId" value={membershipId} />
    </ActionForm>
  );
}
