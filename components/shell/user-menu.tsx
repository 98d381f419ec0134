"use client";

import Link from "next/link";
import { DropdownMenu } from "radix-ui";
import { LogOut, UserRound } from "lucide-react";
import { useTranslations } from "next-intl";
import { useServerAction } from "@/components/ui/use-server-action";
import { signOutAction } from "@/lib/accounts/actions";

export function UserMenu({ name, email }: { name: string; email: string }) {
  const t = useTranslations("shellClient");
  const tSignOut = useTranslations("shellClient.signOut");
  const signOut = useServerAction(signOutAction);
  const initials = name
    .split(/\s+/)
    .map((part) => part[0])
    .join("")
    .slice(0, 2)
    .toUpperCase();
  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger className="grid size-8 place-items-center rounded-full bg-zinc-800 text-xs font-semibold text-white focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600">
        {/* The initials are decoration; the name is the label (axe: label-content-name-mismatch). */}
        <span aria-hidden>{initials || "?"}</span>
        <span className="sr-only">{t("accountMenu", { name })}</span>
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          align="end"
          sideOffset={6}
          className="z-50 min-w-56 rounded-lg bg-white p-1 shadow-lg ring-1 ring-zinc-200"
        >
          <div className="px-2 py-1.5">
            <p className="text-sm font-medium">{name}</p>
            <p className="truncate text-xs text-zinc-500">{email}</p>
          </div>
          <DropdownMenu.Separator className="my-1 h-px bg-zinc-200" />
          <DropdownMenu.Item asChild>
            <Link
              href="/account"
              className="flex items-center gap-2 rounded-md px-2 py-1.5 text-sm outline-none data-highlighted:bg-zinc-100"
            >
              <UserRound aria-hidden className="size-4" /> {t("accountAndSecurity")}
            </Link>
          </DropdownMenu.Item>
          <DropdownMenu.Item
            className="flex cursor-pointer items-center gap-2 rounded-md px-2 py-1.5 text-sm outline-none data-highlighted:bg-zinc-100"
            disabled={signOut.isPending}
            onSelect={() => void signOut.run({})}
          >
            <LogOut aria-hidden className="size-4" />{" "}
            {signOut.isPending ? tSignOut("pending") : tSignOut("label")}
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
