// mart_fund_monthly: income by source, expenditure by kind, net and cumulative balance per city,
// scheme and month, with the mart's rolling 12-month status and year-to-date sums. Only the columns
// the pages show, to keep the file small.
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
        balance_known,
        opening_balance,
        months_payable_12m,
        surplus_status_12m,
        status_note_12m,
        status_basis,
        is_fund,
        income_ytd,
        expenditure_ytd,
        deficit_ytd,
        unassigned_fund_amt,
    from mart_fund_monthly
    order by city, scheme, month
`));
