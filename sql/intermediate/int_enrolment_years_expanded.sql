-- grain: one row per enrolment row and calendar year its coverage overlaps, within the data's
-- period (int_extract_period_bounded: no year after the last flow) — what "participants (year Y)"
-- counts (spec: persons with an enrolment row whose coverage overlaps Y)
with enrolments as (
    select * from stg_enrolment
),

period as (
    select * from int_extract_period_bounded
),

final as (
    select
        enrolments.person_no,
        enrolments.city,
        enrolments.admdvs,
        enrolments.scheme,
        unnest(range(
            year(enrolments.coverage_start),
            least(year(enrolments.coverage_end), period.last_year) + 1
        ))::integer as year,
    from enrolments
    cross join period
)

select * from final
