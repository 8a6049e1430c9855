// A throw-away warehouse for mart tests: raw tables from the contract, the policy catalog tables
// (columns as in docs/architecture.md, created by hand until the tests need the real catalog),
// cfg_surplus_band from config/thresholds.json, and helpers to insert rows and read marts.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { loadConfig } from '../../data-loaders/config.ts';
import { createWarehouseTables } from '../../data-loaders/contract/index.ts';
import { lit, queryRows, withWarehouse } from '../../data-loaders/db.ts';
import { runDataTests, runModels, type DataTestResult } from '../../data-loaders/models.ts';

/** The catalog tables the marts read, with the columns of docs/architecture.md (plus the loader's additions). */
export const POLICY_TABLES_DDL = [
  `create table if not exists policy_scheme (
    policy_id VARCHAR, city VARCHAR, city_name VARCHAR, province VARCHAR, scheme VARCHAR,
    effective_from DATE, effective_to DATE, document_no VARCHAR, document_title VARCHAR,
    single_account BOOLEAN, min_level INTEGER, min_disability_months INTEGER,
    benefit_start_offset_days INTEGER, reassessment_months INTEGER, waiting_period_months INTEGER,
    assessment_fee_from_fund BOOLEAN, operator_fee_ratio DECIMAL(6,4), benefits_from DATE, source_file VARCHAR
  )`,
  `create table if not exists policy_financing (
    policy_id VARCHAR, component VARCHAR, amount DECIMAL(18,2), effective_from DATE, effective_to DATE
  )`,
  `create table if not exists policy_area (policy_id VARCHAR, admdvs VARCHAR, area_name VARCHAR)`,
  `create table if not exists policy_service (
    policy_id VARCHAR, service_type VARCHAR, method VARCHAR, rate DECIMAL(18,2), ratio DECIMAL(6,4),
    hospital_grade INTEGER, monthly_cap DECIMAL(18,2), hours_per_visit DECIMAL(6,2), min_visits_per_month INTEGER
  )`,
  `create table if not exists policy_source (
    policy_id VARCHAR, param VARCHAR, value VARCHAR, document_no VARCHAR, clause VARCHAR, assumed BOOLEAN, assumed_why VARCHAR
  )`,
  `create table if not exists national_pilot_city (city_name VARCHAR, province VARCHAR, batch VARCHAR, city VARCHAR, admdvs VARCHAR)`,
  `create table if not exists policy_national (
    policy_id VARCHAR, document_no VARCHAR, document_title VARCHAR, fund_share_target DECIMAL(6,4), min_disability_months INTEGER
  )`,
];

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

/** Data tests that returned offending rows, as "name: n rows, e.g. {...}" lines (empty = all pass). */
export function failedTests(tests: DataTestResult[]): string[] {
  return tests.filter((t) => t.failures > 0).map((t) => `${t.name}: ${t.failures} rows, e.g. ${JSON.stringify(t.sample[0])}`);
}
