// Extract contract v1: the kinds, their columns and the raw_<kind> tables that hold them.
import { assessment, enrolment, inpatient, institution, ledger, settlement, visit, work_injury } from './kinds.ts';
import { LINEAGE_COLUMNS, SQL_TYPES, storedName, type Kind } from './types.ts';

export * from './types.ts';
export { SERVICE_TYPES, LEDGER_CATEGORIES } from './kinds.ts';

export const CONTRACT_VERSION = 'v1';
export const KINDS: readonly Kind[] = [enrolment, assessment, institution, settlement, visit, ledger, inpatient, work_injury];

export function kindByName(name: string): Kind | undefined {
  return KINDS.find((k) => k.name === name);
}

/** The kind a delivery file belongs to, by its name's prefix (`settlement-2027-01.csv.gz`). */
export function kindOfFile(fileName: string): Kind | undefined {
  const lower = fileName.toLowerCase();
  return KINDS.find((k) => lower.startsWith(k.name));
}

/** DDL of raw_<kind>: the contract's columns, typed, then the lineage columns. */
export function rawTableDdl(kind: Kind): string {
  const cols = kind.columns.map((c) => `    ${storedName(c)} ${SQL_TYPES[c.type]}`);
  const lineage = LINEAGE_COLUMNS.map((c) => `    ${c.name} ${c.sql}`);
  return `create table if not exists raw_${kind.name} (\n${[...cols, ...lineage].join(',\n')}\n)`;
}

/** DDL of the load bookkeeping tables. */
export const LOAD_TABLES_DDL = [
  `create table if not exists load_report (
    load_id VARCHAR, file VARCHAR, kind VARCHAR, rows_read BIGINT, rows_loaded BIGINT,
    rows_rejected BIGINT, rows_replaced BIGINT, rows_unchanged BIGINT, bytes BIGINT,
    encoding VARCHAR, file_sha256 VARCHAR, extra_columns VARCHAR[], loaded_at TIMESTAMP
)`,
  `create table if not exists load_rejects (
    load_id VARCHAR, file VARCHAR, line BIGINT, column_name VARCHAR, rule VARCHAR,
    message VARCHAR, raw VARCHAR
)`,
];

/**
 * The contract's date bounds as a table, for the data tests that hold the marts to the same period
 * (sql/tests/mart_fund_monthly__within_extract_period.sql): one row per bounded date column.
 */
export function contractDatesDdl(): string {
  const rows = KINDS.flatMap((k) => k.columns.filter((c) => c.dates).map((c) =>
    `('${k.name}', '${c.name}', date '${c.dates!.earliest}', ${c.dates!.yearsAfterLoad ?? 'null'})`));
  return `create or replace table contract_dates as
select * from (values ${rows.join(', ')}) as t(kind, column_name, earliest, years_after_load)`;
}

/**
 * Tables earlier versions of ltci wrote and this one no longer reads: the incremental build's
 * record (build_state, build_loads) and the old values of replaced rows (load_replaced,
 * replaced_enrolment, hashed persons of corrected rows). `ltci build` drops them, so an upgraded
 * warehouse holds nothing a reader of this version's docs would not expect.
 */
export const RETIRED_TABLES = ['build_state', 'build_loads', 'load_replaced', 'replaced_enrolment'] as const;

export function createWarehouseTables(): string[] {
  return [...LOAD_TABLES_DDL, ...KINDS.map(rawTableDdl), contractDatesDdl()];
}
