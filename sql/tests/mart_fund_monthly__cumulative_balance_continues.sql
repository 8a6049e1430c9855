-- invariant: cumulative_net(m) = cumulative_net(m − 1) + net(m), with no month missing, the first
-- month's being its net; the balance moves by the month's net while it is known and no opening
-- balance opens; without any opening balance it is the running net from zero
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
        opening_required,
        balance_known,
        lag(month) over by_month as previous_month,
        lag(cumulative_net) over by_month as previous_net,
        lag(cumulative_balance) over by_month as previous_balance,
        lag(opening_balance) over by_month as previous_opening,
    from monthly
    window by_month as (partition by city, scheme order by month)
)

select *
from with_previous
where (previous_month is null and cumulative_net <> net)
    or (previous_month is not null and previous_month <> (month - interval 1 month)::date)
    or (previous_month is not null and cumulative_net <> previous_net + net)
    or (previous_balance is not null and cumulative_balance is not null
        and opening_balance is not distinct from previous_opening
        and cumulative_balance <> previous_balance + net)
    or (opening_balance is null and not opening_required and cumulative_balance is distinct from cumulative_net)
    or (balance_known <> (cumulative_balance is not null))
