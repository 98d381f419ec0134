import { getFormatter, getTranslations } from "next-intl/server";
import {
  InviteForm,
  RemoveMemberButton,
  RevokeInvitationButton,
  RoleForm,
  TransferOwnershipButton,
} from "@/components/members/member-forms";
import { listInvitations } from "@/lib/invitations/queries";
import { listMembers } from "@/lib/members/queries";
import { requirePageMembership } from "@/lib/server/authz";
import { assignableRoles, can, ROLES } from "@/lib/permissions";
import { Card } from "@/components/ui/card";

// i18n-keys: roles.*, members.roleDescriptions.*
export default async function MembersPage({ params }: PageProps<"/w/[slug]/members">) {
  const { slug } = await params;
  const { workspace, role, membershipId } = await requirePageMembership(slug, "member.read");
  const t = await getTranslations("members");
  const tRoles = await getTranslations("roles");
  const format = await getFormatter();
  const [members, invitations] = await Promise.all([
    listMembers(workspace.id),
    listInvitations(workspace.id),
  ]);
  const roles = assignableRoles(role);
  const canManage = can(role, "member.manage");
  return (
    <main className="mx-auto max-w-4xl space-y-6 px-4 py-6 sm:px-6">
      <div>
        <h1 className="text-xl font-semibold">{t("title")}</h1>
        <p className="mt-1 text-sm text-zinc-600">{t("intro")}</p>
      </div>

      {can(role, "invitation.manage") ? (
        <Card title={t("invite.title")} titleId="invite-heading" description={t("invite.description")}>
          <InviteForm workspaceSlug={slug} roles={roles} />
        </Card>
      ) : null}

      <Card isFlush title={t("count", { count: members.length })} titleId="members-heading">
        <ul className="divide-y divide-zinc-100">
          {members.map((member) => {
            const isSelf = member.id === membershipId;
            const canEdit = canManage && roles.includes(member.role);
            return (
              <li key={member.id} className="flex flex-wrap items-center gap-3 px-5 py-3">
                <div className="min-w-0 flex-1">
                  <p className="truncate text-sm font-medium">
                    {member.name} {isSelf ? <span className="text-zinc-500">{t("you")}</span> : null}
                  </p>
                  <p className="truncate text-xs text-zinc-500">
                    {t("joined", { email: member.email, date: format.dateTime(member.joinedAt, "day") })}
                  </p>
                </div>
                {canEdit && !isSelf ? (
                  <RoleForm
                    workspaceSlug={slug}
                    membershipId={member.id}
                    role={member.role}
                    roles={roles}
                    name={member.name}
                  />
                ) : (
                  <span className="rounded-full bg-zinc-100 px-2 py-0.5 text-xs font-medium text-zinc-700">
                    {tRoles(member.role)}
                  </span>
                )}
                {role === "OWNER" && !isSelf && member.role !== "OWNER" ? (
                  <TransferOwnershipButton workspaceSlug={slug} membershipId={member.id} name={member.name} />
                ) : null}
                {isSelf || canEdit ? (
                  <RemoveMemberButton
                    workspaceSlug={slug}
                    membershipId={member.id}
                    name={member.name}
                    isSelf={isSelf}
                  />
                ) : null}
              </li>
            );
          })}
        </ul>
      </Card>

      <Card isFlush title={t("invitations.title")} titleId="invitations-heading">
        {invitations.length === 0 ? (
          <p className="px-5 py-4 text-sm text-zinc-500">{t("invitations.none")}</p>
        ) : (
          <ul className="divide-y divide-zinc-100">
            {invitations.map((invitation) => (
              <li key={invitation.id} className="flex flex-wrap items-center gap-3 px-5 py-3">
                <div className="min-w-0 flex-1">
                  <p className="truncate text-sm font-medium">{invitation.email}</p>
                  <p className="text-xs text-zinc-500">
                    {invitation.status === "expired"
                      ? t("invitations.expired", {
                          role: tRoles(invitation.role),
                          name: invitation.invitedBy,
                        })
                      : t("invitations.pending", {
                          role: tRoles(invitation.role),
                          name: invitation.invitedBy,
                          date: format.dateTime(invitation.expiresAt, "day"),
                        })}
                  </p>
                </div>
                {can(role, "invitation.manage") ? (
                  <RevokeInvitationButton workspaceSlug={slug} invitationId={invitation.id} />
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </Card>

      <Card title={t("roles.title")} titleId="roles-heading" className="text-sm">
        <dl className="mt-2 grid gap-2 sm:grid-cols-2">
          {[...ROLES].reverse().map((r) => (
            <div key={r}>
              <dt className="font-medium">{tRoles(r)}</dt>
              <dd className="text-zinc-600">{t(`roleDescriptions.${r}`)}</dd>
            </div>
          ))}
        </dl>
      </Card>
    </main>
  );
}
