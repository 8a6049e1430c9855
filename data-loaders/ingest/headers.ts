// Header row → contract columns: the English name, the Chinese label or an alias, in any order,
// case-insensitive, surrounding spaces and a BOM ignored. Unknown headers are kept aside.
import type { Column, Kind } from '../contract/index.ts';

export interface HeaderMapping {
  /** Contract column name → the file's header as DuckDB names it. */
  source: Map<string, string>;
  /** Headers that match no contract column (reported, never loaded). */
  extra: string[];
  /** Required contract columns with no header. */
  missing: Column[];
  /** Contract columns named by more than one header. */
  ambiguous: { column: string; headers: string[] }[];
}

export function normaliseHeader(header: string): string {
  return header.replace(/^\uFEFF/, '').trim().toLowerCase();
}

export function headerSpellings(column: Column): string[] {
  return [column.name, column.zh, ...(column.aliases ?? [])].map(normaliseHeader);
}

export function mapHeaders(kind: Kind, headers: string[]): HeaderMapping {
  const byColumn = new Map<string, string[]>();
  const extra: string[] = [];
  for (const header of headers) {
    const key = normaliseHeader(header);
    const column = kind.columns.find((c) => headerSpellings(c).includes(key));
    if (!column) extra.push(header);
    else byColumn.set(column.name, [...(byColumn.get(column.name) ?? []), header]);
  }
  const source = new Map<string, string>();
  const ambiguous: HeaderMapping['ambiguous'] = [];
  for (const [column, names] of byColumn) {
    if (names.length > 1) ambiguous.push({ column, headers: names });
    source.set(column, names[0]);
  }
  const missing = kind.columns.filter((c) => c.required && !source.has(c.name));
  return { source, extra, missing, ambiguous };
}
