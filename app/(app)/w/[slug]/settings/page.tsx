import { getTranslations } from "next-intl/server";
import {
  DeleteWorkspaceForm,
  LeaveWorkspaceForm,
  RenameWorkspaceForm,
  WorkspaceLanguageForm,
} from "@/components/workspaces/settings-forms";
import { requirePageMembership } from "@/lib/server/authz";
import { can } from "@/lib/permissions";
import { getWorkspaceLanguage } from "@/lib/workspaces/queries";
import { Card } from "@/components/ui/card";

// i18n-keys: roles.*, members.roleDescriptions.*
export default async function SettingsPage({ params }: PageProps<"/w/[slug]/settings">) {
  const { slug } = await params;
  const { workspace, role, membershipId } = await requirePageMembership(slug);
  const t = await getTranslations("workspace.settings");
  const tRoles = await getTranslations("roles");
  const tMembers = await getTranslations("members");
  const canEditSettings = can(role, "workspace.rename");
  const emailLocale = canEditSettings ? await getWorkspaceLanguage(workspace.id) : null;
  return (
    <main className="mx-auto max-w-2xl space-y-6 px-4 py-6 sm:px-6">
      <div>
        <h1 className="text-xl font-semibold">{t("title")}</h1>
        <p className="mt-1 text-sm text-zinc-600">
          {t.rich("yourRole", {
            role: tRoles(role),
            description: tMembers(`roleDescriptions.${role}`),
            b: (chunks) => <span className="font-medium text-zinc-900">{chunks}</span>,
          })}
        </p>
      </div>
      {canEditSettings ? (
        <Card as="section">
          <RenameWorkspaceForm workspaceSlug={slug} name={workspace.name} />
        </Card>
      ) : null}
      {emailLocale ? (
        <Card title={t("language.title")} description={t("language.description")}>
          <WorkspaceLanguageForm workspaceSlug={slug} locale={emailLocale} />
        </Card>
      ) : null}
      <Card
        title={t("leave.title")}
        description={role === "OWNER" ? t("leave.descriptionOwner") : t("leave.description")}
      >
        <LeaveWorkspaceForm workspaceSlug={slug} membershipId={membershipId} />
      </Card>
      {can(role, "workspace.delete") ? (
        <Card title={t("delete.title")} tone="danger" description={t("delete.description")}>
          <DeleteWorkspaceForm workspaceSlug={slug} />
        </Card>
      ) : null}
    </main>
  );
}
