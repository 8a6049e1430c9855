// The report's figures for one city — a month (+ the year to date: 月报) or a year (年报) — read from
// the marts, one section per file in sections/. Every sum and difference is a mart column; money
// leaves DuckDB as strings and is never summed in JS.
import type { DuckDBConnection } from '@duckdb/node-api';
import { UserError } from '../errors.ts';
import { lit } from '../db.ts';
import { month as monthText } from '../../vocabulary/index.ts';
import { publisher } from './publisher.ts';
import { rows, str, tableColumns, type Ctx } from './context.ts';
import { monthStatus } from './monthStatus.ts';
import { cityYearSpan } from './reportPaths.mjs';
import { readThresholds } from '../config.ts';
import type { NarrativeContext } from './narrative.ts';
import { annualAssessmentSection, assessmentSection } from './sections/assessments.ts';
import { annualAuditSection, auditSection } from './sections/audit.ts';
import { annualBalanceSection, balanceSection } from './sections/balance.ts';
import { beneficiariesSection } from './sections/beneficiaries.ts';
import { annualCharts, monthlyCharts } from './sections/charts.ts';
import { annualFundSection, fundSection } from './sections/fund.ts';
import { notesSection } from './sections/notes.ts';
import { participantsSection } from './sections/participants.ts';
import { projectionSection } from './sections/projection.ts';
import { annualSummarySection, summarySection } from './sections/summary.ts';
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

async function openCtx(conn: DuckDBConnection, city: string, month: string) {
  const tables = new Set((await rows(conn, `select table_name from information_schema.tables`)).map((x) => String(x.table_name)));
  for (const t of ['mart_fund_monthly', 'mart_data_period', 'mart_fund_item_monthly']) {
    if (!tables.has(t)) throw new UserError(`the warehouse has no ${t}: run \`ltci build\` first`);
  }
  const cities = await reportCities(conn);
  const c = cities.find((x) => x.city === city);
  if (!c) throw new UserError(`no fund data for city ${city}; cities in the warehouse: ${cities.map((x) => `${x.city} ${x.cityName}`).join(', ') || 'none'}`);
  const ctx: Ctx = { conn, city, d: `date ${lit(`${month}-01`)}`, year: Number(month.slice(0, 4)), tables };
  return { ctx, c };
}

/** What the narrative needs besides the tables: the status bands' edges and the fewest months judged on. */
async function narrativeContext(ctx: Ctx): Promise<NarrativeContext> {
  const bands = ctx.tables.has('cfg_surplus_band')
    ? await rows(ctx.conn, `select status, min_value::double as min_value, max_value::double as max_value from cfg_surplus_band`)
    : [];
  return {
    bands: new Map(bands.map((b) => [String(b.status), { min: b.min_value === null ? null : Number(b.min_value), max: b.max_value === null ? null : Number(b.max_value) }])),
    minMonths: readThresholds().surplus_bands.min_expenditure_months,
  };
}

/** 月报: one city's report for a month and the year to date. */
export async function reportData(conn: DuckDBConnection, { city, month }: { city: string; month: string }): Promise<ReportData> {
  parseMonth(month);
  const { ctx, c } = await openCtx(conn, city, month);
  if (month < c.firstMonth || month > c.lastMonth) {
    throw new UserError(`${c.cityName} (${city}) has fund data from ${c.firstMonth} to ${c.lastMonth}; --month ${month} is outside it`);
  }
  const asOfDate = c.lastSettledDate;
  const status = monthStatus(month, asOfDate ? asOfDate.slice(0, 7) : c.lastMonth);

  const fund = await fundSection(ctx);
  const balance = await balanceSection(ctx);
  const participants = await participantsSection(ctx);
  const assessments = await assessmentSection(ctx);
  const beneficiaries = await beneficiariesSection(ctx);
  const audit = await auditSection(ctx);
  const summary = summarySection({ fund, balance, participants, assessments, audit }, {
    month, narrative: await narrativeContext(ctx), charts: await monthlyCharts(ctx),
  });
  const notes = await notesSection(ctx, { month, lastMonth: c.lastMonth, status, asOfDate, period: month });
  return {
    kind: 'month',
    city,
    cityName: c.cityName,
    period: month,
    periodLabel: monthLabel(month),
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

/** The months a year's report covers for a city: its first and last month with fund data in the year. */
export function yearSpan(c: ReportCity, year: number): { first: string; last: string } | null {
  return cityYearSpan(c, year);
}

/** "" for January to December, else "10–12月" / "1–11月" / "3月". */
export function spanMonths({ first, last }: { first: string; last: string }): string {
  const m1 = Number(first.slice(5, 7));
  const m2 = Number(last.slice(5, 7));
  if (m1 === 1 && m2 === 12) return '';
  return m1 === m2 ? `${m1}月` : `${m1}–${m2}月`;
}

/** 年报: one city's report for a calendar year (to its last month in the data), with the projection. */
export async function annualReportData(conn: DuckDBConnection, { city, year }: { city: string; year: number }): Promise<ReportData> {
  if (!Number.isInteger(year) || year < 1900 || year > 9999) throw new UserError(`--year must be a year such as 2027 (got "${year}")`);
  const cities = await reportCities(conn);
  const known = cities.find((x) => x.city === city);
  const span = known ? yearSpan(known, year) : null;
  if (known && !span) throw new UserError(`${known.cityName} (${city}) has fund data from ${known.firstMonth} to ${known.lastMonth}; --year ${year} is outside it`);
  const { ctx, c } = await openCtx(conn, city, span?.last ?? `${year}-12`);
  const months = spanMonths(span!);
  const yearText = `${year}年${months ? `（${months}）` : ''}`;
  const asOfDate = c.lastSettledDate;
  const status = monthStatus(span!.last, asOfDate ? asOfDate.slice(0, 7) : c.lastMonth);

  const fund = await annualFundSection(ctx, months);
  const balance = await annualBalanceSection(ctx);
  const participants = await participantsSection(ctx);
  const assessments = await annualAssessmentSection(ctx, months);
  const beneficiaries = await beneficiariesSection(ctx);
  const audit = await annualAuditSection(ctx, months);
  const projection = await projectionSection(ctx);
  const summary = annualSummarySection({ fund, balance, participants, assessments, audit, projection }, {
    yearText, narrative: await narrativeContext(ctx), charts: await annualCharts(ctx),
  });
  const notes = await notesSection(ctx, { month: span!.last, lastMonth: c.lastMonth, status, asOfDate, period: String(year) });
  return {
    kind: 'year',
    city,
    cityName: c.cityName,
    period: String(year),
    periodLabel: yearText,
    month: span!.last,
    monthLabel: monthLabel(span!.last),
    year,
    status,
    lastMonth: c.lastMonth,
    asOfDate,
    publisher: publisher(),
    sections: [summary, participants, assessments, beneficiaries, fund, balance, audit, projection, notes],
  };
}
