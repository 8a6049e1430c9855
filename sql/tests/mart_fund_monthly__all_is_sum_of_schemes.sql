-- invariant: a city's `all` row equals the sum of its scheme rows, for every amount and month, plus
-- the settlements of no scheme (unassigned_fund_amt), which count in `all` only
with monthly as (
    select * from mart_fund_monthly
),

schemes as (
    select
        city,
        month,
        sum(income_total) as income_total,
        sum(expenditure_total) as expenditure_total,
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
    all_rows.unassigned_fund_amt,
from all_rows
left join schemes
    on schemes.city = all_rows.city
    and schemes.month = all_rows.month
where all_rows.income_total <> coalesce(schemes.income_total, 0)
    or all_rows.expenditure_total <> coalesce(schemes.expenditure_total, 0) + all_rows.unassigned_fund_amt
union all
-- a scheme month without its city's `all` month
select schemes.city, schemes.month, null, schemes.income_total, null, schemes.expenditure_total, null,
from schemes
anti join all_rows
    on all_rows.city = schemes.city
    and all_rows.month = schemes.month
