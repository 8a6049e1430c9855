-- grain: one row per person, district (the enrolment's 6-digit admdvs as delivered) and calendar year
-- in which the person is a participant there: an enrolment row whose coverage overlaps the year,
-- within the data's period. covered_schemes: those rows' schemes, in no order and with
-- repeats (mart_district deduplicates the few distinct lists it counts). mart_district counts
-- distinct persons per scheme and for `all` from these rows; the incremental build rewrites the rows
-- of the persons whose enrolment changed (docs/performance.md, "Adding a month").
with enrolments as (
    select * from stg_enrolment
),

period as (
    select * from int_extract_period_bounded
),

-- The calendar years each enrolment row's coverage overlaps, within the data's period.
enrolment_spans as (
    select
        enrolments.person_no,
        enrolments.city,
        enrolments.admdvs,
        enrolments.scheme,
        year(enrolments.coverage_start) as first_covered_year,
        least(year(enrolments.coverage_end), period.last_year) as last_covered_year,
    from enrolments
    cross join period
),

-- One row per enrolment row and year its coverage overlaps. Most rows cover one year: one row, no
-- list to unnest.
enrolment_years as (
    select
        person_no,
        city,
        admdvs,
        scheme,
        first_covered_year::integer as year,
    from enrolment_spans
    where first_covered_year = last_covered_year
    union all
    select
        person_no,
        city,
        admdvs,
        scheme,
        unnest(range(first_covered_year, last_covered_year + 1))::integer as year,
    from enrolment_spans
    where not coalesce(first_covered_year = last_covered_year, false)
),

final as (
    select
        person_no,
        city,
        admdvs,
        year,
        list(scheme) as covered_schemes,
    from enrolment_years
    group by person_no, city, admdvs, year
)

select * from final
