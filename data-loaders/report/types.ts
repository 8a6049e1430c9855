// The monthly report as data: sections of tables, rendered the same way to HTML/PDF and to XLSX.
import type { CellKind } from '../../vocabulary/index.ts';

/**
 * How a column's values are written: a kind of the vocabulary's cellText (money is a DECIMAL
 * string straight from DuckDB, never summed or rounded in JS), or `mixed`: the kind is given per
 * row, in `<key>__kind`.
 */
export type ColumnKind = CellKind | 'mixed';

export interface Column {
  key: string;
  label: string;
  kind: ColumnKind;
}

export type Cell = string | number | null;
export type Row = Record<string, Cell>;

/** A cell's kind: the column's, or for a `mixed` column the row's `<key>__kind` (text if none). */
export function cellKind(col: Column, row: Row): CellKind {
  return col.kind === 'mixed' ? ((row[`${col.key}__kind`] as CellKind | undefined) ?? 'text') : col.kind;
}

export interface Table {
  id: string;
  title: string;
  columns: Column[];
  rows: Row[];
  /** Rows drawn as totals (bold). */
  totalRows?: number[];
  note?: string;
}

export interface Section {
  id: string;
  /** Also the sheet name in the workbook (≤ 31 characters). */
  title: string;
  tables: Table[];
  /** Paragraphs shown under the section title (and at the top of its sheet). */
  notes?: string[];
}

export type MonthStatus = 'provisional' | 'final';

export interface ReportData {
  city: string;
  cityName: string;
  /** YYYY-MM */
  month: string;
  /** 2027年1月 */
  monthLabel: string;
  year: number;
  status: MonthStatus;
  /** The city's latest month with any fund flow (YYYY-MM). */
  lastMonth: string;
  /** The latest settlement date in the city's data (YYYY-MM-DD), or null. */
  asOfDate: string | null;
  /** Who publishes it: config/site.json `publisher`. */
  publisher: string;
  sections: Section[];
}
