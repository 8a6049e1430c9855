// For observablehq.config.js (plain JS, no tsx there): 基金监管's period files as Framework
// `dynamicPaths` ("/data/audit-period/2027.json", "/data/audit-period/2027-06.json", from
// audit-period.tar.ts), one per year and month with checked settlements (mart_audit_period). Reads
// the warehouse read-only (LTCI_DB or warehouse/ltci.duckdb); no warehouse or no mart, no files.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';

export async function auditPeriods(dbPath = resolve(process.env.LTCI_DB ?? 'warehouse/ltci.duckdb')) {
  if (!existsSync(dbPath)) return [];
  const instance = await DuckDBInstance.create(dbPath, { access_mode: 'READ_ONLY' });
  const conn = await instance.connect();
  try {
    const has = await conn.runAndReadAll(`select count(*) as n from information_schema.tables where table_name = 'mart_audit_period'`);
    if (Number(has.getRowObjectsJson()[0].n) === 0) return [];
    const reader = await conn.runAndReadAll(`select distinct period from mart_audit_period where period_kind in ('year', 'month') order by 1`);
    return reader.getRowObjectsJson().map((r) => String(r.period));
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}

export async function* auditPeriodPaths() {
  for (const period of await auditPeriods()) yield `/data/audit-period/${period}.json`;
}
