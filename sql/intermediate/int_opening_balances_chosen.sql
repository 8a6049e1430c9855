-- grain: one row per city and scheme with an opening balance delivered: the fund's balance carried in
-- (ledger category opening_balance, 期初结余 / 上年结转), dated the day before the first month it opens.
-- Where entries of several dates were delivered, the earliest date's entries are the opening balance:
-- the flows after it are delivered, so a later one would count them twice (it is superseded, and
-- counted in mart_reconciliation). Entries of the same date are summed (e.g. one per district).
with ledger as (
    select * from stg_ledger
    where direction = 'balance'
),

dated as (
    select
        city,
        scheme,
        entry_date,
        sum(amount)::decimal(18, 2) as amount,
        count(*)::integer as entries,
    from ledger
    group by all
),

ranked as (
    select
        *,
        row_number() over (partition by city, scheme order by entry_date) as date_rank,
        sum(entries) over (partition by city, scheme) as all_entries,
    from dated
),

final as (
    select
        city,
        scheme,
        entry_date as opening_date,
        date_trunc('month', entry_date + interval 1 day)::date as opening_month,
        amount as opening_balance,
        entries as opening_entries,
        (all_entries - entries)::integer as superseded_entries,
    from ranked
    where date_rank = 1
)

select * from final
