// For observablehq.config.js (plain JS, no tsx there): the main site's report pages, one per month
// with fund data, as Framework `dynamicPaths` ("/reports/2027-06"). Reads the warehouse read-only
// (LTCI_DB or warehouse/ltci.duckdb); no warehouse, no report pages. The site carries the latest
// SITE_REPORT_MONTHS months (LTCI_REPORT_MONTHS overrides; 0 = every month); older months' reports
// come from `ltci report --month`.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';

export const SITE_REPORT_MONTHS = Number(process.env.LTCI_REPORT_MONTHS ?? 24);

/** The months the site carries, from every month with fund data (ascending). */
export function siteReportMonths(allMonths) {
  return SITE_REPORT_MONTHS > 0 ? allMonths.slice(-SITE_REPORT_MONTHS) : allMonths;
}

export async function siteMonths(dbPath = resolve(process.env.LTCI_DB ?? 'warehouse/ltci.duckdb')) {
  if (!existsSync(dbPath)) return [];
  const instance = await DuckDBInstance.create(dbPath, { access_mode: 'READ_ONLY' });
  const conn = await instance.connect();
  try {
    const has = await conn.runAndReadAll(`select count(*) as n from information_schema.tables where table_name = 'mart_fund_monthly'`);
    if (Number(has.getRowObjectsJson()[0].n) === 0) return [];
    const reader = await conn.runAndReadAll(`select distinct strftime(month, '%Y-%m') as month from mart_fund_monthly order by 1`);
    return siteReportMonths(reader.getRowObjectsJson().map((r) => String(r.month)));
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}

export async function* reportPaths() {
  for (const month of await siteMonths()) yield `/reports/${month}`;
}
