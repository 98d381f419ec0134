import { AppHeader } from "@/components/shell/app-header";
import { LiveProvider } from "@/components/live/live-provider";
import { getCurrentUser } from "@/lib/server/auth/session";

/** The signed-in shell. Live updates open only for a signed-in user (the invitation preview is public). */
export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await getCurrentUser();
  return (
    <LiveProvider isSignedIn={user !== null}>
      <AppHeader />
      {children}
    </LiveProvider>
  );
}
