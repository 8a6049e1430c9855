-- invariant: each annual row is the sum of its months, balance_end is the year's last cumulative_balance,
-- and net = income_total − expenditure_total
with monthly as (
    select
        city,
        scheme,
        year,
        sum(income_total) as income_total,
        sum(expenditure_total) as expenditure_total,
        arg_max(cumulative_balance, month) as balance_end,
        count(*) as months,
    from mart_fund_monthly
    group by all
),

annual as (
    select * from mart_fund_annual
)

select
    annual.city,
    annual.scheme,
    annual.year,
    annual.income_total,
    monthly.income_total as monthly_income_total,
    annual.expenditure_total,
    monthly.expenditure_total as monthly_expenditure_total,
    annual.balance_end,
    monthly.balance_end as monthly_balance_end,
from annual
full outer join monthly
    on monthly.city = annual.city
    and monthly.scheme = annual.scheme
    and monthly.year = annual.year
where annual.city is null
    or monthly.city is null
    or annual.income_total <> monthly.income_total
    or annual.expenditure_total <> monthly.expenditure_total
    or annual.balance_end is distinct from monthly.balance_end
    or annual.net <> annual.income_total - annual.expenditure_total
    or annual.months_covered <> monthly.months
