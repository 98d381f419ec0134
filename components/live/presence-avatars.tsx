"use client";

import { useTranslations } from "next-intl";
import { useLiveViewers } from "@/components/live/live-provider";
import { MAX_VIEWERS_SHOWN } from "@/lib/live/rules";

const initials = (name: string) =>
  name
    .split(/\s+/)
    .map((part) => part[0])
    .join("")
    .slice(0, 2)
    .toUpperCase();

/** Who else has this recommendation open (from the live stream); nothing when you are alone. */
export function PresenceAvatars() {
  const viewers = useLiveViewers();
  const t = useTranslations("liveClient");
  if (viewers.length === 0) return null;
  const shown = viewers.slice(0, 5);
  const more = Math.min(viewers.length, MAX_VIEWERS_SHOWN) - shown.length;
  const label = t("alsoViewingNames", { names: viewers.map((v) => v.name).join(", ") });
  return (
    <div className="flex items-center gap-2" data-testid="presence">
      <span className="text-xs text-zinc-500">{t("alsoViewing")}</span>
      <ul aria-label={label} className="flex -space-x-1.5">
        {shown.map((viewer) => (
          <li
            key={viewer.id}
            title={viewer.name}
            aria-label={viewer.name}
            className="grid size-6 place-items-center rounded-full bg-indigo-600 text-[10px] font-semibold text-white ring-2 ring-white"
          >
            <span aria-hidden>{initials(viewer.name)}</span>
          </li>
        ))}
        {more > 0 ? (
          <li
            aria-label={t("more", { count: more })}
            className="grid size-6 place-items-center rounded-full bg-zinc-200 text-[10px] font-semibold ring-2 ring-white"
          >
            <span aria-hidden>+{more}</span>
          </li>
        ) : null}
      </ul>
    </div>
  );
}
