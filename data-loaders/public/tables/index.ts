// What the public disclosure site may show (docs/public.md), one file per table, read from the
// marts and the policy catalog, with small-cell suppression applied in Node before anything is
// written out. Only aggregates: no person number, certificate hash, settlement id, audit or
// data-quality table.
import type { DuckDBConnection } from '@duckdb/node-api';
import { Disclosure } from '../../suppress.ts';
import { fundAnnual } from './fundAnnual.ts';
import { fundMonthly } from './fundMonthly.ts';
import { fundPersons } from './fundPersons.ts';
import { institutionCounts } from './institutionCounts.ts';
import { institutions } from './institutions.ts';
import { personTables } from './persons.ts';
import { policyDocuments } from './policyDocuments.ts';
import { policyOverview } from './policyOverview.ts';
import { policyParameters } from './policyParameters.ts';
import { serviceTypes } from './serviceTypes.ts';
import type { PublicTable } from './table.ts';

export type { PublicCell, PublicColumn, PublicRow, PublicTable } from './table.ts';
export { SUPPRESSION_NOTE } from './table.ts';
export { CATEGORY_LABELS } from './institutions.ts';

/** Every public table by name (what the loaders and the CSV downloads serve), in the site's order. */
export async function publicTables(conn: DuckDBConnection): Promise<Map<string, PublicTable>> {
  return (await publication(conn)).tables;
}

/**
 * Every public table, and the Disclosure they were suppressed in: the fund, person and service
 * tables register their cells and the sums that tie them (within and across tables), the whole is
 * suppressed at once, then each table is made from it.
 */
export async function publication(conn: DuckDBConnection): Promise<{ tables: Map<string, PublicTable>; disclosure: Disclosure }> {
  const d = new Disclosure();
  const who = await fundPersons(conn);
  const persons = await personTables(conn, d);
  const suppressed = [
    await fundAnnual(conn, d, who), await fundMonthly(conn, d, who),
    persons.schemes, persons.districts, persons.levels, await serviceTypes(conn, d),
  ];
  d.run();
  const list = [
    ...suppressed.map((make) => make()),
    await institutionCounts(conn), await institutions(conn),
    await policyOverview(conn), await policyDocuments(conn), await policyParameters(conn),
  ];
  return { tables: new Map(list.map((t) => [t.name, t])), disclosure: d };
}
