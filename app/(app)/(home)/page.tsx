import Link from "next/link";
import { ArrowRight, Building2, Plus } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { requireUser } from "@/lib/server/auth/session";
import { getMyMemberships } from "@/lib/server/authz";
import { routes } from "@/lib/routes";
import { cardClass } from "@/components/ui/card";

export default async function HomePage() {
  const user = await requireUser();
  const workspaces = (await getMyMemberships()).map(({ workspace, role }) => ({ ...workspace, role }));
  const t = await getTranslations("home");
  return (
    <main className="mx-auto max-w-3xl px-4 py-10 sm:px-6">
      <div className="flex items-center justify-between gap-4">
        <div>
          <h1 className="text-xl font-semibold">{t("title")}</h1>
          <p className="mt-1 text-sm text-zinc-600">{t("welcome", { name: user.name })}</p>
        </div>
        <Link href="/w/new" className={buttonClass("primary")}>
          <Plus aria-hidden className="size-4" /> {t("newWorkspace")}
        </Link>
      </div>
      {workspaces.length === 0 ? (
        <div className="mt-8 rounded-xl border border-dashed border-zinc-300 bg-white p-10 text-center">
          <Building2 aria-hidden className="mx-auto size-8 text-zinc-400" />
          <h2 className="mt-3 font-medium">{t("emptyTitle")}</h2>
          <p className="mt-1 text-sm text-zinc-600">{t("emptyBody")}</p>
          <Link href="/w/new" className={buttonClass("primary", "md", "mt-5")}>
            {t("create")}
          </Link>
        </div>
      ) : (
        <ul className={cardClass("mt-6 divide-y divide-zinc-200 overflow-hidden")}>
          {workspaces.map((workspace) => (
            <li key={workspace.id}>
              <Link
                href={routes.workspace(workspace.slug)}
                className="flex items-center gap-4 px-4 py-3 hover:bg-zinc-50"
              >
                <span className="grid size-9 place-items-center rounded-md bg-indigo-50 font-semibold text-indigo-700">
                  {workspace.name.slice(0, 1).toUpperCase()}
                </span>
                <span className="min-w-0 flex-1">
                  <span className="block truncate font-medium">{workspace.name}</span>
                  <span className="block text-xs text-zinc-500">
                    {t("workspaceMeta", { slug: workspace.slug, role: workspace.role })}
                  </span>
                </span>
                <ArrowRight aria-hidden className="size-4 text-zinc-400 rtl:-scale-x-100" />
              </Link>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
