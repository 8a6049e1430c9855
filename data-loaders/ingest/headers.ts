// Header row → contract columns: the English name, the Chinese label or an alias (the national
// platform's field names among them), in any order, case-insensitive, surrounding white space and
// invisible characters ignored. The contract's own name or label wins over an alias; unknown
// headers are kept aside.
import type { Column, HeaderAlias, Kind } from '../contract/index.ts';

export interface HeaderMapping {
  /** Contract column name → the position of its header (0-based). */
  source: Map<string, number>;
  /** Contract column name → the alias its header matched (absent: the name or the label). */
  alias: Map<string, HeaderAlias>;
  /** Headers that match no contract column, or an alias of a column named by the contract too (reported, never loaded). */
  extra: string[];
  /** Required contract columns with no header. */
  missing: Column[];
  /** Contract columns named by more than one header. */
  ambiguous: { column: string; headers: string[] }[];
}

const EDGES = /^[\s\p{Z}\p{Cc}\p{Cf}]+|[\s\p{Z}\p{Cc}\p{Cf}]+$/gu;

export function normaliseHeader(header: string): string {
  return header.replace(EDGES, '').toLowerCase();
}

export const aliasHeader = (a: HeaderAlias): string => (typeof a === 'string' ? a : a.header);

export function headerSpellings(column: Column): string[] {
  return [column.name, column.zh, ...(column.aliases ?? []).map(aliasHeader)].map(normaliseHeader);
}

export function mapHeaders(kind: Kind, headers: string[]): HeaderMapping {
  const own = new Map<string, number[]>();
  const byAlias = new Map<string, { position: number; alias: HeaderAlias }[]>();
  const unknown = new Set<number>();
  headers.forEach((header, i) => {
    const key = normaliseHeader(header);
    const column = kind.columns.find((c) => normaliseHeader(c.name) === key || normaliseHeader(c.zh) === key);
    if (column) return void own.set(column.name, [...(own.get(column.name) ?? []), i]);
    for (const c of kind.columns) {
      const alias = c.aliases?.find((a) => normaliseHeader(aliasHeader(a)) === key);
      if (alias) return void byAlias.set(c.name, [...(byAlias.get(c.name) ?? []), { position: i, alias }]);
    }
    unknown.add(i);
  });
  const source = new Map<string, number>();
  const alias = new Map<string, HeaderAlias>();
  const ambiguous: HeaderMapping['ambiguous'] = [];
  for (const c of kind.columns) {
    const named = own.get(c.name) ?? [];
    const aliased = byAlias.get(c.name) ?? [];
    if (named.length) {
      if (named.length > 1) ambiguous.push({ column: c.name, headers: named.map((i) => headers[i]) });
      source.set(c.name, named[0]);
      for (const a of aliased) unknown.add(a.position); // the contract's own name wins
    } else if (aliased.length) {
      if (aliased.length > 1) ambiguous.push({ column: c.name, headers: aliased.map((a) => headers[a.position]) });
      source.set(c.name, aliased[0].position);
      alias.set(c.name, aliased[0].alias);
    }
  }
  const extra = headers.filter((_, i) => unknown.has(i));
  const missing = kind.columns.filter((c) => c.required && !source.has(c.name));
  return { source, alias, extra, missing, ambiguous };
}
