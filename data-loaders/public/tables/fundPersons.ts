// How many persons' payments make up each published fund amount (mart_public_fund_persons): the
// primary rule hides an amount of 1–10 persons. An amount with no row there has no person behind it.
import type { DuckDBConnection } from '@duckdb/node-api';
import { hasTable, rows } from './table.ts';

export type FundMeasure =
  | 'income_individual' | 'income_medical_fund' | 'income_fiscal' | 'income_employer' | 'income_other' | 'income_total'
  | 'expenditure_benefits' | 'expenditure_assessment' | 'expenditure_total' | 'net';

/** persons(city, scheme, 'month' | 'year', period start 'YYYY-MM-DD', measure); 0 when nobody. */
export type FundPersons = (city: string, scheme: string, period: 'month' | 'year', start: string, measure: FundMeasure) => number;

export async function fundPersons(conn: DuckDBConnection): Promise<FundPersons> {
  if (!(await hasTable(conn, 'mart_public_fund_persons'))) throw new Error('mart_public_fund_persons is missing: run `node bin/ltci.mjs build`');
  const byKey = new Map<string, Record<string, unknown>>();
  for (const r of await rows(conn, `
      select *, strftime(period_start, '%Y-%m-%d') as start
      from mart_public_fund_persons`)) {
    byKey.set(`${r.city}|${r.scheme}|${r.period_kind}|${r.start}`, r);
  }
  return (city, scheme, period, start, measure) => Number(byKey.get(`${city}|${scheme}|${period}|${start}`)?.[measure] ?? 0);
}
