-- grain: one row per settlement (reversal rows included, their amounts negative)
with source as (
    select * from raw_settlement
),
renamed as (
    select
        settlement_id,
        person_no,
        admdvs,
        left(admdvs, 4) || '00' as city,
        institution_code,
        service_type,
        service_month,
        service_days,
        service_hours,
        visits,
        total_amt,
        eligible_amt,
        fund_amt,
        personal_amt,
        settled_date,
        date_trunc('month', settled_date)::date as settled_month,
        reversal_of,
        reversal_of is not null as is_reversal,
        load_id,
    from source
)
select * from renamed
