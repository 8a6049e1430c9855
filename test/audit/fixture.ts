// A throw-away warehouse for the audit tests: raw tables from the contract, the real policy catalog
// (policies/*.json through loadPolicyCatalog), hand-written rows, then every model and data test.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { loadConfig } from '../../data-loaders/config.ts';
import { createWarehouseTables } from '../../data-loaders/contract/index.ts';
import { lit, queryRows, withWarehouse } from '../../data-loaders/db.ts';
import { runDataTests, runModels, type DataTestResult } from '../../data-loaders/models.ts';
import { loadPolicyCatalog } from '../../data-loaders/policy/index.ts';

export type Row = Record<string, string | number | boolean | null>;

export interface Delivery {
  enrolment?: Row[];
  assessment?: Row[];
  institution?: Row[];
  settlement?: Row[];
  visit?: Row[];
  ledger?: Row[];
  inpatient?: Row[];
  work_injury?: Row[];
}

export interface Finding {
  settlement_id: string;
  city: string;
  rule: string;
  detail: string;
  expected_fund_amt: string | null;
  actual_fund_amt: string;
}

/** A row of mart_audit_settlements (money as strings). */
export interface FlaggedSettlement {
  settlement_id: string;
  city: string;
  paid_amt: string;
  expected_amt: string | null;
  overpaid_amt: string;
  underpaid_amt: string;
  rules: string[];
  primary_rule: string;
  price_basis: 'policy' | 'assumed' | 'missing';
  counts_in_headline: boolean;
  [column: string]: unknown;
}

export interface Audited {
  findings: Finding[];
  settlements: FlaggedSettlement[];
  priced: Record<string, unknown>[];
  tests: DataTestResult[];
  /** The results of the `queries` given to audit(), by name (the warehouse is closed afterwards). */
  query: Record<string, Record<string, unknown>[]>;
}

function sqlValue(v: string | number | boolean | null): string {
  if (v === null) return 'null';
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return lit(v);
}

async function insert(conn: DuckDBConnection, table: string, rows: Row[]): Promise<void> {
  if (!rows.length) return;
  const cols = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const values = rows.map((r) => `(${cols.map((c) => sqlValue(r[c] ?? null)).join(', ')})`);
  await conn.run(`insert into ${table} (${cols.join(', ')}) values\n${values.join(',\n')}`);
}

/**
 * Load `delivery` with the real policy catalog, run all models and data tests, return the audit and
 * the rows of each of `queries` (name → SQL).
 */
export async function audit(delivery: Delivery, queries: Record<string, string> = {}): Promise<Audited> {
  const dir = mkdtempSync(join(tmpdir(), 'ltci-audit-'));
  try {
    return await withWarehouse(join(dir, 'w.duckdb'), async ({ conn }) => {
      for (const ddl of createWarehouseTables()) await conn.run(ddl);
      await loadConfig(conn);
      await loadPolicyCatalog(conn);
      for (const [kind, rows] of Object.entries(delivery)) await insert(conn, `raw_${kind}`, rows as Row[]);
      await runModels(conn);
      const tests = await runDataTests(conn);
      const rows = (sql: string) => queryRows(conn, sql);
      const findings = (await rows(`select * from mart_audit_findings order by settlement_id, rule`)) as unknown as Finding[];
      const priced = await rows(`select * from int_settlement_priced order by settlement_id`);
      const settlements = (await rows(`select * from mart_audit_settlements order by settlement_id`)) as unknown as FlaggedSettlement[];
      const query: Audited['query'] = {};
      for (const [name, sql] of Object.entries(queries)) query[name] = await rows(sql);
      return { findings, settlements, priced, tests, query };
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** settlement_id → rules, the compact form the expectations are written in. */
export function rulesBySettlement(findings: Finding[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const f of findings) (out[f.settlement_id] ??= []).push(f.rule);
  for (const k of Object.keys(out)) out[k].sort();
  return out;
}

// Row builders with the defaults of a clean case; each test overrides only what it is about.

export const LYG = '320700';
export const JINING = '370800';

export function enrolment(person_no: string, admdvs: string, scheme: 'employee' | 'resident', year: number, over: Row = {}): Row {
  return {
    person_no, gender: '1', birth_date: '1940-05-01', admdvs, scheme, year,
    coverage_start: `${year}-01-01`, coverage_end: `${year}-12-31`,
    individual_amt: '20', medical_fund_amt: '0', fiscal_amt: '20', employer_amt: '0', other_amt: '0', ...over,
  };
}

export function assessment(assessment_id: string, person_no: string, admdvs: string, conclusion_date: string, over: Row = {}): Row {
  return {
    assessment_id, person_no, admdvs, kind: 'initial', apply_date: conclusion_date, conclusion_date,
    level: 3, disability_months: 8, approved: true, valid_until: null, fee_amt: '0', ...over,
  };
}

export function institution(institution_code: string, admdvs: string, category: string, over: Row = {}): Row {
  return { institution_code, name: `机构${institution_code}`, admdvs, category, grade: null, designated_from: '2020-01-01', designated_to: null, ...over };
}

/** A settlement; personal_amt = total − fund is filled in. */
export function settlement(settlement_id: string, person_no: string, admdvs: string, institution_code: string | null, service_type: string, service_month: string, over: Row = {}): Row {
  const row: Row = {
    settlement_id, person_no, admdvs, institution_code, service_type, service_month: `${service_month}-01`,
    service_days: null, service_hours: null, visits: null, total_amt: '0', eligible_amt: '0', fund_amt: '0',
    settled_date: `${service_month}-28`, reversal_of: null, ...over,
  };
  if (row.personal_amt === undefined) row.personal_amt = (Math.round(Number(row.total_amt) * 100) - Math.round(Number(row.fund_amt) * 100)) / 100;
  return row;
}

/** `count` home visits of `hours` each, one a day from day `from` (the 1st), 09:00. */
export function visits(prefix: string, person_no: string, institution_code: string, month: string, count: number, hours = 2, from = 1): Row[] {
  return Array.from({ length: count }, (_, i) => {
    const day = String(i + from).padStart(2, '0');
    const end = 9 * 60 + hours * 60;
    return {
      visit_id: `${prefix}-${day}`, person_no, institution_code,
      check_in: `${month}-${day} 09:00:00`,
      check_out: `${month}-${day} ${String(Math.floor(end / 60)).padStart(2, '0')}:${String(end % 60).padStart(2, '0')}:00`,
    };
  });
}
