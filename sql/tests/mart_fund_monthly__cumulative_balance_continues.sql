-- invariant: cumulative_net(m) = cumulative_net(m − 1) + net(m), with no month missing, the first
-- month's being its net; cumulative_balance = opening balance carried + cumulative_net where the
-- balance is known, null where it is not
with monthly as (
    select * from mart_fund_monthly
),

with_previous as (
    select
        city,
        scheme,
        month,
        net,
        cumulative_net,
        cumulative_balance,
        opening_balance,
        balance_known,
        lag(month) over (partition by city, scheme order by month) as previous_month,
        lag(cumulative_net) over (partition by city, scheme order by month) as previous_net,
    from monthly
)

select *
from with_previous
where (previous_month is null and cumulative_net <> net)
    or (previous_month is not null and previous_month <> (month - interval 1 month)::date)
    or (previous_month is not null and cumulative_net <> previous_net + net)
    or (balance_known and cumulative_balance is distinct from coalesce(opening_balance, 0) + cumulative_net)
    or (not balance_known and cumulative_balance is not null)
