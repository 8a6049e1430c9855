-- grain: one row per fund ledger entry
with source as (
    select * from raw_ledger
),
renamed as (
    select
        entry_id,
        admdvs,
        left(admdvs, 4) || '00' as city,
        scheme,
        entry_date,
        date_trunc('month', entry_date)::date as entry_month,
        category,
        case
            when category in ('lottery_fund', 'donation', 'interest', 'other_income') then 'income'
            when category = 'opening_balance' then 'balance'
            else 'expense'
        end as direction,
        amount,
        load_id,
    from source
)
select * from renamed
