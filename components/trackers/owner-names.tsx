import { useTranslations } from "next-intl";

/** Owners by first name on a board card, or "Unassigned". */
export function OwnerNames({ owners }: { owners: { id: string; name: string }[] }) {
  const t = useTranslations("common");
  return (
    <span className="truncate">
      {owners.length ? owners.map((o) => o.name.split(" ")[0]).join(", ") : t("unassigned")}
    </span>
  );
}
