import { ChangePasswordForm } from "@/components/accounts/auth-forms";
import { SignOutEverywhereButton } from "@/components/accounts/sign-out-everywhere";
import { requireUser } from "@/lib/server/auth/session";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { NotificationSettingsForm } from "@/components/notifications/settings-form";
import { getNotificationSettings } from "@/lib/notifications/queries";
import { timeZones } from "@/lib/notifications/rules";

export const metadata = { title: "Account · Advocacy Tracker" };

export default async function AccountPage({ searchParams }: PageProps<"/account">) {
  const user = await requireUser("/account");
  const { changed } = await searchParams;
  const settings = await getNotificationSettings(user);
  return (
    <main className="mx-auto max-w-2xl space-y-6 px-4 py-8 sm:px-6">
      <div>
        <h1 className="text-xl font-semibold">Account and security</h1>
        <p className="mt-1 text-sm text-zinc-600">
          {user.name} · {user.email}
        </p>
      </div>
      {changed ? (
        <Alert variant="success">Password changed. Your other devices have been signed out.</Alert>
      ) : null}
      <Card title="Change password" titleClassName="mb-4">
        <ChangePasswordForm />
      </Card>
      <Card
        title="Notifications"
        titleId="notifications"
        description="What reaches you by email. Everything also appears in your inbox (the bell)."
        className="scroll-mt-20"
      >
        <NotificationSettingsForm
          timeZone={settings.timeZone}
          zones={timeZones()}
          channels={settings.channels}
        />
      </Card>
      <Card
        title="Sessions"
        description="Lost a device or signed in on a shared computer? This ends every session, here included."
      >
        <SignOutEverywhereButton />
      </Card>
    </main>
  );
}
