// mart_fund_monthly: income by source, expenditure by kind, net and cumulative balance per city,
// scheme and month, with the mart's rolling 12-month status (or why there is none), whether the
// balance is known, the funds (is_fund) and the year's deficit; plus the year to date of income and
// expenditure (mart_fund_item_monthly, the report's figures too). Only the columns the pages show,
// to keep the file small.
import { printJson, rowsOf } from './lib/mart.ts';

await printJson((conn) => rowsOf(conn, `
    with monthly as (
        select * from mart_fund_monthly
    ),
    items as (
        select * from mart_fund_item_monthly
        where item in ('income_total', 'expenditure_total')
    )
    select
        monthly.city,
        monthly.scheme,
        monthly.month,
        monthly.income_individual,
        monthly.income_medical_fund,
        monthly.income_fiscal,
        monthly.income_employer,
        monthly.income_other,
        monthly.income_total,
        monthly.expenditure_benefits,
        monthly.expenditure_assessment,
        monthly.expenditure_operator,
        monthly.expenditure_other,
        monthly.expenditure_total,
        monthly.net,
        monthly.cumulative_balance,
        monthly.balance_known,
        monthly.opening_balance,
        monthly.months_payable_12m,
        monthly.surplus_status_12m,
        monthly.status_note_12m,
        monthly.status_basis,
        monthly.is_fund,
        income.ytd as income_ytd,
        expenditure.ytd as expenditure_ytd,
        monthly.deficit_ytd,
        monthly.unassigned_fund_amt,
    from monthly
    left join items as income
        on income.city = monthly.city
        and income.scheme = monthly.scheme
        and income.month = monthly.month
        and income.item = 'income_total'
    left join items as expenditure
        on expenditure.city = monthly.city
        and expenditure.scheme = monthly.scheme
        and expenditure.month = monthly.month
        and expenditure.item = 'expenditure_total'
    order by monthly.city, monthly.scheme, monthly.month
`));
