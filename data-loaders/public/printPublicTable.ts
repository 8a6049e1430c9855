// For the public site's Framework loaders (src-public/data/*.json.ts, *.csv.ts): open the warehouse
// read-only, build one public table (suppressed in tables/) and print it as JSON or CSV.
import { existsSync } from 'node:fs';
import { csvField } from '../csv.ts';
import { resolveDbPath, withWarehouse } from '../db.ts';
import { publicTables, type PublicTable } from './tables/index.ts';

/** CSV for the open-data downloads: UTF-8 with a BOM (Excel and WPS then read the Chinese), Chinese headers. */
export function publicCsv(t: PublicTable): string {
  const lines = [t.columns.map((c) => csvField(c.label)).join(',')];
  for (const r of t.rows) lines.push(t.columns.map((c) => csvField(r[c.key])).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
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
