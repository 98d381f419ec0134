"use client";

import { Button } from "@/components/ui/button";
import { useServerAction } from "@/components/ui/use-server-action";
import { signOutEverywhereAction } from "@/lib/accounts/actions";

export function SignOutEverywhereButton() {
  const signOutEverywhere = useServerAction(signOutEverywhereAction);
  return (
    <Button
      variant="secondary"
      isPending={signOutEverywhere.isPending}
      onClick={() => {
        if (window.confirm("Sign out on every device, including this one?")) void signOutEverywhere.run({});
      }}
    >
      {signOutEverywhere.isPending ? "Signing out…" : "Sign out of all devices"}
    </Button>
  );
}
