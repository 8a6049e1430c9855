-- grain: one row per assessment
with source as (
    select * from raw_assessment
),
renamed as (
    select
        assessment_id,
        person_no,
        admdvs,
        left(admdvs, 4) || '00' as city,
        kind,
        apply_date,
        conclusion_date,
        level,
        disability_months,
        approved,
        valid_until,
        coalesce(fee_amt, 0) as fee_amt,
        assessor_code,
        conclusion_date - apply_date as days_to_conclusion,
        load_id,
    from source
)
select * from renamed
