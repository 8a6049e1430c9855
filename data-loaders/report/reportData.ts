// The monthly report's figures for one city and month (+ year to date), read from the marts, one
// section per file in sections/. Every sum and difference is a mart column; money leaves DuckDB as
// strings and is never summed in JS.
import type { DuckDBConnection } from '@duckdb/node-api';
import { UserError } from '../errors.ts';
import { lit } from '../db.ts';
import { month as monthText } from '../../vocabulary/index.ts';
import { publisher } from './publisher.ts';
import { rows, str, tableColumns, type Ctx } from './context.ts';
import { monthStatus } from './monthStatus.ts';
import { assessmentSection } from './sections/assessments.ts';
import { auditSection } from './sections/audit.ts';
import { balanceSection } from './sections/balance.ts';
import { beneficiariesSection } from './sections/beneficiaries.ts';
import { fundSection } from './sections/fund.ts';
import { notesSection } from './sections/notes.ts';
import { participantsSection } from './sections/participants.ts';
import { summarySection } from './sections/summary.ts';
import type { ReportData } from './types.ts';

/** "2027-01" → "2027年1月" (the site's month formatter). */
export function monthLabel(month: string): string {
  return monthText(month);
}

function parseMonth(month: string): string {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw new UserError(`--month must be YYYY-MM, e.g. 2027-01 (got "${month}")`);
  return month;
}

export interface ReportCity {
  city: string;
  cityName: string;
  /** The city's first and last month with fund flows (YYYY-MM). */
  firstMonth: string;
  lastMonth: string;
  /** The city's latest settlement date (YYYY-MM-DD), or null. */
  lastSettledDate: string | null;
}

/** Cities with fund flows (mart_data_period), with their names from the policy catalog. */
export async function reportCities(conn: DuckDBConnection): Promise<ReportCity[]> {
  const hasPolicy = (await tableColumns(conn, 'policy_scheme')).has('city_name');
  const r = await rows(conn, `
    select
        p.city,
        ${hasPolicy ? `(select any_value(s.city_name) from policy_scheme as s where s.city = p.city)` : 'null'} as city_name,
        strftime(p.first_month, '%Y-%m') as first_month,
        strftime(p.last_flow_month, '%Y-%m') as last_month,
        strftime(p.last_settled_date, '%Y-%m-%d') as last_settled_date,
    from mart_data_period as p
    where p.city <> 'all'
    order by p.city`);
  return r.map((x) => ({
    city: String(x.city),
    cityName: str(x.city_name) ?? String(x.city),
    firstMonth: String(x.first_month),
    lastMonth: String(x.last_month),
    lastSettledDate: str(x.last_settled_date),
  }));
}

/** Months that have a report for some city (YYYY-MM, ascending). */
export async function reportMonths(conn: DuckDBConnection): Promise<string[]> {
  const r = await rows(conn, `select distinct strftime(month, '%Y-%m') as month from mart_fund_monthly order by 1`);
  return r.map((x) => String(x.month));
}

export async function reportData(conn: DuckDBConnection, { city, month }: { city: string; month: string }): Promise<ReportData> {
  parseMonth(month);
  const tables = new Set((await rows(conn, `select table_name from information_schema.tables`)).map((x) => String(x.table_name)));
  for (const t of ['mart_fund_monthly', 'mart_data_period', 'mart_fund_item_monthly']) {
    if (!tables.has(t)) throw new UserError(`the warehouse has no ${t}: run \`ltci build\` first`);
  }
  const cities = await reportCities(conn);
  const c = cities.find((x) => x.city === city);
  if (!c) throw new UserError(`no fund data for city ${city}; cities in the warehouse: ${cities.map((x) => `${x.city} ${x.cityName}`).join(', ') || 'none'}`);
  if (month < c.firstMonth || month > c.lastMonth) {
    throw new UserError(`${c.cityName} (${city}) has fund data from ${c.firstMonth} to ${c.lastMonth}; --month ${month} is outside it`);
  }
  const ctx: Ctx = { conn, city, d: `date ${lit(`${month}-01`)}`, year: Number(month.slice(0, 4)), tables };
  const asOfDate = c.lastSettledDate;
  const status = monthStatus(month, asOfDate ? asOfDate.slice(0, 7) : c.lastMonth);

  const fund = await fundSection(ctx);
  const balance = await balanceSection(ctx);
  const participants = await participantsSection(ctx);
  const assessments = await assessmentSection(ctx);
  const beneficiaries = await beneficiariesSection(ctx);
  const audit = await auditSection(ctx);
  const summary = summarySection({ fund, balance, participants, assessments, audit });
  const notes = await notesSection(ctx, { month, lastMonth: c.lastMonth, status, asOfDate });
  return {
    city,
    cityName: c.cityName,
    month,
    monthLabel: monthLabel(month),
    year: ctx.year,
    status,
    lastMonth: c.lastMonth,
    asOfDate,
    publisher: publisher(),
    sections: [summary, participants, assessments, beneficiaries, fund, balance, audit, notes],
  };
}
