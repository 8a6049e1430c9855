// Every table the public site shows, as <name>.json (for the pages) and <name>.csv (the open-data
// downloads), plus meta.json (the data's period from mart_data_period, the surplus bands). Built by
// data-loaders/public/tables/, which applies the small-cell suppression before anything leaves
// Node. One loader run for the whole site.
import { existsSync } from 'node:fs';
import { queryRows, resolveDbPath, withWarehouse } from '../data-loaders/db.ts';
import { publicCsv } from '../data-loaders/public/printPublicTable.ts';
import { publicTables } from '../data-loaders/public/tables/index.ts';
import { tarArchive } from '../data-loaders/report/writeTar.ts';
import { readThresholds } from '../data-loaders/config.ts';
import { NEGATIVE_BALANCE_TEXT } from '../data-loaders/public/tables/table.ts';
import { bandRule } from '../vocabulary/index.ts';

const dbPath = resolveDbPath();
if (!existsSync(dbPath)) {
  console.error(`no warehouse at ${dbPath}: run \`node bin/ltci.mjs refresh\` (or ingest + build), or set LTCI_DB`);
  process.exit(1);
}

const files = await withWarehouse(dbPath, async ({ conn }) => {
  const tables = await publicTables(conn);
  // The period the dashboards show too: up to the data's as-of date.
  const [range] = await queryRows(conn, `
    select strftime(first_month, '%Y-%m') as first_month, strftime(last_month, '%Y-%m') as last_month,
        strftime(as_of_date, '%Y-%m-%d') as as_of
    from mart_data_period where city = 'all'`);
  // The surplus-status bands the warehouse used (cfg_surplus_band, from config/thresholds.json).
  const bands = await queryRows(conn, `
    select status, label_zh, basis, min_value::varchar as min_value, max_value::varchar as max_value, min_inclusive, max_inclusive
    from cfg_surplus_band order by sort_order`);
  if (!bands.length) throw new Error('cfg_surplus_band is empty: run `node bin/ltci.mjs build`');
  const out: [string, string][] = [];
  for (const [name, t] of tables) {
    out.push([`${name}.json`, JSON.stringify(t)]);
    out.push([`${name}.csv`, publicCsv(t)]);
  }
  const meta = {
    firstMonth: range?.first_month ?? null,
    lastMonth: range?.last_month ?? null,
    // 数据截至 (the data's as-of date) and 发布日期 (the day this site was built, in China's time)
    asOf: range?.as_of ?? null,
    published: new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10),
    // a balance below zero is said as it is on the public site (the tables' words), not judged
    surplusBands: bands.filter((b) => b.basis !== 'balance').map((b) => ({ label: String(b.label_zh), rule: bandRule(b) })),
    negativeBalance: NEGATIVE_BALANCE_TEXT,
    surplusBandsSource: (readThresholds().surplus_bands as { source_zh?: string }).source_zh ?? null,
    tables: [...tables.values()].map((t) => ({ name: t.name, title: t.title, rows: t.rows.length })),
  };
  out.push(['meta.json', JSON.stringify(meta)]);
  return out;
}, { readOnly: true });

process.stdout.write(tarArchive(files));
