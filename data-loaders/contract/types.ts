// Types for the extract contract v1 (docs/extracts.md): one Kind per extract, one Column per field.

/** How a column's text is parsed and stored. */
export type ColumnType =
  | 'text' // VARCHAR, trimmed
  | 'code' // VARCHAR from a closed list (values + Chinese aliases)
  | 'admdvs' // 6-digit medical-insurance area code
  | 'cert' // 18-character resident ID: checksum checked, stored only as a keyed hash
  | 'date' // YYYY-MM-DD, YYYY/MM/DD or YYYYMMDD → DATE
  | 'month' // YYYY-MM or YYYYMM → DATE (first day of month)
  | 'timestamp' // date forms above plus HH:MM[:SS] → TIMESTAMP
  | 'money' // yuan, at most 2 decimals → DECIMAL(18,2)
  | 'decimal' // non-negative quantity with at most 2 decimals → DECIMAL(10,2)
  | 'int' // integer → INTEGER
  | 'bool'; // true/false, 1/0, 通过/不通过, 是/否 → BOOLEAN

export interface Column {
  /** English name: the column's name in the warehouse. */
  name: string;
  /** Chinese header label accepted in deliveries. */
  zh: string;
  type: ColumnType;
  required: boolean;
  /** Extra accepted header spellings (case-insensitive). */
  aliases?: string[];
  /** For 'code': canonical value → accepted spellings in deliveries. */
  values?: Record<string, string[]>;
  /** Value used when an optional column is absent or empty. */
  default?: string;
  /** Smallest accepted value for numbers (money: 0 unless the row is a reversal). */
  min?: number;
  max?: number;
  /** Human description of the rule (docs). */
  rule?: string;
}

/**
 * A rule across columns of one row, written as a SQL predicate over the typed values
 * (columns by name). A row for which `sql` is false breaks the rule and is rejected.
 */
export interface RowCheck {
  rule: string;
  column: string;
  sql: string;
  message: string;
}

export interface Kind {
  /** File-name prefix and table suffix: raw_<name>. */
  name: 'enrolment' | 'assessment' | 'institution' | 'settlement' | 'visit' | 'ledger' | 'inpatient' | 'work_injury';
  zh: string;
  /** Columns that together identify a row; a later row with the same key replaces the earlier. */
  key: string[];
  columns: Column[];
  checks: RowCheck[];
  /** Whether a delivery may omit this kind entirely. */
  optional?: boolean;
}

/** Lineage columns every raw_<kind> table carries after the contract's columns. */
export const LINEAGE_COLUMNS = [
  { name: 'load_id', sql: 'VARCHAR' },
  { name: 'source_file', sql: 'VARCHAR' },
  { name: 'source_line', sql: 'BIGINT' },
] as const;

export const SQL_TYPES: Record<ColumnType, string> = {
  text: 'VARCHAR',
  code: 'VARCHAR',
  admdvs: 'VARCHAR',
  cert: 'VARCHAR',
  date: 'DATE',
  month: 'DATE',
  timestamp: 'TIMESTAMP',
  money: 'DECIMAL(18,2)',
  decimal: 'DECIMAL(10,2)',
  int: 'INTEGER',
  bool: 'BOOLEAN',
};

/** The warehouse column for a contract column: `cert_no` is stored as `cert_hash`. */
export function storedName(column: Column): string {
  return column.type === 'cert' ? column.name.replace(/_no$/, '') + '_hash' : column.name;
}
