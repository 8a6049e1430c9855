// A throw-away warehouse for mart tests: raw tables from the contract, the policy catalog tables
// (the loader's column list, rows inserted by hand so each test states the policy it assumes),
// cfg_surplus_band from config/thresholds.json, and helpers to insert rows and read marts.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { loadConfig, readThresholds, writeSurplusRule } from '../../data-loaders/config.ts';
import { createWarehouseTables } from '../../data-loaders/contract/index.ts';
import { lit, queryRows, withWarehouse } from '../../data-loaders/db.ts';
import { runDataTests, runModels, type DataTestResult } from '../../data-loaders/models.ts';
import { POLICY_TABLES } from '../../data-loaders/policy/index.ts';

/** The policy catalog tables, created empty with the loader's own column list (rows are inserted by hand). */
export const POLICY_TABLES_DDL = POLICY_TABLES.map((t) => `create table if not exists ${t.name} (${t.columns.map(([n, ty]) => `${n} ${ty}`).join(', ')})`);

export type Row = Record<string, string | number | boolean | null>;

function sqlValue(v: string | number | boolean | null): string {
  if (v === null) return 'null';
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return lit(v);
}

/** Insert rows into a table by column name (values cast by DuckDB to the column types). */
export async function insert(conn: DuckDBConnection, table: string, rows: Row[]): Promise<void> {
  if (!rows.length) return;
  const cols = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const values = rows.map((r) => `(${cols.map((c) => sqlValue(r[c] ?? null)).join(', ')})`);
  await conn.run(`insert into ${table} (${cols.join(', ')}) values\n${values.join(',\n')}`);
}

export interface Built {
  conn: DuckDBConnection;
  tests: DataTestResult[];
  rows(sql: string): Promise<Record<string, unknown>[]>;
}

/**
 * Create a warehouse in a temp dir, let `seed` insert rows, run every model and data test,
 * then hand the open connection to `check`. Everything is closed and removed afterwards.
 */
export async function buildFixture<T>(
  seed: (conn: DuckDBConnection) => Promise<void>,
  check: (b: Built) => Promise<T>,
  { policyTables = true }: { policyTables?: boolean } = {},
): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'ltci-marts-'));
  try {
    return await withWarehouse(join(dir, 'w.duckdb'), async ({ conn }) => {
      for (const ddl of createWarehouseTables()) await conn.run(ddl);
      if (policyTables) for (const ddl of POLICY_TABLES_DDL) await conn.run(ddl);
      await loadConfig(conn);
      await seed(conn);
      await runModels(conn);
      const tests = await runDataTests(conn);
      return check({ conn, tests, rows: (sql) => queryRows(conn, sql) });
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The audit's data tests (mart_audit_findings, int_settlement_priced, int_eligibility_*) need a full
 * policy catalog (services, sources, clauses); the hand-made policy rows here do not give one, so
 * fixture tests leave them to test/ for the audit and to the integration test over the real catalog.
 */
export const AUDIT_TESTS = /^(mart_audit_findings|int_settlement_priced|int_eligibility)/;

/** Data tests that returned offending rows, as "name: n rows, e.g. {...}" lines (empty = all pass). */
export function failedTests(tests: DataTestResult[], { ignore = AUDIT_TESTS as RegExp | null } = {}): string[] {
  return tests.filter((t) => t.failures > 0 && !(ignore && ignore.test(t.name))).map((t) => `${t.name}: ${t.failures} rows, e.g. ${JSON.stringify(t.sample[0])}`);
}

/**
 * Judge statuses on `months` months with expenditure instead of config/thresholds.json's (6) and build
 * the models again: most fixture funds have only a few months, and a test of the bands needs a status.
 */
export async function judgeOnMonths(conn: DuckDBConnection, months: number): Promise<void> {
  const t = readThresholds();
  t.surplus_bands.min_expenditure_months = months;
  await writeSurplusRule(conn, t);
  await runModels(conn);
}
