/**
 * CSV in and out: parsing spreadsheets people export (Excel, LibreOffice, Google Sheets, UPR Info) and writing
 * files that open safely in Excel. Pure code, no server-only import.
 */
import Papa from "papaparse";

export type CsvDelimiter = "," | ";" | "\t";
export type ParsedCsv = { headers: string[]; rows: string[][]; delimiter: CsvDelimiter };

const DELIMITERS: CsvDelimiter[] = [",", ";", "\t"];

function isDelimiter(value: string): value is CsvDelimiter {
  return (DELIMITERS as string[]).includes(value);
}

/**
 * Header names trimmed, blanks named "Column N", duplicates (compared case-insensitively) numbered:
 * "Issue", "Issue (2)", skipping any number a header of the file already uses.
 */
function uniqueHeaders(raw: string[]): string[] {
  const names = raw.map((name, i) => name.trim() || `Column ${i + 1}`);
  const key = (name: string) => name.toLowerCase();
  const reserved = new Set(names.map(key));
  const used = new Set<string>();
  const lastNumber = new Map<string, number>();
  return names.map((name) => {
    if (!used.has(key(name))) {
      used.add(key(name));
      return name;
    }
    let n = lastNumber.get(key(name)) ?? 1;
    let candidate: string;
    do {
      n += 1;
      candidate = `${name} (${n})`;
    } while (used.has(key(candidate)) || reserved.has(key(candidate)));
    lastNumber.set(key(name), n);
    used.add(key(candidate));
    return candidate;
  });
}

export type CsvLimits = { columns: number; rows: number; cellChars: number; headerChars: number };

/** A file beyond one of the limits; `message` is a catalogue key (import.file.*) with its `values`. */
export class CsvLimitError extends Error {
  constructor(
    message: string,
    readonly values: Record<string, number> = {},
  ) {
    super(message);
    this.name = "CsvLimitError";
  }
}

function checkRow(row: string[], index: number, limits: CsvLimits) {
  if (row.length > limits.columns) {
    throw index === 0
      ? new CsvLimitError("import.file.tooManyColumnsCsv", { columns: row.length, limit: limits.columns })
      : new CsvLimitError("import.file.tooManyCells", {
          row: index + 1,
          cells: row.length,
          limit: limits.columns,
        });
  }
  const cap = index === 0 ? limits.headerChars : limits.cellChars;
  for (const cell of row) {
    if (cell.length > cap) {
      throw index === 0
        ? new CsvLimitError("import.file.headerTooLong", { limit: cap })
        : new CsvLimitError("import.file.cellTooLongInRow", { row: index + 1, limit: cap });
    }
  }
}

/**
 * Parses CSV text. The first non-empty record is the header row. Line ends (CRLF, LF or CR only, also inside
 * quoted cells) become "\n"; the delimiter is detected among comma, semicolon and tab; records whose cells are
 * all blank are skipped. Cells are kept as written (not trimmed); rows may have more or fewer cells than there
 * are headers, exactly as in the file.
 *
 * With `limits`, the header row is read first on its own and checked (a 50,000-column header is refused
 * before any row is parsed), then every row is checked as it is parsed; the first row beyond a limit stops
 * the parse with a CsvLimitError.
 */
export function parseCsv(text: string, limits?: CsvLimits): ParsedCsv {
  const input = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const options = {
    header: false,
    newline: "\n",
    delimitersToGuess: DELIMITERS,
    skipEmptyLines: "greedy",
    dynamicTyping: false,
  } as const;
  if (limits) {
    const head = Papa.parse<string[]>(input, { ...options, preview: 1 });
    checkRow(head.data[0] ?? [], 0, limits);
  }
  const data: string[][] = [];
  let failure: CsvLimitError | null = null;
  const result = Papa.parse<string[]>(input, {
    ...options,
    step: limits
      ? (row, parser) => {
          try {
            if (data.length > limits.rows) {
              throw new CsvLimitError("import.file.tooManyRowsCsv", { limit: limits.rows });
            }
            checkRow(row.data, data.length, limits);
            data.push(row.data);
          } catch (error) {
            failure = error as CsvLimitError;
            parser.abort();
          }
        }
      : undefined,
  });
  if (failure) throw failure;
  const detected = result.meta.delimiter;
  const delimiter: CsvDelimiter = isDelimiter(detected) ? detected : ",";
  const [headerRow, ...rows] = limits ? data : result.data;
  return { headers: uniqueHeaders(headerRow ?? []), rows, delimiter };
}

const FORMULA_START = /^[=+\-@\t\r]/;
/**
 * A formula that starts after a separator inside the cell. Spreadsheets in locales whose list separator is
 * ";" (or that split on tabs and pipes) may cut a cell there, and the piece after it starts a new cell.
 * "+" and "-" count only when a name or a bracket follows ("-cmd", "+SUM("), so "a, -5" stays as it is.
 */
const SEPARATORS = ",;\t|\r\n";
const FORMULA_AFTER = /^(?:[=@]|[+-][\p{L}(=@])/u;

/** Linear scan (a /[,;]\s*=/ regex retries from every separator of a long run of tabs or newlines). */
function hasFormulaAfterSeparator(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    if (!SEPARATORS.includes(value[i]!)) continue;
    let next = i + 1;
    while (next < value.length && /\s/.test(value[next]!)) next += 1;
    if (FORMULA_AFTER.test(value.slice(next, next + 2))) return true;
    i = Math.max(i, next - 1); // separators inside the skipped whitespace lead to the same place
  }
  return false;
}
const PLAIN_NUMBER = /^[+-]?(?:\d+(?:[.,]\d+)*|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * Neutralizes a cell against CSV/formula injection (OWASP): a value starting with =, +, -, @, tab or carriage
 * return, or holding a formula right after a separator (";=cmd"), gets a leading apostrophe so spreadsheet software shows it as text instead of running it. Plain
 * numbers such as "-12.5" are left alone: they cannot carry a formula and should stay numbers.
 */
export function neutralizeCsvCell(value: string): string {
  if (hasFormulaAfterSeparator(value)) return `'${value}`;
  if (!FORMULA_START.test(value) || PLAIN_NUMBER.test(value)) return value;
  return `'${value}`;
}

function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  const text = neutralizeCsvCell(
    typeof value === "number" ? (Number.isFinite(value) ? String(value) : "") : value,
  );
  return /[",\r\n]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Writes RFC 4180 CSV: comma separated, CRLF line ends (also after the last record), fields quoted when they
 * need it, every cell neutralized, and a UTF-8 byte-order mark first so Excel reads the file as UTF-8.
 */
export function toCsv(headers: string[], rows: (string | number | null | undefined)[][]): string {
  const lines = [headers, ...rows].map((row) => row.map(csvField).join(","));
  return `\uFEFF${lines.map((line) => `${line}\r\n`).join("")}`;
}
