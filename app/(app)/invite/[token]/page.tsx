import Link from "next/link";
import { MailCheck } from "lucide-react";
import { AcceptInvitationForm } from "@/components/invitations/accept-invitation-form";
import { buttonClass } from "@/components/ui/button";
import { SignOutButton } from "@/components/accounts/sign-out-button";
import { getCurrentUser } from "@/lib/server/auth/session";
import { getInvitationPreview } from "@/lib/invitations/queries";
import { roleLabels } from "@/lib/permissions";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";

export const metadata = { title: "Invitation · Advocacy Tracker" };

const problems = {
  accepted: "This invitation has already been used.",
  revoked: "This invitation was revoked.",
  expired: "This invitation has expired.",
} as const;

export default async function InvitePage({ params }: PageProps<"/invite/[token]">) {
  const { token } = await params;
  const [invitation, user] = await Promise.all([getInvitationPreview(token), getCurrentUser()]);
  const here = `/invite/${token}`;
  return (
    <main className="mx-auto max-w-md px-4 py-12">
      <Card className="p-6 sm:p-8">
        <MailCheck aria-hidden className="size-7 text-indigo-600" />
        {!invitation ? (
          <>
            <h1 className="mt-3 text-lg font-semibold">Invitation not found</h1>
            <p className="mt-1 text-sm text-zinc-600">Check the link, or ask for a new invitation.</p>
          </>
        ) : invitation.status !== "pending" ? (
          <>
            <h1 className="mt-3 text-lg font-semibold">Invitation unavailable</h1>
            <p className="mt-1 text-sm text-zinc-600">
              {problems[invitation.status]} Ask an admin of {invitation.workspaceName} for a new one.
            </p>
          </>
        ) : (
          <>
            <h1 className="mt-3 text-lg font-semibold">Join {invitation.workspaceName}</h1>
            <p className="mt-1 text-sm text-zinc-600">
              {invitation.invitedBy} invited{" "}
              <span className="font-medium text-zinc-900">{invitation.email}</span> as{" "}
              {roleLabels[invitation.role].toLowerCase()}.
            </p>
            <div className="mt-6">
              {!user ? (
                <div className="flex flex-wrap gap-2">
                  <Link
                    href={`/sign-up?${new URLSearchParams({ callbackUrl: here, email: invitation.email })}`}
                    className={buttonClass("primary")}
                  >
                    Sign up to accept
                  </Link>
                  <Link
                    href={`/sign-in?${new URLSearchParams({ callbackUrl: here, email: invitation.email })}`}
                    className={buttonClass("secondary")}
                  >
                    I have an account
                  </Link>
                </div>
              ) : user.email !== invitation.email ? (
                <div className="space-y-3 text-sm">
                  <Alert variant="warning">
                    You are signed in as {user.email}. This invitation is for {invitation.email}: sign out and
                    use that address.
                  </Alert>
                  <SignOutButton />
                </div>
              ) : (
                <AcceptInvitationForm token={token} />
              )}
            </div>
          </>
        )}
      </Card>
    </main>
  );
}
