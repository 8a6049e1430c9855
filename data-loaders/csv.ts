// CSV in Node: the product's one writer (vocabulary/csv.ts). `ltci sql --format csv` writes for a
// terminal or a spreadsheet (no BOM, LF, formulas neutralised); the demo's delivery files use the
// raw field, which `ltci ingest` reads back as written.
import { rawCsvField, toCsv as writeCsv } from '../vocabulary/csv.ts';

export { csvCell, type CsvColumn } from '../vocabulary/csv.ts';

/** A delivery file's field (RFC 4180 quoting only). */
export const csvField = rawCsvField;

/** `ltci sql --format csv`: the rows under their own column names. */
export function toCsv(rows: Record<string, unknown>[], columns = rows.length ? Object.keys(rows[0]) : []): string {
  return writeCsv(rows, columns, { bom: false, eol: '\n' });
}
