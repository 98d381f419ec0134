import { CreateWorkspaceForm } from "@/components/workspaces/create-workspace-form";
import { requireUser } from "@/lib/server/auth/session";
import { Card } from "@/components/ui/card";

export const metadata = { title: "New workspace · Advocacy Tracker" };

export default async function NewWorkspacePage() {
  await requireUser("/w/new");
  return (
    <main className="mx-auto max-w-lg px-4 py-10 sm:px-6">
      <h1 className="text-xl font-semibold">Create a workspace</h1>
      <p className="mt-1 text-sm text-zinc-600">
        A workspace is your organization or coalition: its members, roles and trackers. Nobody outside it sees
        its data.
      </p>
      <Card className="mt-6 p-6">
        <CreateWorkspaceForm />
      </Card>
    </main>
  );
}
