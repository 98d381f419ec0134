import { formatDate } from "@/lib/dates";
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
import { assignableRoles, can, roleDescriptions, roleLabels, ROLES } from "@/lib/permissions";
import { Card } from "@/components/ui/card";

export default async function MembersPage({ params }: PageProps<"/w/[slug]/members">) {
  const { slug } = await params;
  const { workspace, role, membershipId } = await requirePageMembership(slug, "member.read");
  const [members, invitations] = await Promise.all([
    listMembers(workspace.id),
    listInvitations(workspace.id),
  ]);
  const roles = assignableRoles(role);
  const canManage = can(role, "member.manage");
  return (
    <main className="mx-auto max-w-4xl space-y-6 px-4 py-6 sm:px-6">
      <div>
        <h1 className="text-xl font-semibold">Members</h1>
        <p className="mt-1 text-sm text-zinc-600">Who can see and change this workspace&apos;s trackers.</p>
      </div>

      {can(role, "invitation.manage") ? (
        <Card
          title="Invite someone"
          titleId="invite-heading"
          description="They accept by signing in or signing up with this email. Links expire after 7 days."
        >
          <InviteForm workspaceSlug={slug} roles={roles} />
        </Card>
      ) : null}

      <Card
        isFlush
        title={`${members.length} ${members.length === 1 ? "member" : "members"}`}
        titleId="members-heading"
      >
        <ul className="divide-y divide-zinc-100">
          {members.map((member) => {
            const isSelf = member.id === membershipId;
            const canEdit = canManage && roles.includes(member.role);
            return (
              <li key={member.id} className="flex flex-wrap items-center gap-3 px-5 py-3">
                <div className="min-w-0 flex-1">
                  <p className="truncate text-sm font-medium">
                    {member.name} {isSelf ? <span className="text-zinc-500">(you)</span> : null}
                  </p>
                  <p className="truncate text-xs text-zinc-500">
                    {member.email} · joined {formatDate(member.joinedAt)}
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
                    {roleLabels[member.role]}
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

      <Card isFlush title="Pending invitations" titleId="invitations-heading">
        {invitations.length === 0 ? (
          <p className="px-5 py-4 text-sm text-zinc-500">No pending invitations. Invite someone above.</p>
        ) : (
          <ul className="divide-y divide-zinc-100">
            {invitations.map((invitation) => (
              <li key={invitation.id} className="flex flex-wrap items-center gap-3 px-5 py-3">
                <div className="min-w-0 flex-1">
                  <p className="truncate text-sm font-medium">{invitation.email}</p>
                  <p className="text-xs text-zinc-500">
                    {roleLabels[invitation.role]} · invited by {invitation.invitedBy} ·{" "}
                    {invitation.status === "expired"
                      ? "expired"
                      : `expires ${formatDate(invitation.expiresAt)}`}
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

      <Card title="Roles" titleId="roles-heading" className="text-sm">
        <dl className="mt-2 grid gap-2 sm:grid-cols-2">
          {[...ROLES].reverse().map((r) => (
            <div key={r}>
              <dt className="font-medium">{roleLabels[r]}</dt>
              <dd className="text-zinc-600">{roleDescriptions[r]}</dd>
            </div>
          ))}
        </dl>
      </Card>
    </main>
  );
}
