// What every section of the monthly report reads with: the open warehouse, the city and month, the
// tables present, and the small helpers the sections share.
import type { DuckDBConnection } from '@duckdb/node-api';
import { lit, queryRows } from '../db.ts';
import { SCHEME_ORDER } from '../../vocabulary/index.ts';
import type { Section } from './types.ts';

export interface Ctx {
  conn: DuckDBConnection;
  city: string;
  /** date literal of the month's first day */
  d: string;
  year: number;
  tables: Set<string>;
}

export async function rows(conn: DuckDBConnection, sql: string): Promise<Record<string, unknown>[]> {
  return queryRows(conn, sql);
}

export async function tableColumns(conn: DuckDBConnection, table: string): Promise<Set<string>> {
  const r = await rows(conn, `select column_name from information_schema.columns where table_name = ${lit(table)}`);
  return new Set(r.map((x) => String(x.column_name)));
}

export const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
export const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

/** The city's schemes with fund flows (an `unassigned` one only when it holds any), total first. */
export async function schemesOf(ctx: Ctx): Promise<string[]> {
  const r = await rows(ctx.conn, `
    select distinct scheme from mart_fund_monthly
    where city = ${lit(ctx.city)}
        and (scheme <> 'unassigned' or income_total <> 0 or expenditure_total <> 0)`);
  return r.map((x) => String(x.scheme)).sort((a, b) => SCHEME_ORDER.indexOf(a) - SCHEME_ORDER.indexOf(b));
}

/** Schemes in the order of the count tables: each scheme, then the total. */
export function totalLast<T extends Record<string, unknown>>(r: T[]): T[] {
  const order = ['employee', 'resident', 'unassigned', 'all'];
  return [...r].sort((a, b) => order.indexOf(String(a.scheme)) - order.indexOf(String(b.scheme)));
}

/** A section whose mart is not in the warehouse says so (and how to build it). */
export function missing(section: Section, table: string): Section {
  section.notes = [...(section.notes ?? []), `（本节数据未生成：数据仓库中没有 ${table}，请运行 ltci build。）`];
  return section;
}
