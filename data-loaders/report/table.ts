// One report table from mart rows: each value written by its column's kind (types.ts) — money,
// amounts and decimals (`number`) as the exact text DuckDB gives, counts and ratios as numbers,
// labels and `mixed` cells as the section made them — so a section lists its columns once and
// converts nothing by hand. Keys not among the columns (a mixed cell's `<key>__kind`, a change's
// `<key>__why`, flags the narrative reads) are kept as they are.
import type { Cell, ColumnKind, Row, Table } from './types.ts';

function cellOf(kind: ColumnKind, v: unknown): Cell {
  if (v === null || v === undefined) return null;
  switch (kind) {
    case 'money':
    case 'amount':
    case 'number':
      return String(v);
    case 'count':
    case 'pct':
    case 'change':
      return Number(v);
    default:
      return v as Cell;
  }
}

export function reportTable(
  { rows, total, ...t }: Omit<Table, 'rows' | 'totalRows'> & { rows: Record<string, unknown>[]; total?: (r: Record<string, unknown>) => boolean; totalRows?: number[] },
): Table {
  const kinds = new Map(t.columns.map((c) => [c.key, c.kind]));
  const out: Row[] = rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, kinds.has(k) ? cellOf(kinds.get(k)!, v) : (v as Cell)])));
  const totalRows = t.totalRows ?? (total ? rows.flatMap((r, i) => (total(r) ? [i] : [])) : undefined);
  return { ...t, rows: out, ...(totalRows ? { totalRows } : {}) };
}
