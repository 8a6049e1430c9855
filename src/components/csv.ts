// CSV text for the download buttons: Chinese headers, UTF-8 BOM (Excel and WPS then read Chinese
// correctly), CRLF line ends, RFC 4180 quoting. Values are written raw (numbers as numbers), so
// the spreadsheet can sum them; only the header is translated.

export interface CsvColumn<T = Record<string, unknown>> {
  /** Field of the row, or a function of the row. */
  key: string | ((row: T) => unknown);
  /** Column header (Chinese). */
  label: string;
}

function cell(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = v instanceof Date ? v.toISOString().slice(0, 10) : String(v);
  return /[",\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export const BOM = '\uFEFF';

/** The CSV text (BOM included) of `rows` under `columns`. */
export function toCsv<T>(rows: readonly T[], columns: readonly CsvColumn<T>[]): string {
  const lines = [columns.map((c) => cell(c.label)).join(',')];
  for (const row of rows) {
    lines.push(columns.map((c) => cell(typeof c.key === 'function' ? c.key(row) : (row as Record<string, unknown>)[c.key])).join(','));
  }
  return BOM + lines.join('\r\n') + '\r\n';
}
