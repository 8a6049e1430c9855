-- grain: one row per city that delivers home-visit records: a visit at one of the city's
-- institutions. int_settlement_priced reads it to tell whether a settlement's city records visits.
with visits as (
    select * from stg_visit
),

institutions as (
    select * from stg_institution
),

visit_institutions as (
    select distinct institution_code,
    from visits
),

final as (
    select distinct institutions.city,
    from visit_institutions
    inner join institutions
        on institutions.institution_code = visit_institutions.institution_code
)

select * from final
