import { AppHeader } from "@/components/shell/app-header";
import { LiveProvider } from "@/components/live/live-provider";

export default function AppLayout({ children }: { children: React.ReactNode }) {
  return (
    <LiveProvider>
      <AppHeader />
      {children}
    </LiveProvider>
  );
}
