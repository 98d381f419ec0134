/**
 * CSV and JSON import, the pure part: read the file into a table, suggest a column mapping from the header
 * names, and turn each row into a validated recommendation (or a list of reasons it cannot be imported).
 * The data layer (lib/dal/import.ts) only writes what this returns.
 */
import { z } from "zod";
import { CsvLimitError, parseCsv } from "@/lib/import/csv";
import { normalizeHttpUrl } from "@/lib/url";
import {
  DERIVED_EXPORT_COLUMNS,
  EXPORT_COLUMNS,
  TRACKER_EXPORT_FORMAT,
  TrackerExportSchema,
  type ExportedEvidence,
  type StatusChange,
} from "@/lib/import/tracker-json";
import type { RecommendationStatus } from "@/lib/generated/prisma/enums";
import { STATUSES, statusMeta } from "@/lib/status";
import { trimEndOf } from "@/lib/text";

export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 100_000;

/**
 * Bounds on the work one import file can cause, checked while the file is read and before the table is
 * built (a 108 KB JSON file whose objects each had new keys once made every key a column of every row and
 * ran the server out of memory). The largest real files we know (UPR Info's database, tracker exports) use
 * under 40 columns and 20,000-character texts.
 */
export const IMPORT_LIMITS = {
  rows: MAX_IMPORT_ROWS,
  /** distinct headers of a CSV, distinct keys of the objects of a JSON list, keys of any one JSON object */
  columns: 200,
  /** characters in one cell (a CSV field, a JSON string or a value written as a cell) */
  cellChars: 100_000,
  /** characters in one header or JSON key */
  keyChars: 200,
  /** nesting of JSON arrays and objects */
  jsonDepth: 32,
} as const;

export const IMPORT_FIELDS = [
  "title",
  "text",
  "section",
  "tags",
  "status",
  "ownerEmail",
  "dueDate",
  "targetActor",
  "referenceId",
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];
export const COLUMN_TARGETS = [...IMPORT_FIELDS, "attribute", "ignore"] as const;
export type ColumnTarget = (typeof COLUMN_TARGETS)[number];
export type ColumnMapping = Record<string, ColumnTarget>;

/**
 * A file the import refuses. `message` is a catalogue key (import.file.*) and `values` its ICU values;
 * `code` carries the values as JSON across the parse sandbox, which passes on only name, code and message
 * (lib/import/execute.ts turns them back into a DalError with values).
 */
export class ImportFileError extends Error {
  readonly code: string;
  constructor(
    message: string,
    readonly values: Record<string, string | number> = {},
  ) {
    super(message);
    this.name = "ImportFileError";
    this.code = JSON.stringify(values);
  }
}

/**
 * Why a row is rejected: a catalogue key (import.rowErrors.*) and its values, stored as such in the job's
 * results and translated when shown (lib/import/messages.ts). Jobs from before this change hold English
 * text instead, which is shown as it is.
 */
export type RowError = { key: string; values?: Record<string, string | number> };
// i18n-keys: import.rowErrors.*
const rowError = (key: string, values?: Record<string, string | number>): RowError =>
  values ? { key: `import.rowErrors.${key}`, values } : { key: `import.rowErrors.${key}` };

export type RecordExtra = {
  priority: "LOW" | "MEDIUM" | "HIGH" | null;
  requiresLegislation: boolean | null;
  sourcePassage: string | null;
  sourceStart: number | null;
  sourceEnd: number | null;
  attributes: Record<string, string>;
  statusHistory: StatusChange[];
  evidence: ExportedEvidence[];
};
export type ImportRecord = { cells: Record<string, string>; extra?: RecordExtra };
export type ImportTable = {
  kind: "csv" | "json" | "tracker-json";
  headers: string[];
  records: ImportRecord[];
  /** Sections of a tracker export, in order, so empty ones come back too. */
  sectionOrder: string[];
};

// ---------------------------------------------------------------------------------------------------------
// Reading files

const cellText = (value: unknown): string => {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value) && value.every((v) => typeof v !== "object" || v === null)) {
    return value.map(cellText).join(", ");
  }
  return JSON.stringify(value);
};

