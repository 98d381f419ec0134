"use client";

import { useTransition } from "react";
import { Button } from "@/components/ui/button";
import { signOutEverywhereAction } from "@/lib/accounts/actions";

export function SignOutEverywhereButton() {
  const [isPending, startTransition] = useTransition();
  return (
    <Button
      variant="secondary"
      isPending={isPending}
      onClick={() => {
        if (window.confirm("Sign out on every device, including this one?"))
          startTransition(() => signOutEverywhereAction());
      }}
    >
      {isPending ? "Signing out…" : "Sign out of all devices"}
    </Button>
  );
}
