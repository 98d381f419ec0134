import { STATUSES } from "@/lib/status";
import { isMessageKey, localizeMessage, type RootTranslator } from "@/lib/i18n/localize";
import type { ImportPreview } from "@/lib/import/mutations";
import type { RejectedRow, RowError } from "@/lib/import/rows";

/**
 * Import messages are stored as catalogue keys (job phases, job errors, row rejections) and translated
 * when shown, in the reader's language. Jobs from before keys hold English text, shown as it is.
 */

/** A job error as stored in ImportJob.error: the key, then "|" and its values as JSON when it has any. */
export function storedMessage(key: string, values?: Record<string, string | number>): string {
  return values && Object.keys(values).length > 0 ? `${key}|${JSON.stringify(values)}` : key;
}

/** A stored message (storedMessage, or older English text) in the reader's language. */
export function localizeStored(t: RootTranslator, stored: string): string {
  const bar = stored.indexOf("|");
  if (bar > 0 && isMessageKey(stored.slice(0, bar))) {
    try {
      const values = JSON.parse(stored.slice(bar + 1)) as Record<string, string | number>;
      return localizeMessage(t, stored.slice(0, bar), values);
    } catch {
      return stored;
    }
  }
  return localizeMessage(t, stored);
}

/** One row error in the reader's language. "Unknown status" lists the statuses in that language too. */
export function localizeRowError(t: RootTranslator, error: RowError | string): string {
  if (typeof error === "string") return localizeMessage(t, error);
  const values: Record<string, string | number> = { ...error.values };
  // i18n-keys: status.*.label
  if (error.key === "import.rowErrors.unknownStatus")
    values.statuses = STATUSES.map((status) => t(`status.${status}.label`)).join(", ");
  return localizeMessage(t, error.key, values);
}

/** A rejected row as the browser shows it: errors as text, and a label for a row without text. */
export type ShownRejectedRow = { rowNumber: number; label: string; errors: string[] };

export function localizeRejected(t: RootTranslator, rows: RejectedRow[]): ShownRejectedRow[] {
  return rows.map((row) => ({
    rowNumber: row.rowNumber,
    label: row.label || t("import.noText"),
    errors: row.errors.map((error) => localizeRowError(t, error)),
  }));
}

/** The preview as the browser shows it: every row's errors as text. */
export type ShownImportPreview = Omit<ImportPreview, "rows" | "rejected"> & {
  rows: (Omit<ImportPreview["rows"][number], "errors"> & { errors: string[] })[];
  rejected: ShownRejectedRow[];
};

export function localizePreview(t: RootTranslator, preview: ImportPreview): ShownImportPreview {
  return {
    ...preview,
    rows: preview.rows.map((row) => ({
      ...row,
      errors: row.errors.map((error) => localizeRowError(t, error)),
    })),
    rejected: localizeRejected(t, preview.rejected),
  };
}
