// Every table the public site shows, as <name>.json (for the pages) and <name>.csv (the open-data
// downloads), plus meta.json. Built by data-loaders/public/publicTables.ts, which applies the
// small-cell suppression before anything leaves Node. One loader run for the whole site.
import { existsSync } from 'node:fs';
import { queryRows, resolveDbPath, withWarehouse } from '../data-loaders/db.ts';
import { publicCsv } from '../data-loaders/public/printPublicTable.ts';
import { publicTables } from '../data-loaders/public/publicTables.ts';
import { tarArchive } from '../data-loaders/report/writeTar.ts';

const dbPath = resolveDbPath();
if (!existsSync(dbPath)) {
  console.error(`no warehouse at ${dbPath}: run \`node bin/ltci.mjs refresh\` (or ingest + build), or set LTCI_DB`);
  process.exit(1);
}

const files = await withWarehouse(dbPath, async ({ conn }) => {
  const tables = await publicTables(conn);
  const [range] = await queryRows(conn, `
    select strftime(min(month), '%Y-%m') as first_month, strftime(max(month), '%Y-%m') as last_month
    from mart_fund_monthly`);
  const out: [string, string][] = [];
  for (const [name, t] of tables) {
    out.push([`${name}.json`, JSON.stringify(t)]);
    out.push([`${name}.csv`, publicCsv(t)]);
  }
  const meta = {
    firstMonth: range?.first_month ?? null,
    lastMonth: range?.last_month ?? null,
    tables: [...tables.values()].map((t) => ({ name: t.name, title: t.title, rows: t.rows.length })),
  };
  out.push(['meta.json', JSON.stringify(meta)]);
  return out;
}, { readOnly: true });

process.stdout.write(tarArchive(files));
