// For observablehq.config.js (plain JS, no tsx there) and the site's report loader
// (src/reports/data.tar.ts): which reports the main site carries, one list for both.
//  - a 月报 page per month with fund data (the latest SITE_REPORT_MONTHS months; LTCI_REPORT_MONTHS
//    overrides, 0 = every month), "/reports/2027-06";
//  - a 年报 page per year whose December is among those months, "/reports/2027";
//  - each city's PDF and workbook of each of them, "/reports/data/files/320700-2027-06.pdf".
// Reads the warehouse read-only (LTCI_DB or warehouse/ltci.duckdb); no warehouse, no report pages.
// Older reports come from `ltci report --month` / `--year`.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';

export const SITE_REPORT_MONTHS = Number(process.env.LTCI_REPORT_MONTHS ?? 24);

/** Where the files are: the archive src/reports/data.tar holds them under files/. */
export const FILES_PATH = '/reports/data/files';

/** The months the site carries, from every month with fund data (ascending). */
export function siteReportMonths(allMonths) {
  return SITE_REPORT_MONTHS > 0 ? allMonths.slice(-SITE_REPORT_MONTHS) : allMonths;
}

/**
 * The months of `year` a city's report covers: from its first to its last month with fund data
 * inside the year, or null when it has none in the year. `city`: {firstMonth, lastMonth} (YYYY-MM).
 */
export function cityYearSpan(city, year) {
  const first = city.firstMonth > `${year}-01` ? city.firstMonth : `${year}-01`;
  const last = city.lastMonth < `${year}-12` ? city.lastMonth : `${year}-12`;
  return first <= last && first.startsWith(String(year)) && last.startsWith(String(year)) ? { first, last } : null;
}

/**
 * The reports the site carries, oldest first: {kind: 'month' | 'year', period, cities: [city code]}.
 * `query(sql)` returns rows as plain objects (the caller's connection).
 */
export async function siteReportList(query) {
  const months = siteReportMonths((await query(`select distinct strftime(month, '%Y-%m') as month from mart_fund_monthly order by 1`)).map((r) => String(r.month)));
  const cities = (await query(`
    select city, strftime(first_month, '%Y-%m') as first_month, strftime(last_flow_month, '%Y-%m') as last_month
    from mart_data_period where city <> 'all' order by city`))
    .map((r) => ({ city: String(r.city), firstMonth: String(r.first_month), lastMonth: String(r.last_month) }));
  const out = [];
  for (const month of months) {
    out.push({ kind: 'month', period: month, cities: cities.filter((c) => c.firstMonth <= month && month <= c.lastMonth).map((c) => c.city) });
    if (month.endsWith('-12')) {
      const year = Number(month.slice(0, 4));
      out.push({ kind: 'year', period: String(year), cities: cities.filter((c) => cityYearSpan(c, year)).map((c) => c.city) });
    }
  }
  return out.filter((r) => r.cities.length);
}

/** The site's report list from the warehouse file ([] without one, or before `ltci build`). */
export async function siteReports(dbPath = resolve(process.env.LTCI_DB ?? 'warehouse/ltci.duckdb')) {
  if (!existsSync(dbPath)) return [];
  const instance = await DuckDBInstance.create(dbPath, { access_mode: 'READ_ONLY' });
  const conn = await instance.connect();
  try {
    const query = async (sql) => (await conn.runAndReadAll(sql)).getRowObjectsJson();
    const has = await query(`select count(*) as n from information_schema.tables where table_name in ('mart_fund_monthly', 'mart_data_period')`);
    if (Number(has[0].n) < 2) return [];
    return await siteReportList(query);
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}

/** Framework's dynamicPaths: every report page, then every report's PDF and workbook. */
export async function* reportPaths() {
  const reports = await siteReports();
  for (const r of reports) yield `/reports/${r.period}`;
  for (const r of reports) {
    for (const city of r.cities) {
      yield `${FILES_PATH}/${city}-${r.period}.pdf`;
      yield `${FILES_PATH}/${city}-${r.period}.xlsx`;
    }
  }
}
