-- grain: one row per home visit
with source as (
    select * from raw_visit
),
renamed as (
    select
        visit_id,
        person_no,
        institution_code,
        check_in,
        check_out,
        round(epoch(check_out - check_in) / 3600.0, 2)::decimal(10, 2) as hours,
        date_trunc('month', check_in)::date as service_month,
        caregiver_code,
        load_id,
    from source
)
select * from renamed
