// Write the validated catalog into the policy_* tables (replaced on every load).
import type { DuckDBConnection } from '@duckdb/node-api';
import { lit } from '../db.ts';
import type { PolicyCatalog } from './types.ts';

interface TableSpec {
  name: string;
  columns: [string, string][];
  rows: (c: PolicyCatalog) => object[];
}

export const POLICY_TABLES: TableSpec[] = [
  {
    name: 'policy_scheme',
    columns: [
      ['policy_id', 'VARCHAR'], ['city', 'VARCHAR'], ['city_name', 'VARCHAR'], ['province', 'VARCHAR'], ['scheme', 'VARCHAR'],
      ['effective_from', 'DATE'], ['effective_to', 'DATE'], ['document_no', 'VARCHAR'], ['document_title', 'VARCHAR'],
      ['single_account', 'BOOLEAN'], ['min_level', 'INTEGER'], ['min_disability_months', 'INTEGER'],
      ['benefit_start_offset_days', 'INTEGER'], ['reassessment_months', 'INTEGER'], ['waiting_period_months', 'INTEGER'],
      ['assessment_fee_from_fund', 'BOOLEAN'], ['operator_fee_ratio', 'DECIMAL(6,4)'], ['benefits_from', 'DATE'], ['source_file', 'VARCHAR'],
      ['fund_from', 'DATE'],
    ],
    rows: (c) => c.scheme,
  },
  {
    name: 'policy_financing',
    columns: [['policy_id', 'VARCHAR'], ['component', 'VARCHAR'], ['amount', 'DECIMAL(18,2)'], ['effective_from', 'DATE'], ['effective_to', 'DATE']],
    rows: (c) => c.financing,
  },
  {
    name: 'policy_area',
    columns: [['policy_id', 'VARCHAR'], ['admdvs', 'VARCHAR'], ['area_name', 'VARCHAR']],
    rows: (c) => c.area,
  },
  {
    name: 'policy_service',
    columns: [
      ['policy_id', 'VARCHAR'], ['service_type', 'VARCHAR'], ['method', 'VARCHAR'], ['rate', 'DECIMAL(18,2)'], ['ratio', 'DECIMAL(6,4)'],
      ['hospital_grade', 'INTEGER'], ['monthly_cap', 'DECIMAL(18,2)'], ['hours_per_visit', 'DECIMAL(6,2)'], ['min_visits_per_month', 'INTEGER'],
    ],
    rows: (c) => c.service,
  },
  {
    name: 'policy_category_service',
    columns: [['policy_id', 'VARCHAR'], ['category', 'VARCHAR'], ['service_type', 'VARCHAR']],
    rows: (c) => c.categoryService,
  },
  {
    name: 'policy_exclusion',
    columns: [['policy_id', 'VARCHAR'], ['data_kind', 'VARCHAR'], ['service_type', 'VARCHAR']],
    rows: (c) => c.exclusion,
  },
  {
    name: 'policy_service_type',
    columns: [['service_type', 'VARCHAR'], ['name_zh', 'VARCHAR'], ['setting', 'VARCHAR'], ['occupies_day', 'BOOLEAN']],
    rows: (c) => c.serviceType,
  },
  {
    name: 'policy_institution_category',
    columns: [['category', 'VARCHAR'], ['name_zh', 'VARCHAR']],
    rows: (c) => c.institutionCategory,
  },
  {
    name: 'policy_source',
    columns: [
      ['policy_id', 'VARCHAR'], ['param', 'VARCHAR'], ['value', 'VARCHAR'], ['document_no', 'VARCHAR'], ['clause', 'VARCHAR'],
      ['assumed', 'BOOLEAN'], ['assumed_why', 'VARCHAR'],
    ],
    rows: (c) => c.source,
  },
  {
    name: 'national_pilot_city',
    columns: [
      ['city_name', 'VARCHAR'], ['province', 'VARCHAR'], ['batch', 'VARCHAR'], ['city', 'VARCHAR'], ['admdvs', 'VARCHAR'],
      ['scheme_from', 'VARCHAR'], ['scheme_document', 'VARCHAR'],
    ],
    rows: (c) => c.nationalPilotCity,
  },
  {
    name: 'policy_national',
    columns: [['policy_id', 'VARCHAR'], ['document_no', 'VARCHAR'], ['document_title', 'VARCHAR'], ['fund_share_target', 'DECIMAL(6,4)'], ['min_disability_months', 'INTEGER']],
    rows: (c) => c.national,
  },
];

function sqlValue(v: unknown, type: string): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') return String(v);
  return `${lit(String(v))}::${type}`;
}

/**
 * Replace the policy_* tables with the catalog's rows, in one transaction (or in the caller's, with
 * `inTransaction`: `ltci build` writes the catalog and the models all or nothing). Returns rows per table.
 */
export async function writePolicyCatalog(conn: DuckDBConnection, catalog: PolicyCatalog, { inTransaction = false } = {}): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  if (!inTransaction) await conn.run('begin transaction');
  try {
    for (const t of POLICY_TABLES) {
      await conn.run(`create or replace table ${t.name} (${t.columns.map(([n, ty]) => `${n} ${ty}`).join(', ')})`);
      const rows = t.rows(catalog) as Record<string, unknown>[];
      for (let i = 0; i < rows.length; i += 500) {
        const values = rows.slice(i, i + 500).map((row) => `(${t.columns.map(([n, ty]) => sqlValue(row[n], ty)).join(', ')})`);
        await conn.run(`insert into ${t.name} values ${values.join(',\n')}`);
      }
      counts[t.name] = rows.length;
    }
    if (!inTransaction) await conn.run('commit');
  } catch (err) {
    if (!inTransaction) await conn.run('rollback');
    throw err;
  }
  return counts;
}
