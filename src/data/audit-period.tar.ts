// 基金监管, period by period: one file per year (YYYY.json: the year's figures, mart_audit_period,
// every breakdown, every city) and per month a settlement was paid (YYYY-MM.json: the month's figures
// and its flagged settlements from mart_audit_settlements, largest overpayment first; persons as
// pseudonyms, lib/auditList.ts). One archive, one loader run; observablehq.config.js lists the
// periods as dynamicPaths (lib/auditPeriods.mjs) so each is built as data/audit-period/<period>.json,
// and the page fetches the periods it shows — every finding reachable, none capped, and the page's
// first file stays small.
import { existsSync } from 'node:fs';
import { resolveDbPath, withWarehouse } from '../../data-loaders/db.ts';
import { tarArchive } from '../../data-loaders/report/writeTar.ts';
import { auditListSql } from './lib/auditList.ts';
import { rowsOf } from './lib/mart.ts';

const dbPath = resolveDbPath();
if (!existsSync(dbPath)) {
  console.error(`no warehouse at ${dbPath}: run \`node bin/ltci.mjs refresh\` (or ingest + build), or set LTCI_DB`);
  process.exit(1);
}

const files = await withWarehouse(dbPath, async ({ conn }) => {
  const summary = await rowsOf(conn, `
    select * exclude (rank) from mart_audit_period
    where period_kind in ('year', 'month')
    order by period, city, breakdown, rank`);
  const list = await rowsOf(conn, auditListSql('true'));
  const periods = [...new Set(summary.map((r) => String(r.period)))];
  return periods.map((period): [string, string] => [`${period}.json`, JSON.stringify({
    period,
    summary: summary.filter((r) => r.period === period),
    ...(period.length === 7 ? { list: list.filter((r) => r.settled_month === period) } : {}),
  })]);
}, { readOnly: true });

process.stdout.write(tarArchive(files));
