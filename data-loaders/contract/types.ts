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

/**
 * A header spelling other than the contract's name and label: plain (any case), or a field name of
 * the national platform (医疗保障信息平台) whose codes differ from the contract's.
 */
export type HeaderAlias =
  | string
  | {
      header: string;
      /** A field name of the national platform (医疗保障信息平台): what `ltci demo --headers platform` writes. */
      platform?: boolean;
      /** The platform's code → the contract's value, applied only under this header (others pass unchanged). */
      values?: Record<string, string | null>;
      /** The header holds a timestamp; its date is the column's value. */
      dateOf?: 'timestamp';
      /** What the platform's field is (docs). */
      note?: string;
    };

/** Bounds of a date column: implausible dates are rejected, never stored. */
export interface DateBounds {
  /** Earliest accepted date (YYYY-MM-DD) and why. */
  earliest: string;
  why: string;
  /** Latest accepted: so many years after the date of the load (absent: no upper bound). */
  yearsAfterLoad?: number;
}

/**
 * The largest amount a money column accepts: the marts sum amounts as DECIMAL(18,2), and with every
 * amount under 1亿元 a sum of 100 million rows still fits (10^8 × 10^8 = 10^16).
 */
export const MONEY_MAX = 99_999_999.99;

export interface Column {
  /** English name: the column's name in the warehouse. */
  name: string;
  /** Chinese header label accepted in deliveries. */
  zh: string;
  type: ColumnType;
  required: boolean;
  /** Extra accepted header spellings (case-insensitive); the contract's name and label win over them. */
  aliases?: HeaderAlias[];
  /** For 'code': canonical value → accepted spellings in deliveries. */
  values?: Record<string, string[]>;
  /** Value used when an optional column is absent or empty. */
  default?: string;
  /** Smallest accepted value for numbers (money: 0 unless the row is a reversal). */
  min?: number;
  /** Largest accepted value (money: MONEY_MAX unless set; compared by absolute value). */
  max?: number;
  /** Dates and months: the plausible range. */
  dates?: DateBounds;
  /** Values that name no usable category, each rejected with its own rule and message. */
  unusable?: { values: string[]; rule: string; message: string }[];
  /** Text that must not be a resident ID (人员编号 is not 证件号码): rejected, never stored or quoted. */
  notResidentId?: boolean;
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
