-- grain: one row per work-injury nursing allowance record (工伤保险生活护理费; optional extract)
-- Both days are included; an allowance still paid has no allowance_to.
with source as (
    select * from raw_work_injury
),
renamed as (
    select
        record_id,
        person_no,
        admdvs,
        left(admdvs, 4) || '00' as city,
        allowance_from,
        coalesce(allowance_to, date '9999-12-31') as allowance_until,
        load_id,
    from source
)
select * from renamed
