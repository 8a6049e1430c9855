// What every public table is made of, and the one helper that makes it: rows from the marts, each
// value written by its column's kind, so a table file lists its columns and its mart and nothing
// else. Only aggregates reach here; small counts are suppressed before a table is made (persons.ts).
import type { DuckDBConnection } from '@duckdb/node-api';
import { lit, queryRows } from '../../db.ts';
import { shown, type MaskedCell } from '../../suppress.ts';

export type PublicCell = string | number | null;
export type PublicRow = Record<string, PublicCell>;

export interface PublicColumn {
  key: string;
  label: string;
  /** How the site formats it (vocabulary/cell.ts); CSV writes the value as it is. */
  kind: 'text' | 'count' | 'money' | 'pct' | 'number';
}

export interface PublicTable {
  name: string;
  title: string;
  columns: PublicColumn[];
  rows: PublicRow[];
  note?: string;
}

/** The suppression rule in a sentence, under every table that applies it (about.md states it in full). */
export const SUPPRESSION_NOTE = '人数为1至10的显示为“<10”；涉及1至10人的金额、为防止由合计或其他表格推算出被隐藏数值而隐藏的数值，以及由被隐藏数值计算的比例、人均值，均显示为“*”。';

/** A fund whose cumulative balance is below zero: said as it is, with no months payable (the public site's words). */
export const NEGATIVE_BALANCE_TEXT = '累计结余为负';

/** The columns that say where and when: city, its code, the year. */
export const CITY_YEAR: PublicColumn[] = [
  { key: 'city_name', label: '城市', kind: 'text' },
  { key: 'city', label: '医保区划', kind: 'text' },
  { key: 'year', label: '年度', kind: 'text' },
];

/**
 * A value as the column's kind writes it: text as text; money, ratios and decimals as the exact
 * text DuckDB gives (never through a float); counts as numbers. A word a rule put in a numeric
 * column ("<10", "*", "—（累计结余穿底）", "期初结余未提供") stays as it is.
 */
function cellOf(kind: PublicColumn['kind'], v: unknown): PublicCell {
  if (v === null || v === undefined) return null;
  if (kind === 'count') return typeof v === 'string' && !/^-?\d+$/.test(v) ? v : Number(v);
  return String(v);
}

export function publicTable({ rows, ...t }: Omit<PublicTable, 'rows'> & { rows: Record<string, unknown>[] }): PublicTable {
  return { ...t, rows: rows.map((r) => Object.fromEntries(t.columns.map((c) => [c.key, cellOf(c.kind, r[c.key])]))) };
}

/** An exact DECIMAL amount (as DuckDB prints it) in whole cents: "-227476.66" → -22747666. */
export function cents(v: unknown): number {
  const m = /^(-?)(\d+)(?:\.(\d{0,2})0*)?$/.exec(String(v ?? '0').trim());
  if (!m) throw new Error(`not an amount in yuan and fen: ${JSON.stringify(v)}`);
  const c = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  return m[1] ? -c : c;
}

/** What a table publishes for a cell: the value as the mart gives it, or "<10" / "*" when hidden. */
export function publish(cell: MaskedCell, value: unknown): unknown {
  return cell.suppressed ? shown(cell) : value;
}

export async function rows(conn: DuckDBConnection, sql: string): Promise<Record<string, unknown>[]> {
  return queryRows(conn, sql);
}

export async function hasTable(conn: DuckDBConnection, name: string): Promise<boolean> {
  return (await rows(conn, `select 1 from information_schema.tables where table_name = ${lit(name)}`)).length > 0;
}

/** City names from the policy catalog, by city code (the code itself where there is none). */
export async function cityNames(conn: DuckDBConnection): Promise<(city: unknown) => string> {
  const names = (await hasTable(conn, 'policy_scheme'))
    ? new Map((await rows(conn, `select city, any_value(city_name) as city_name from policy_scheme group by city`)).map((x) => [String(x.city), String(x.city_name)]))
    : new Map<string, string>();
  return (city) => names.get(String(city)) ?? String(city);
}
