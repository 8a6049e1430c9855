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
  // The persons of rows a load replaced (their old values), for the incremental build (data-loaders/incremental.ts).
  `create table if not exists load_replaced (load_id VARCHAR, kind VARCHAR, person_no VARCHAR)`,
  `create table if not exists load_rejects (
    load_id VARCHAR, file VARCHAR, line BIGINT, column_name VARCHAR, rule VARCHAR,
    message VARCHAR, raw VARCHAR
)`,
];

/**
 * The enrolment rows a load replaced, as they were (and the load that replaced them): what the last
 * build counted for their persons, for the incremental build's counts by difference
 * (data-loaders/incremental.ts, ADDITIVE_MODELS). Also the history of corrected contributions.
 */
const REPLACED_DDL = `create table if not exists replaced_enrolment as
select *, null::VARCHAR as replaced_by_load from raw_enrolment limit 0`;

export function createWarehouseTables(): string[] {
  return [...LOAD_TABLES_DDL, ...KINDS.map(rawTableDdl), REPLACED_DDL];
}
