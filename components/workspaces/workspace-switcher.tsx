"use client";

import Link from "next/link";
import { useParams } from "next/navigation";
import { DropdownMenu } from "radix-ui";
import { Check, Plus } from "lucide-react";
import { Icon } from "@/components/ui/icon";
import { useTranslations } from "next-intl";
import { routes } from "@/lib/routes";

export function WorkspaceSwitcher({ workspaces }: { workspaces: { name: string; slug: string }[] }) {
  const t = useTranslations("shellClient");
  const params = useParams<{ slug?: string }>();
  const current = workspaces.find((workspace) => workspace.slug === params.slug);
  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger
        className="inline-flex min-w-0 items-center gap-1.5 rounded-md px-2 py-1.5 text-sm font-medium text-zinc-900 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-indigo-600"
        aria-label={t("switchWorkspace", { name: current?.name ?? t("workspaces") })}
      >
        <span className="truncate">{current?.name ?? t("workspaces")}</span>
        <Icon name="chevrons" className="size-4 text-zinc-500" />
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          align="start"
          sideOffset={6}
          className="z-50 min-w-56 rounded-lg bg-white p-1 shadow-lg ring-1 ring-zinc-200"
        >
          <DropdownMenu.Label className="px-2 py-1.5 text-xs font-medium text-zinc-500">
            {t("yourWorkspaces")}
          </DropdownMenu.Label>
          {workspaces.map((workspace) => (
            <DropdownMenu.Item key={workspace.slug} asChild>
              <Link
                href={routes.workspace(workspace.slug)}
                className="flex items-center justify-between gap-4 rounded-md px-2 py-1.5 text-sm outline-none data-highlighted:bg-zinc-100"
              >
                <span className="truncate">{workspace.name}</span>
                {workspace.slug === current?.slug ? (
                  <Check aria-label={t("current")} className="size-4 text-indigo-600" />
                ) : null}
              </Link>
            </DropdownMenu.Item>
          ))}
          {workspaces.length === 0 ? (
            <p className="px-2 py-1.5 text-sm text-zinc-500">{t("noWorkspace")}</p>
          ) : null}
          <DropdownMenu.Separator className="my-1 h-px bg-zinc-200" />
          <DropdownMenu.Item asChild>
            <Link
              href="/w/new"
              className="flex items-center gap-2 rounded-md px-2 py-1.5 text-sm outline-none data-highlighted:bg-zinc-100"
            >
              <Plus aria-hidden className="size-4" /> {t("newWorkspace")}
            </Link>
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
