import { ListChecks } from "lucide-react";
import { useTranslations } from "next-intl";

export function Logo({ compact = false }: { compact?: boolean }) {
  const t = useTranslations("common");
  return (
    <span className="inline-flex items-center gap-2 font-semibold text-zinc-900">
      <span className="grid size-7 place-items-center rounded-md bg-indigo-600 text-white">
        <ListChecks aria-hidden className="size-4" />
      </span>
      {compact ? null : <span>{t("appName")}</span>}
    </span>
  );
}
