// mart_city_comparison: participants, beneficiaries, per-head financing and fund figures per city,
// scheme and year; with the year's first and last month from mart_fund_annual, so a part year is
// labelled as such ("2027年（1–11月）").
import { printJson, rowsOf } from './lib/mart.ts';

await printJson((conn) => rowsOf(conn, `
    select
        c.*,
        a.first_month::varchar as first_month,
        a.last_month::varchar as last_month,
        a.months_covered,
    from mart_city_comparison as c
    left join mart_fund_annual as a using (city, scheme, year)
    order by city, scheme, year
`));
