-- grain: one row per city that delivers home-visit records: a visit at one of the city's
-- institutions. Its own model because it is city-wide: int_settlement_priced, built for only the
-- changed settlements in an incremental build, reads it whole (docs/performance.md, "Adding a month").
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
