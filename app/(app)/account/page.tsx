import { ChangePasswordForm } from "@/components/accounts/auth-forms";
import { SignOutEverywhereButton } from "@/components/accounts/sign-out-everywhere";
import { requireUser } from "@/lib/server/auth/session";

export const metadata = { title: "Account · Advocacy Tracker" };

export default async function AccountPage({ searchParams }: PageProps<"/account">) {
  const user = await requireUser("/account");
  const { changed } = await searchParams;
  return (
    <main className="mx-auto max-w-2xl space-y-6 px-4 py-8 sm:px-6">
      <div>
        <h1 className="text-xl font-semibold">Account and security</h1>
        <p className="mt-1 text-sm text-zinc-600">
          {user.name} · {user.email}
        </p>
      </div>
      {changed ? (
        <p role="status" className="rounded-md bg-green-50 p-3 text-sm text-green-800 ring-1 ring-green-200">
          Password changed. Your other devices have been signed out.
        </p>
      ) : null}
      <section className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-zinc-200">
        <h2 className="mb-4 font-semibold">Change password</h2>
        <ChangePasswordForm />
      </section>
      <section className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-zinc-200">
        <h2 className="font-semibold">Sessions</h2>
        <p className="mt-1 mb-4 text-sm text-zinc-600">
          Lost a device or signed in on a shared computer? This ends every session, here included.
        </p>
        <SignOutEverywhereButton />
      </section>
    </main>
  );
}
