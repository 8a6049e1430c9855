// The one CSV writer of the product: the dashboards' download buttons (src/components/csv.ts), the
// public site's open-data files and `ltci sql --format csv` (data-loaders/csv.ts). RFC 4180 quoting;
// numbers stay numbers; text a spreadsheet would run as a formula is neutralised as OWASP
// recommends ("CSV Injection"): a field starting with = + - @, a tab or a carriage return gets a
// leading apostrophe, so Excel and WPS show it as text. Pure functions: Node and the browser load it.

export const BOM = '\uFEFF';

export interface CsvColumn<T = Record<string, unknown>> {
  /** Field of the row, or a function of the row. */
  key: string | ((row: T) => unknown);
  /** Column header. */
  label: string;
}

export interface CsvOptions {
  /** Start with a UTF-8 byte order mark, so that Excel and WPS read Chinese (default true). */
  bom?: boolean;
  /** Line end (default CRLF, as RFC 4180 and Excel). */
  eol?: string;
}

const FORMULA_START = /^[=+\-@\t\r]/;
/** A number as text ("-5", "1234.50", "+3", "1e5"): a spreadsheet reads it as a number, not a formula. */
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** Quote a field when it holds a comma, a quote, a line break or edge spaces (RFC 4180). */
function quoted(s: string): string {
  return /[",\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** Text of a value: a Date as its ISO day, an object as JSON, null and undefined as nothing. */
function text(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** One field for a spreadsheet: quoted as RFC 4180 asks, a would-be formula neutralised, numbers as they are. */
export function csvCell(value: unknown): string {
  const s = text(value);
  const number = typeof value === 'number' || typeof value === 'bigint' || NUMBER.test(s);
  return quoted(!number && FORMULA_START.test(s) ? `'${s}` : s);
}

/**
 * One field of a delivery file that `ltci ingest` reads back as written (the demo's extracts):
 * RFC 4180 quoting only. Never for a file meant for a spreadsheet.
 */
export function rawCsvField(value: unknown): string {
  return quoted(text(value));
}

/** CSV text of `rows` under `columns` (default: the first row's keys, as headers). */
export function toCsv<T>(rows: readonly T[], columns?: readonly (CsvColumn<T> | string)[], { bom = true, eol = '\r\n' }: CsvOptions = {}): string {
  const cols: CsvColumn<T>[] = (columns ?? (rows.length ? Object.keys(rows[0] as object) : []))
    .map((c) => (typeof c === 'string' ? { key: c, label: c } : c));
  const value = (row: T, c: CsvColumn<T>) => (typeof c.key === 'function' ? c.key(row) : (row as Record<string, unknown>)[c.key]);
  const lines = [cols.map((c) => csvCell(c.label)).join(',')];
  for (const row of rows) lines.push(cols.map((c) => csvCell(value(row, c))).join(','));
  return (bom ? BOM : '') + lines.join(eol) + eol;
}
