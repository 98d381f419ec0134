import { getTranslations } from "next-intl/server";
import { CreateWorkspaceForm } from "@/components/workspaces/create-workspace-form";
import { requireUser } from "@/lib/server/auth/session";
import { Card } from "@/components/ui/card";

export async function generateMetadata() {
  const t = await getTranslations("home.newPage");
  return { title: t("metaTitle") };
}

export default async function NewWorkspacePage() {
  await requireUser("/w/new");
  const t = await getTranslations("home.newPage");
  return (
    <main className="mx-auto max-w-lg px-4 py-10 sm:px-6">
      <h1 className="text-xl font-semibold">{t("title")}</h1>
      <p className="mt-1 text-sm text-zinc-600">{t("intro")}</p>
      <Card className="mt-6 p-6">
        <CreateWorkspaceForm />
      </Card>
    </main>
  );
}
