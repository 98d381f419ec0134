import Link from "next/link";
import { MailCheck } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { AcceptInvitationForm } from "@/components/invitations/accept-invitation-form";
import { buttonClass } from "@/components/ui/button";
import { SignOutButton } from "@/components/accounts/sign-out-button";
import { getCurrentUser } from "@/lib/server/auth/session";
import { getInvitationPreview } from "@/lib/invitations/queries";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";

export async function generateMetadata() {
  const t = await getTranslations("invitations");
  return { title: t("metaTitle") };
}

export default async function InvitePage({ params }: PageProps<"/invite/[token]">) {
  const { token } = await params;
  const [invitation, user] = await Promise.all([getInvitationPreview(token), getCurrentUser()]);
  const t = await getTranslations("invitations");
  const here = `/invite/${token}`;
  return (
    <main className="mx-auto max-w-md px-4 py-12">
      <Card className="p-6 sm:p-8">
        <MailCheck aria-hidden className="size-7 text-indigo-600" />
        {!invitation ? (
          <>
            <h1 className="mt-3 text-lg font-semibold">{t("notFoundTitle")}</h1>
            <p className="mt-1 text-sm text-zinc-600">{t("notFoundBody")}</p>
          </>
        ) : invitation.status !== "pending" ? (
          <>
            <h1 className="mt-3 text-lg font-semibold">{t("unavailableTitle")}</h1>
            <p className="mt-1 text-sm text-zinc-600">
              {/* i18n-keys: invitations.unavailable.* */}
              {t(`unavailable.${invitation.status}`, { workspace: invitation.workspaceName })}
            </p>
          </>
        ) : (
          <>
            <h1 className="mt-3 text-lg font-semibold">
              {t("joinTitle", { workspace: invitation.workspaceName })}
            </h1>
            <p className="mt-1 text-sm text-zinc-600">
              {t.rich("invitedAs", {
                inviter: invitation.invitedBy,
                email: invitation.email,
                role: invitation.role,
                b: (chunks) => <span className="font-medium text-zinc-900">{chunks}</span>,
              })}
            </p>
            <div className="mt-6">
              {!user ? (
                <div className="flex flex-wrap gap-2">
                  <Link
                    href={`/sign-up?${new URLSearchParams({ callbackUrl: here, email: invitation.email })}`}
                    className={buttonClass("primary")}
                  >
                    {t("signUpToAccept")}
                  </Link>
                  <Link
                    href={`/sign-in?${new URLSearchParams({ callbackUrl: here, email: invitation.email })}`}
                    className={buttonClass("secondary")}
                  >
                    {t("haveAccount")}
                  </Link>
                </div>
              ) : user.email !== invitation.email ? (
                <div className="space-y-3 text-sm">
                  <Alert variant="warning">
                    {t("wrongAccount", { current: user.email, email: invitation.email })}
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
