import {
  DeleteWorkspaceForm,
  LeaveWorkspaceForm,
  RenameWorkspaceForm,
} from "@/components/workspaces/settings-forms";
import { requirePageMembership } from "@/lib/server/authz";
import { can, roleDescriptions, roleLabels } from "@/lib/permissions";
import { Card } from "@/components/ui/card";

export default async function SettingsPage({ params }: PageProps<"/w/[slug]/settings">) {
  const { slug } = await params;
  const { workspace, role, membershipId } = await requirePageMembership(slug);
  return (
    <main className="mx-auto max-w-2xl space-y-6 px-4 py-6 sm:px-6">
      <div>
        <h1 className="text-xl font-semibold">Settings</h1>
        <p className="mt-1 text-sm text-zinc-600">
          Your role: <span className="font-medium text-zinc-900">{roleLabels[role]}</span> —{" "}
          {roleDescriptions[role].toLowerCase()}.
        </p>
      </div>
      {can(role, "workspace.rename") ? (
        <Card as="section">
          <RenameWorkspaceForm workspaceSlug={slug} name={workspace.name} />
        </Card>
      ) : null}
      <Card
        title="Leave this workspace"
        description={
          role === "OWNER"
            ? "If you are the only owner, make someone else an owner first."
            : "You will lose access to its trackers."
        }
      >
        <LeaveWorkspaceForm workspaceSlug={slug} membershipId={membershipId} />
      </Card>
      {can(role, "workspace.delete") ? (
        <Card
          title="Delete workspace"
          tone="danger"
          description="Deletes every tracker, comment and evidence link in it, for everyone."
        >
          <DeleteWorkspaceForm workspaceSlug={slug} />
        </Card>
      ) : null}
    </main>
  );
}
