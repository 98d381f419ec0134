import { Icon } from "@/components/ui/icon";
import { useTranslations } from "next-intl";

/** The mark and, from the `sm` breakpoint up (or always, with `alwaysNamed`), the app's name. */
export function Logo({ alwaysNamed = false }: { alwaysNamed?: boolean }) {
  const t = useTranslations("common");
  return (
    <span className="inline-flex items-center gap-2 font-semibold text-zinc-900">
      <span className="grid size-7 place-items-center rounded-md bg-indigo-600 text-white">
        <Icon name="logo" className="size-4" />
      </span>
      <span className={alwaysNamed ? undefined : "hidden sm:inline"}>{t("appName")}</span>
    </span>
  );
}
