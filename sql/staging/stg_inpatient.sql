-- grain: one row per inpatient stay (optional extract: empty when no delivery carried one)
-- The days in hospital are admission_date to the day before discharge_date (a stay still open has
-- no discharge_date): the days a hospital bills, and the day of discharge is free for other care.
with source as (
    select * from raw_inpatient
),
renamed as (
    select
        stay_id,
        person_no,
        admdvs,
        left(admdvs, 4) || '00' as city,
        admission_date,
        discharge_date,
        coalesce(discharge_date - 1, date '9999-12-31') as last_day_in_hospital,
        hospital_code,
        load_id,
    from source
)
select * from renamed
