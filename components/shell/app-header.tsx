import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Logo } from "@/components/shell/logo";
import { UserMenu } from "@/components/shell/user-menu";
import { WorkspaceSwitcher } from "@/components/workspaces/workspace-switcher";
import { getCurrentUser } from "@/lib/server/auth/session";
import { getMyMemberships } from "@/lib/server/authz";
import { NotificationBell } from "@/components/notifications/bell";
import { countUnread } from "@/lib/notifications/queries";

/** The header shows who is signed in and where; it authorizes nothing (pages and actions do). */
export async function AppHeader() {
  const user = await getCurrentUser();
  const [workspaces, unread] = user ? await Promise.all([getMyMemberships(), countUnread(user)]) : [[], 0];
  const t = await getTranslations("shell");
  return (
    <header data-app-header className="sticky top-0 z-30 border-b border-zinc-200 bg-white/90 backdrop-blur">
      <div className="mx-auto flex h-14 max-w-6xl items-center gap-3 px-4 sm:px-6">
        <Link href="/" aria-label={t("homeLink")} className="shrink-0">
          <Logo />
        </Link>
        {user ? (
          <>
            <span aria-hidden className="text-zinc-300">
              /
            </span>
            <WorkspaceSwitcher
              workspaces={workspaces.map(({ workspace: { name, slug } }) => ({ name, slug }))}
            />
            <div className="ms-auto flex items-center gap-1">
              <NotificationBell initialUnread={unread} />
              <UserMenu name={user.name} email={user.email} />
            </div>
          </>
        ) : (
          <div className="ms-auto flex gap-2 text-sm">
            <Link href="/sign-in" className="rounded-md px-3 py-1.5 font-medium hover:bg-zinc-100">
              {t("signIn")}
            </Link>
          </div>
        )}
      </div>
    </header>
  );
}
