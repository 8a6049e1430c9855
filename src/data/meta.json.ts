// The data's period (mart_data_period): the as-of date (latest settlement or ledger entry date),
// the months the marts cover up to it, each city's latest complete month and the city and month
// the pages open on (src/components/period.ts); and the loads (mart_load_batch). Months after the
// as-of date (stray flows in an extract) are counted there, never offered.
import { printJson, rowsOf } from './lib/mart.ts';

await printJson(async (conn) => {
  const periods = await rowsOf(conn, `
    select
        city,
        first_month::varchar as first_month,
        last_month::varchar as last_month,
        latest_complete_month::varchar as latest_complete_month,
        default_month::varchar as default_month,
        flows_after_as_of,
        months_after_as_of,
        as_of_date::varchar as as_of_date,
        default_city,
    from mart_data_period
    order by default_month desc nulls last, city`);
  const all = periods.find((p) => p.city === 'all');
  const cities = periods.filter((p) => p.city !== 'all')
    .map(({ as_of_date: _a, default_city: _d, ...city }) => city);
  const loads = await rowsOf(conn, `
    select load_id, loaded_at::varchar as loaded_at, files, rows_loaded, rows_rejected
    from mart_load_batch order by loaded_at`);
  return {
    asOf: all?.as_of_date ?? null,
    first_month: all?.first_month ?? null,
    last_month: all?.last_month ?? null,
    defaultCity: all?.default_city ?? null,
    defaultMonth: all?.default_month ?? null,
    cities,
    flowsAfterAsOf: all?.flows_after_as_of ?? 0,
    loads,
    builtAt: new Date().toISOString().slice(0, 10),
  };
});
