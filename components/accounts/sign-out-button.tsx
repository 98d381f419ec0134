"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { useServerAction } from "@/components/ui/use-server-action";
import { signOutAction } from "@/lib/accounts/actions";

/** Signs out of this device (the server revokes the session, then redirects to sign-in). */
export function SignOutButton() {
  const t = useTranslations("shellClient.signOut");
  const signOut = useServerAction(signOutAction);
  return (
    <Button variant="secondary" isPending={signOut.isPending} onClick={() => void signOut.run({})}>
      {signOut.isPending ? t("pending") : t("label")}
    </Button>
  );
}
