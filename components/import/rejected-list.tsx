import { useTranslations } from "next-intl";
import type { ShownRejectedRow } from "@/lib/import/messages";

/** Rejected rows with their errors (the first ones; `total` says how many there are in all). */
export function RejectedList({
  rows,
  total,
  isOpen = false,
}: {
  rows: ShownRejectedRow[];
  total: number;
  isOpen?: boolean;
}) {
  const t = useTranslations("importClient.rejected");
  return (
    <details className="mt-4 rounded-md bg-red-50 p-3 ring-1 ring-red-200" open={isOpen}>
      <summary className="cursor-pointer text-sm font-medium text-red-900">
        {t("summary", { count: total })}
      </summary>
      <ul className="mt-2 max-h-80 space-y-1 overflow-y-auto text-sm" data-testid="rejected-rows">
        {rows.map((row) => (
          <li key={row.rowNumber}>
            {t.rich("row", {
              row: row.rowNumber,
              label: row.label.slice(0, 60),
              errors: row.errors.join(" "),
              number: (chunks) => <span className="font-medium tabular-nums">{chunks}</span>,
              muted: (chunks) => <span className="text-zinc-600">{chunks}</span>,
            })}
          </li>
        ))}
        {total > rows.length ? (
          <li className="text-zinc-600">{t("more", { count: total - rows.length })}</li>
        ) : null}
      </ul>
    </details>
  );
}
