// The data's as-of date (latest settled_date / entry_date / paid date in the warehouse), the
// extracts loaded, and the period the marts cover. Shown on every page's source line and footer.
import { printJson, rowsIfTable, rowsOf, hasTable } from './lib/mart.ts';

await printJson(async (conn) => {
  const asOfParts: string[] = [];
  if (await hasTable(conn, 'raw_settlement')) asOfParts.push('select max(settled_date) as d from raw_settlement');
  if (await hasTable(conn, 'raw_ledger')) asOfParts.push('select max(entry_date) as d from raw_ledger');
  const asOf = asOfParts.length ? (await rowsOf(conn, `select max(d)::varchar as as_of from (${asOfParts.join(' union all ')})`))[0].as_of : null;
  const period = (await rowsOf(conn, `select min(month)::varchar as first_month, max(month)::varchar as last_month from mart_fund_monthly`))[0];
  const loads = await rowsIfTable(conn, 'load_report', `
    select load_id, min(loaded_at)::varchar as loaded_at, count(*) as files, sum(rows_loaded) as rows_loaded, sum(rows_rejected) as rows_rejected
    from load_report group by load_id order by min(loaded_at)`);
  return { asOf, ...period, loads, builtAt: new Date().toISOString().slice(0, 10) };
});
