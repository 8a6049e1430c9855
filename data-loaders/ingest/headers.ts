// Header row → contract columns: the English name, the Chinese label or an alias, in any order,
// case-insensitive, surrounding spaces and a BOM ignored. Unknown headers are kept aside.
import type { Column, Kind } from '../contract/index.ts';

export interface HeaderMapping {
  /** Contract column name → the position of its header (0-based). */
  source: Map<string, number>;
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
  const byColumn = new Map<string, number[]>();
  const extra: string[] = [];
  headers.forEach((header, i) => {
    const key = normaliseHeader(header);
    const column = kind.columns.find((c) => headerSpellings(c).includes(key));
    if (!column) extra.push(header);
    else byColumn.set(column.name, [...(byColumn.get(column.name) ?? []), i]);
  });
  const source = new Map<string, number>();
  const ambiguous: HeaderMapping['ambiguous'] = [];
  for (const [column, positions] of byColumn) {
    if (positions.length > 1) ambiguous.push({ column, headers: positions.map((i) => headers[i]) });
    source.set(column, positions[0]);
  }
  const missing = kind.columns.filter((c) => c.required && !source.has(c.name));
  return { source, extra, missing, ambiguous };
}