/**
 * Refuses JSON nested deeper than the limit, in one pass over the text before JSON.parse builds anything
 * (brackets inside strings don't count).
 */
function checkJsonDepth(text: string) {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (inString) {
      if (code === 0x5c)
        i += 1; // backslash: skip the escaped character
      else if (code === 0x22) inString = false;
    } else if (code === 0x22) inString = true;
    else if (code === 0x5b || code === 0x7b) {
      depth += 1;
      if (depth > IMPORT_LIMITS.jsonDepth) {
        throw new ImportFileError("import.file.jsonTooDeep", { limit: IMPORT_LIMITS.jsonDepth });
      }
    } else if (code === 0x5d || code === 0x7d) depth -= 1;
  }
}

/** Every object of the parsed file within the key limits, every string within the cell limit. */
function checkJsonValue(value: unknown) {
  if (typeof value === "string") {
    if (value.length > IMPORT_LIMITS.cellChars) throw cellTooLong();
    return;
  }
  if (value === null || typeof value !== "object") return;
  if (Array.isArray(value)) {
    if (value.length > IMPORT_LIMITS.rows) throw tooManyRows(value.length);
    for (const item of value) checkJsonValue(item);
    return;
  }
  let keys = 0;
  for (const key in value) {
    keys += 1;
    if (keys > IMPORT_LIMITS.columns) throw tooManyColumns();
    if (key.length > IMPORT_LIMITS.keyChars) throw keyTooLong();
    checkJsonValue((value as Record<string, unknown>)[key]);
  }
}

const tooManyRows = (rows: number) =>
  new ImportFileError("import.file.tooManyRows", { rows, limit: IMPORT_LIMITS.rows });
const tooManyColumns = () => new ImportFileError("import.file.tooManyKeys", { limit: IMPORT_LIMITS.columns });
const keyTooLong = () => new ImportFileError("import.file.keyTooLong", { limit: IMPORT_LIMITS.keyChars });
const cellTooLong = () => new ImportFileError("import.file.cellTooLong", { limit: IMPORT_LIMITS.cellChars });

function readJson(text: string): ImportTable {
  const source = text.replace(/^\uFEFF/, "");
  checkJsonDepth(source);
  let data: unknown;
  try {
    data = JSON.parse(source);
  } catch {
    throw new ImportFileError("import.file.invalidJson");
  }
  checkJsonValue(data);
  if (data && typeof data === "object" && !Array.isArray(data) && "format" in data) {
    if ((data as { format: unknown }).format !== TRACKER_EXPORT_FORMAT) {
      throw new ImportFileError("import.file.unknownExport");
    }
    const parsed = TrackerExportSchema.safeParse(data);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new ImportFileError("import.file.damagedExport", { path: issue?.path.join(".") || "$" });
    }
    const headers = Object.values(EXPORT_COLUMNS).slice(0, 9);
    const records = parsed.data.recommendations.map((rec) => ({
      cells: {
        [EXPORT_COLUMNS.referenceId]: rec.referenceId ?? "",
        [EXPORT_COLUMNS.title]: rec.title ?? "",
        [EXPORT_COLUMNS.text]: rec.text ?? "",
        [EXPORT_COLUMNS.section]: rec.section ?? "",
        [EXPORT_COLUMNS.status]: rec.status ?? "",
        [EXPORT_COLUMNS.tags]: rec.tags.join(", "),
        [EXPORT_COLUMNS.ownerEmail]: rec.owners.join(", "),
        [EXPORT_COLUMNS.dueDate]: rec.dueDate ?? "",
        [EXPORT_COLUMNS.targetActor]: rec.targetActor ?? "",
      },
      extra: {
        priority: rec.priority ?? null,
        requiresLegislation: rec.requiresLegislation ?? null,
        sourcePassage: rec.sourcePassage ?? null,
        sourceStart: rec.sourceStart ?? null,
        sourceEnd: rec.sourceEnd ?? null,
        attributes: Object.fromEntries(Object.entries(rec.attributes).map(([k, v]) => [k, cellText(v)])),
        statusHistory: rec.statusHistory,
        evidence: rec.evidence,
      },
    }));
    return {
      kind: "tracker-json",
      headers,
      records,
      sectionOrder: parsed.data.sections.map((s) => s.title),
    };
  }
  const list = Array.isArray(data)
    ? data
    : data && typeof data === "object"
      ? Object.values(data).find((value) => Array.isArray(value))
      : undefined;
  if (
    !Array.isArray(list) ||
    !list.every((item) => item && typeof item === "object" && !Array.isArray(item))
  ) {
    throw new ImportFileError("import.file.noList");
  }
  const headers: string[] = [];
  const seen = new Set<string>();
  for (const item of list as Record<string, unknown>[]) {
    for (const key of Object.keys(item)) {
      if (!seen.has(key)) {
        if (seen.size >= IMPORT_LIMITS.columns) throw tooManyColumns();
        seen.add(key);
        headers.push(key);
      }
    }
  }
  // each row keeps only its own cells: a missing key reads as an empty cell
  const records = (list as Record<string, unknown>[]).map((item) => {
    const cells: Record<string, string> = {};
    for (const key of Object.keys(item)) {
      const cell = cellText(item[key]);
      if (cell.length > IMPORT_LIMITS.cellChars) throw cellTooLong();
      if (cell !== "") cells[key] = cell;
    }
    return { cells };
  });
  return { kind: "json", headers, records, sectionOrder: [] };
}

