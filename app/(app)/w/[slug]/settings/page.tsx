import {
  DeleteWorkspaceForm,
  LeaveWorkspaceForm,
  RenameWorkspaceForm,
} from "@/components/workspaces/settings-forms";
import { requirePageMembership } from "@/lib/server/authz";
import { can, roleDescriptions, roleLabels } from "@/lib/permissions";

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
        <section className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-zinc-200">
          <RenameWorkspaceForm workspaceSlug={slug} name={workspace.name} />
        </section>
      ) : null}
      <section className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-zinc-200">
        <h2 className="font-semibold">Leave this workspace</h2>
        <p className="mt-1 mb-4 text-sm text-zinc-600">
          {role === "OWNER"
            ? "If you are the only owner, make someone else an owner first."
            : "You will lose access to its trackers."}
        </p>
        <LeaveWorkspaceForm workspaceSlug={slug} membershipId={membershipId} />
      </section>
      {can(role, "workspace.delete") ? (
        <section className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-red-200">
          <h2 className="font-semibold text-red-800">Delete workspace</h2>
          <p className="mt-1 mb-4 text-sm text-zinc-600">
            Deletes every tracker, comment and evidence link in it, for everyone.
          </p>
          <DeleteWorkspaceForm workspaceSlug={slug} />
        </section>
      ) : null}
    </main>
  );
}
