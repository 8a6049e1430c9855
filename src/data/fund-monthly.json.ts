// mart_fund_monthly: income by source, expenditure by kind, net and cumulative balance per city,
// scheme and month, with the mart's rolling 12-month status; plus year-to-date sums (a window over
// the mart, exact DECIMAL in DuckDB). Only the columns the pages show, to keep the file small.
import { printJson, rowsOf } from './lib/mart.ts';

await printJson((conn) => rowsOf(conn, `
    select
        city,
        scheme,
        month,
        income_individual,
        income_medical_fund,
        income_fiscal,
        income_employer,
        income_other,
        income_total,
        expenditure_benefits,
        expenditure_assessment,
        expenditure_operator,
        expenditure_other,
        expenditure_total,
        net,
        cumulative_balance,
        months_payable_12m,
        surplus_status_12m,
        sum(income_total) over ytd as income_ytd,
        sum(expenditure_total) over ytd as expenditure_ytd,
    from mart_fund_monthly
    window ytd as (partition by city, scheme, year(month) order by month rows between unbounded preceding and current row)
    order by city, scheme, month
`));