/** The file as a table of named cells. `text` is already decoded (see decodeImportBytes). */
export function readImportFile(fileName: string, text: string): ImportTable {
  if (/\.(xlsx?|ods|numbers)$/i.test(fileName)) {
    throw new ImportFileError("import.file.spreadsheet");
  }
  const isJson = /\.json$/i.test(fileName) || /^\s*[[{]/.test(text.slice(0, 100).replace(/^\uFEFF/, ""));
  const table = isJson ? readJson(text) : readCsvTable(text);
  if (table.headers.length === 0 || table.records.length === 0) {
    throw new ImportFileError("import.file.noRows");
  }
  if (table.records.length > MAX_IMPORT_ROWS) throw tooManyRows(table.records.length);
  return table;
}

function readCsvTable(text: string): ImportTable {
  let parsed: ReturnType<typeof parseCsv>;
  try {
    parsed = parseCsv(text, {
      columns: IMPORT_LIMITS.columns,
      rows: IMPORT_LIMITS.rows,
      cellChars: IMPORT_LIMITS.cellChars,
      headerChars: IMPORT_LIMITS.keyChars,
    });
  } catch (error) {
    if (error instanceof CsvLimitError) throw new ImportFileError(error.message, error.values);
    throw error;
  }
  const { headers, rows } = parsed;
  const records = rows.map((row) => ({
    cells: Object.fromEntries(headers.map((header, i) => [header, row[i] ?? ""])),
  }));
  return { kind: "csv", headers, records, sectionOrder: [] };
}

// ---------------------------------------------------------------------------------------------------------
// Mapping

const normalizeHeader = (header: string) => header.toLowerCase().replace(/[^a-z0-9]/g, "");

const SYNONYMS: Record<ImportField, string[]> = {
  title: ["title", "name", "heading", "shorttitle", "summary"],
  text: ["text", "recommendation", "recommendationtext", "description", "body", "content", "fulltext"],
  section: ["section", "chapter", "part", "cluster", "stage"],
  tags: ["tags", "tag", "issue", "issues", "topic", "topics", "keywords", "themes", "theme"],
  status: ["status", "state", "progress", "implementationstatus"],
  ownerEmail: [
    "owneremails",
    "owneremail",
    "owner",
    "owners",
    "assignee",
    "assignees",
    "assigneeemail",
    "email",
  ],
  dueDate: ["duedate", "due", "deadline", "dueby"],
  targetActor: ["targetactor", "target", "actor", "addressee", "responsibleactor", "responsible"],
  referenceId: ["referenceid", "reference", "ref", "refid", "id", "externalid", "recommendationid", "key"],
};

/** A mapping from header names: each field goes to the first column that names it; the rest stay attributes. */
export function suggestMapping(headers: string[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  const taken = new Set<ImportField>();
  for (const header of headers) {
    const key = normalizeHeader(header);
    const field = IMPORT_FIELDS.find((f) => !taken.has(f) && SYNONYMS[f].includes(key));
    if (field) {
      taken.add(field);
      mapping[header] = field;
    } else {
      mapping[header] = DERIVED_EXPORT_COLUMNS.includes(header) ? "ignore" : "attribute";
    }
  }
  return mapping;
}

/** The mapping as the import action receives it (JSON in a form field), checked for what every import needs. */
export const ColumnMappingSchema = z
  .record(z.string().max(200), z.enum(COLUMN_TARGETS))
  .refine((mapping) => Object.values(mapping).includes("text"), "importClient.validation.importTextColumn")
  .refine((mapping) => {
    const fields = Object.values(mapping).filter((t) => t !== "attribute" && t !== "ignore");
    return new Set(fields).size === fields.length;
  }, "importClient.validation.importOneColumnPerField");

// ---------------------------------------------------------------------------------------------------------
// Rows

export type PreparedRow = {
  rowNumber: number;
  /** null: keep the existing title on update, derive it from the text on create */
  title: string | null;
  derivedTitle: string;
  text: string;
  section: string | null;
  tags: string[] | null;
  status: RecommendationStatus | null;
  ownerIds: string[] | null;
  dueDate: Date | null | undefined;
  targetActor: string | null | undefined;
  referenceId: string | null;
  attributes: Record<string, string>;
  extra?: RecordExtra;
};
/** A rejected row. `errors` are RowErrors; a job stored before they were keys holds English strings. */
export type RejectedRow = { rowNumber: number; label: string; errors: (RowError | string)[] };
export type PreparedImport = { rows: PreparedRow[]; rejected: RejectedRow[]; total: number };

const TITLE_WORDS = 12;

/** The first dozen words of the text, for rows without a title. */
export function titleFromText(text: string): string {
  const words = text.replace(/\s+/g, " ").trim().split(" ");
  let title = words.slice(0, TITLE_WORDS).join(" ");
  if (words.length > TITLE_WORDS) title = `${trimEndOf(title, ",;:.")}…`;
  return title.length > 200 ? `${title.slice(0, 199)}…` : title;
}

const statusByKey = new Map<string, RecommendationStatus>();
for (const status of STATUSES) {
  statusByKey.set(status.toLowerCase(), status);
  statusByKey.set(statusMeta[status].label.toLowerCase(), status);
  statusByKey.set(status.toLowerCase().replace(/_/g, " "), status);
}

export function parseStatus(value: string): RecommendationStatus | undefined {
  return (
    statusByKey.get(
      value
        .trim()
        .toLowerCase()
        .replace(/[\s_-]+/g, " "),
    ) ?? statusByKey.get(value.trim().toLowerCase())
  );
}

/** YYYY-MM-DD (a time after it is ignored) → a UTC date; anything else → undefined. */
export function parseImportDate(value: string): Date | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(value.trim());
  if (!match) return undefined;
  const date = new Date(`${match[1]}-${match[2]}-${match[3]}T00:00:00.000Z`);
  if (
    Number.isNaN(date.getTime()) ||
    date.toISOString().slice(0, 10) !== `${match[1]}-${match[2]}-${match[3]}`
  ) {
    return undefined;
  }
  return date;
}

export function splitTags(value: string): string[] {
  return [
    ...new Set(
      value
        .split(/[,;|]/)
        .map((tag) => tag.trim().toLowerCase().replace(/\s+/g, "-"))
        .filter(Boolean),
    ),
  ].sort();
}

/** local@label.label…: the domain's labels hold no dot, so no two parts can trade characters (no backtracking). */
const EMAIL = /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/;

export type PrepareContext = {
  /** lower-cased email → user id, for the workspace's members */
  memberIdsByEmail: Map<string, string>;
};

export function prepareRows(table: ImportTable, mapping: ColumnMapping, ctx: PrepareContext): PreparedImport {
  const columnOf = (field: ImportField) =>
    Object.entries(mapping).find(
      ([header, target]) => target === field && table.headers.includes(header),
    )?.[0];
  const columns = Object.fromEntries(IMPORT_FIELDS.map((f) => [f, columnOf(f)])) as Record<
    ImportField,
    string | undefined
  >;
  const attributeColumns = table.headers.filter((h) => (mapping[h] ?? "attribute") === "attribute");
  const firstRowOfRef = new Map<string, number>();
  const rows: PreparedRow[] = [];
  const rejected: RejectedRow[] = [];
  const offset = table.kind === "csv" ? 2 : 1;

  table.records.forEach((record, index) => {
    const rowNumber = index + offset;
    const errors: RowError[] = [];
    const cell = (field: ImportField) => {
      const column = columns[field];
      return column === undefined ? undefined : (record.cells[column] ?? "").trim();
    };

    const text = cell("text") ?? "";
    if (!text) errors.push(rowError("textMissing"));
    else if (text.length > 20_000) errors.push(rowError("textTooLong", { max: 20_000 }));

    const rawTitle = cell("title");
    const title = rawTitle ? rawTitle.replace(/\s+/g, " ") : null;
    if (title && title.length > 200) errors.push(rowError("titleTooLong", { max: 200 }));
    const derivedTitle = titleFromText(text);
    if (!title && text && derivedTitle.length < 3) errors.push(rowError("titleTooShort", { min: 3 }));

    const rawSection = cell("section");
    const section = rawSection ? rawSection.replace(/\s+/g, " ").slice(0, 200) : null;

    const rawTags = cell("tags");
    let tags: string[] | null = null;
    if (rawTags !== undefined) {
      tags = splitTags(rawTags);
      if (tags.length > 12) errors.push(rowError("tooManyTags", { count: tags.length, max: 12 }));
      const long = tags.find((tag) => tag.length > 60);
      if (long) errors.push(rowError("tagTooLong", { tag: long.slice(0, 40), max: 60 }));
    }

    const rawStatus = cell("status");
    let status: RecommendationStatus | null = null;
    if (rawStatus) {
      const parsed = parseStatus(rawStatus);
      if (parsed) status = parsed;
      else errors.push(rowError("unknownStatus", { status: rawStatus }));
    }

    const rawOwners = cell("ownerEmail");
    let ownerIds: string[] | null = null;
    if (rawOwners !== undefined) {
      ownerIds = [];
      for (const email of rawOwners.split(/[\s,;]+/).filter(Boolean)) {
        const id = ctx.memberIdsByEmail.get(email.toLowerCase());
        if (!EMAIL.test(email)) errors.push(rowError("notEmail", { email }));
        else if (!id) errors.push(rowError("noMember", { email }));
        else if (!ownerIds.includes(id)) ownerIds.push(id);
      }
    }

    const rawDue = cell("dueDate");
    let dueDate: Date | null | undefined = undefined;
    if (rawDue !== undefined) {
      if (!rawDue) dueDate = null;
      else {
        dueDate = parseImportDate(rawDue);
        if (!dueDate) errors.push(rowError("notDate", { value: rawDue }));
      }
    }

    const rawActor = cell("targetActor");
    const targetActor = rawActor === undefined ? undefined : rawActor || null;
    if (targetActor && targetActor.length > 120) errors.push(rowError("targetActorTooLong", { max: 120 }));

    const referenceId = cell("referenceId") || null;
    if (referenceId) {
      if (referenceId.length > 200) errors.push(rowError("referenceTooLong", { max: 200 }));
      const first = firstRowOfRef.get(referenceId);
      if (first !== undefined) errors.push(rowError("referenceUsed", { reference: referenceId, row: first }));
      else firstRowOfRef.set(referenceId, rowNumber);
    }

    for (const evidence of record.extra?.evidence ?? []) {
      if (!normalizeHttpUrl(evidence.url)) errors.push(rowError("evidenceLink", { url: evidence.url }));
    }

    const attributes: Record<string, string> = { ...record.extra?.attributes };
    for (const column of attributeColumns) {
      const value = (record.cells[column] ?? "").trim();
      if (value) attributes[column] = value;
    }

    if (errors.length > 0) {
      rejected.push({ rowNumber, label: (title ?? derivedTitle) || "", errors });
      return;
    }
    rows.push({
      rowNumber,
      title,
      derivedTitle,
      text,
      section,
      tags,
      status,
      ownerIds,
      dueDate,
      targetActor,
      referenceId,
      attributes,
      extra: record.extra,
    });
  });
  return { rows, rejected, total: table.records.length };
}
