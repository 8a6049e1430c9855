-- invariant: cumulative_balance(m) = cumulative_balance(m − 1) + net(m), with no month missing;
-- the first month's balance is its net
with monthly as (
    select * from mart_fund_monthly
),

with_previous as (
    select
        city,
        scheme,
        month,
        net,
        cumulative_balance,
        lag(month) over (partition by city, scheme order by month) as previous_month,
        lag(cumulative_balance) over (partition by city, scheme order by month) as previous_balance,
    from monthly
)

select *
from with_previous
where (previous_month is null and cumulative_balance <> net)
    or (previous_month is not null and previous_month <> (month - interval 1 month)::date)
    or (previous_month is not null and cumulative_balance <> previous_balance + net)
