// The data's as-of date (latest settled_date / entry_date in the warehouse), the extracts loaded,
// the period the marts cover up to the as-of date, and the period each page opens on
// (src/components/period.ts): per city, the latest complete month — the latest month at or before
// the as-of date with both income and benefit expenditure (mart_fund_monthly, scheme `all`); the
// default city is the one whose latest complete month is latest, ties to the smallest city code.
// Months after the as-of date (stray flows in an extract) are counted, never offered.
import { printJson, rowsIfTable, rowsOf, hasTable } from './lib/mart.ts';

await printJson(async (conn) => {
  const asOfParts: string[] = [];
  if (await hasTable(conn, 'raw_settlement')) asOfParts.push('select max(settled_date) as d from raw_settlement');
  if (await hasTable(conn, 'raw_ledger')) asOfParts.push('select max(entry_date) as d from raw_ledger');
  const asOf = asOfParts.length ? ((await rowsOf(conn, `select max(d)::varchar as as_of from (${asOfParts.join(' union all ')})`))[0].as_of as string | null) : null;
  const asOfSql = asOf ? `date '${asOf.slice(0, 10)}'` : `(select max(month) from mart_fund_monthly)`;
  const cities = await rowsOf(conn, `
    with months as (
        select * from mart_fund_monthly where scheme = 'all'
    ),
    per_city as (
        select
            city,
            max(month) filter (where month <= ${asOfSql} and income_total > 0 and expenditure_benefits > 0) as latest_complete_month,
            max(month) filter (where month <= ${asOfSql}) as last_month,
            min(month) as first_month,
            coalesce(sum(flows) filter (where month > ${asOfSql}), 0) as flows_after_as_of,
            count(*) filter (where month > ${asOfSql}) as months_after_as_of,
        from months
        group by city
    ),
    final as (
        select
            city,
            first_month::varchar as first_month,
            last_month::varchar as last_month,
            latest_complete_month::varchar as latest_complete_month,
            coalesce(latest_complete_month, last_month)::varchar as default_month,
            flows_after_as_of,
            months_after_as_of,
        from per_city
    )
    select * from final
    order by default_month desc nulls last, city`);
  const first = cities.map((c) => c.first_month as string).filter(Boolean).sort()[0] ?? null;
  const last = cities.map((c) => c.last_month as string).filter(Boolean).sort().at(-1) ?? null;
  const loads = await rowsIfTable(conn, 'load_report', `
    select load_id, min(loaded_at)::varchar as loaded_at, count(*) as files, sum(rows_loaded) as rows_loaded, sum(rows_rejected) as rows_rejected
    from load_report group by load_id order by min(loaded_at)`);
  return {
    asOf,
    first_month: first,
    last_month: last,
    defaultCity: (cities[0]?.city as string | undefined) ?? null,
    defaultMonth: (cities[0]?.default_month as string | undefined) ?? null,
    cities,
    flowsAfterAsOf: cities.reduce((n, c) => n + Number(c.flows_after_as_of), 0),
    loads,
    builtAt: new Date().toISOString().slice(0, 10),
  };
});
