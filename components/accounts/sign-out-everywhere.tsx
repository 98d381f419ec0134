"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { useServerAction } from "@/components/ui/use-server-action";
import { signOutEverywhereAction } from "@/lib/accounts/actions";

export function SignOutEverywhereButton() {
  const t = useTranslations("shellClient.signOut");
  const signOutEverywhere = useServerAction(signOutEverywhereAction);
  return (
    <Button
      variant="secondary"
      isPending={signOutEverywhere.isPending}
      onClick={() => {
        if (window.confirm(t("confirmEverywhere"))) void signOutEverywhere.run({});
      }}
    >
      {signOutEverywhere.isPending ? t("pending") : t("everywhere")}
    </Button>
  );
}
