import { useTranslations } from "next-intl";
import type { RecommendationStatus } from "@/lib/generated/prisma/enums";
import { statusMeta } from "@/lib/status";
import { cn } from "@/lib/cn";

export function StatusBadge({ status, className }: { status: RecommendationStatus; className?: string }) {
  const meta = statusMeta[status];
  const t = useTranslations("status");
  return (
    <span
      title={t(`${status}.meaning`)}
      className={cn(
        "inline-flex shrink-0 items-center gap-1.5 rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset",
        meta.badge,
        className,
      )}
    >
      <span aria-hidden className={cn("size-1.5 rounded-full", meta.dot)} />
      {t(`${status}.label`)}
    </span>
  );
}

export function Avatars({ people, max = 3 }: { people: { id: string; name: string }[]; max?: number }) {
  const t = useTranslations("common");
  if (people.length === 0) return <span className="text-xs text-zinc-500">{t("unassigned")}</span>;
  const shown = people.slice(0, max);
  return (
    <span
      className="flex -space-x-1.5"
      aria-label={t("ownersList", { names: people.map((p) => p.name).join(", ") })}
      role="img"
    >
      {shown.map((person) => (
        <span
          key={person.id}
          title={person.name}
          className="grid size-6 place-items-center rounded-full bg-zinc-700 text-[10px] font-semibold text-white ring-2 ring-white"
        >
          {person.name
            .split(/\s+/)
            .map((part) => part[0])
            .join("")
            .slice(0, 2)
            .toUpperCase()}
        </span>
      ))}
      {people.length > max ? (
        <span className="grid size-6 place-items-center rounded-full bg-zinc-200 text-[10px] font-semibold ring-2 ring-white">
          +{people.length - max}
        </span>
      ) : null}
    </span>
  );
}
