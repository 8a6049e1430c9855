-- grain: one row per person, scheme and contribution year (the contract's key; ingest keeps the latest row)
with source as (
    select * from raw_enrolment
),
renamed as (
    select
        person_no,
        cert_hash,
        gender::integer as gender,
        birth_date,
        admdvs,
        left(admdvs, 4) || '00' as city,
        scheme,
        year,
        coverage_start,
        coverage_end,
        individual_amt,
        medical_fund_amt,
        fiscal_amt,
        coalesce(employer_amt, 0) as employer_amt,
        coalesce(other_amt, 0) as other_amt,
        individual_amt + medical_fund_amt + fiscal_amt
            + coalesce(employer_amt, 0) + coalesce(other_amt, 0) as contribution_total,
        assisted,
        paid_date,
        date_trunc('month', coalesce(paid_date, coverage_start))::date as income_month,
        load_id,
    from source
)
select * from renamed
