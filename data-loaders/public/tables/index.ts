// What the public disclosure site may show (docs/public.md), one file per table, read from the
// marts and the policy catalog, with small-cell suppression applied in Node before anything is
// written out. Only aggregates: no person number, certificate hash, settlement id, audit or
// data-quality table.
import type { DuckDBConnection } from '@duckdb/node-api';
import { fundAnnual } from './fundAnnual.ts';
import { fundMonthly } from './fundMonthly.ts';
import { institutionCounts } from './institutionCounts.ts';
import { institutions } from './institutions.ts';
import { personTables } from './persons.ts';
import { policyDocuments } from './policyDocuments.ts';
import { policyParameters } from './policyParameters.ts';
import { serviceTypes } from './serviceTypes.ts';
import type { PublicTable } from './table.ts';

export type { PublicCell, PublicColumn, PublicRow, PublicTable } from './table.ts';
export { SUPPRESSION_NOTE } from './table.ts';
export { CATEGORY_LABELS } from './institutions.ts';

/** Every public table by name (what the loaders and the CSV downloads serve), in the site's order. */
export async function publicTables(conn: DuckDBConnection): Promise<Map<string, PublicTable>> {
  const persons = await personTables(conn);
  const list = [
    await fundAnnual(conn), await fundMonthly(conn),
    persons.schemes, persons.districts, persons.levels, await serviceTypes(conn),
    await institutionCounts(conn), await institutions(conn), await policyDocuments(conn), await policyParameters(conn),
  ];
  return new Map(list.map((t) => [t.name, t]));
}
