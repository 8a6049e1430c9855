// The monthly and annual reports as data: sections of paragraphs, tables and charts, rendered the
// same way to HTML/PDF and to XLSX.
import type { CellKind } from '../../vocabulary/index.ts';

/**
 * How a column's values are written: a kind of the vocabulary's cellText (money is a DECIMAL
 * string straight from DuckDB, never summed or rounded in JS); `amount`: a sum of money (a DECIMAL
 * string of yuan) that the PDF and the site print in 万元 with two decimals and the workbook keeps
 * in exact yuan — `money` stays in yuan everywhere (per-head figures, unit prices); or `mixed`:
 * the kind is given per row, in `<key>__kind`.
 */
export type ColumnKind = CellKind | 'amount' | 'mixed';

export interface Column {
  key: string;
  /** Amounts are labelled in yuan, “（元）”: the PDF and the site write “（万元）” (cells.ts). */
  label: string;
  kind: ColumnKind;
}

export type Cell = string | number | null;
export type Row = Record<string, Cell>;

/** A cell's kind: the column's, or for a `mixed` column the row's `<key>__kind` (text if none). */
export function cellKind(col: Column, row: Row): Exclude<ColumnKind, 'mixed'> {
  return col.kind === 'mixed' ? ((row[`${col.key}__kind`] as Exclude<ColumnKind, 'mixed'> | undefined) ?? 'text') : col.kind;
}

export interface Table {
  id: string;
  title: string;
  columns: Column[];
  rows: Row[];
  /** Rows drawn as totals (bold). */
  totalRows?: number[];
  note?: string;
  /** `pairs`: printed as two halves side by side (a short list of key figures); the workbook lists it. */
  layout?: 'pairs';
}

/** A chart: its data as a table (the workbook's and the CSV's), drawn as SVG by charts.ts. */
export interface Chart {
  id: string;
  /** `flows`: income and expenditure bars; `balance`: balance bars and months payable. */
  type: 'flows' | 'balance';
  title: string;
  /** The data, one row per period: `label` (the x axis) and the columns' keys. */
  table: Table;
  /** The healthy band of months payable, drawn behind the line (balance charts). */
  band?: { min: number; max: number; label: string } | null;
  /** Words written above a period's bars (e.g. the January collection), by the period's label. */
  marks?: { label: string; text: string }[];
  note?: string;
}

export interface Section {
  id: string;
  /** Also the sheet name in the workbook (≤ 31 characters). */
  title: string;
  /** The narrative: paragraphs in full sentences, printed first (概要). */
  lead?: string[];
  tables: Table[];
  charts?: Chart[];
  /** Paragraphs shown under the section title (and at the top of its sheet). */
  notes?: string[];
}

export type MonthStatus = 'provisional' | 'final';

export type ReportKind = 'month' | 'year';

export interface ReportData {
  /** 月报 or 年报. */
  kind: ReportKind;
  city: string;
  cityName: string;
  /** The report's period: YYYY-MM (月报) or YYYY (年报); files are `<city>-<period>.pdf`. */
  period: string;
  /** 2027年1月, or 2027年 / 2027年（1–11月） */
  periodLabel: string;
  /** The month the figures run to (YYYY-MM): the report month, or the year's last month in the data. */
  month: string;
  /** 2027年1月 (the month above) */
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
