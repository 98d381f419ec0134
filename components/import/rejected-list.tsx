import type { RejectedRow } from "@/lib/import/rows";

/** Rejected rows with their errors (the first ones; `total` says how many there are in all). */
export function RejectedList({
  rows,
  total,
  isOpen = false,
}: {
  rows: RejectedRow[];
  total: number;
  isOpen?: boolean;
}) {
  return (
    <details className="mt-4 rounded-md bg-red-50 p-3 ring-1 ring-red-200" open={isOpen}>
      <summary className="cursor-pointer text-sm font-medium text-red-900">
        Rejected rows ({total.toLocaleString("en")})
      </summary>
      <ul className="mt-2 max-h-80 space-y-1 overflow-y-auto text-sm" data-testid="rejected-rows">
        {rows.map((row) => (
          <li key={row.rowNumber}>
            <span className="font-medium tabular-nums">Row {row.rowNumber}</span>{" "}
            <span className="text-zinc-600">({row.label.slice(0, 60)})</span>: {row.errors.join(" ")}
          </li>
        ))}
        {total > rows.length ? <li className="text-zinc-600">…and {total - rows.length} more.</li> : null}
      </ul>
    </details>
  );
}
