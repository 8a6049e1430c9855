-- invariant: a city's `all` row equals the sum of its scheme rows, for every amount and month
with monthly as (
    select * from mart_fund_monthly
),

schemes as (
    select
        city,
        month,
        sum(income_total) as income_total,
        sum(expenditure_total) as expenditure_total,
        sum(cumulative_balance) as cumulative_balance,
    from monthly
    where scheme <> 'all'
    group by all
),

all_rows as (
    select * from monthly
    where scheme = 'all'
)

select
    all_rows.city,
    all_rows.month,
    all_rows.income_total,
    schemes.income_total as schemes_income_total,
    all_rows.expenditure_total,
    schemes.expenditure_total as schemes_expenditure_total,
    all_rows.cumulative_balance,
    schemes.cumulative_balance as schemes_cumulative_balance,
from all_rows
full outer join schemes
    on schemes.city = all_rows.city
    and schemes.month = all_rows.month
where all_rows.city is null
    or coalesce(all_rows.income_total <> schemes.income_total, true)
    or all_rows.expenditure_total <> schemes.expenditure_total
    or all_rows.cumulative_balance <> schemes.cumulative_balance
