// For the public site's Framework loaders (src-public/data/*.json.ts, *.csv.ts): open the warehouse
// read-only, build one public table (suppressed in tables/) and print it as JSON or CSV.
import { existsSync } from 'node:fs';
import { toCsv } from '../../vocabulary/csv.ts';
import { resolveDbPath, withWarehouse } from '../db.ts';
import { publicTables, type PublicTable } from './tables/index.ts';

/** CSV for the open-data downloads: the product's writer — UTF-8 with a BOM, Chinese headers, formulas neutralised. */
export function publicCsv(t: PublicTable): string {
  return toCsv(t.rows, t.columns.map((c) => ({ key: c.key, label: c.label })));
}

export async function readPublicTable(name: string): Promise<PublicTable> {
  const path = resolveDbPath();
  if (!existsSync(path)) {
    console.error(`no warehouse at ${path}: run \`node bin/ltci.mjs refresh\` (or ingest + build), or set LTCI_DB`);
    process.exit(1);
  }
  return withWarehouse(path, async ({ conn }) => {
    const t = (await publicTables(conn)).get(name);
    if (!t) throw new Error(`no public table named ${name}`);
    return t;
  }, { readOnly: true });
}

export async function printPublicTable(name: string, format: 'json' | 'csv'): Promise<void> {
  const t = await readPublicTable(name);
  process.stdout.write(format === 'csv' ? publicCsv(t) : JSON.stringify(t));
}
