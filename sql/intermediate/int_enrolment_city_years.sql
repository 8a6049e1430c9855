-- grain: one row per person, city and calendar year in which the person is a participant (an
-- enrolment row whose coverage overlaps the year, within the data's period) or contributed (an
-- enrolment row of that contribution year). covered_schemes: the scheme of each enrolment row whose
-- coverage overlaps the year, in no order and with repeats (null when the person only contributed
-- for the year): sorting and deduplicating millions of short lists costs more than doing it on the
-- few distinct lists mart_city_comparison counts. The mart counts distinct persons per scheme and
-- for `all` from these rows; the incremental build rewrites the rows of the persons whose enrolment
-- changed (docs/performance.md, "Adding a month").
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
        enrolments.scheme,
        enrolments.year as contribution_year,
        year(enrolments.coverage_start) as first_covered_year,
        least(year(enrolments.coverage_end), period.last_year) as last_covered_year,
    from enrolments
    cross join period
),

-- One row per enrolment row and calendar year it counts in: each year its coverage overlaps and its
-- contribution year. Most rows cover their contribution year only: one row, no list to unnest; the
-- others give a row per covered year and one for the contribution year.
enrolment_years as (
    select
        person_no,
        city,
        scheme,
        contribution_year as year,
        true as covered,
        true as contributed,
    from enrolment_spans
    where coalesce(first_covered_year = contribution_year and last_covered_year = contribution_year, false)
    union all
    select
        person_no,
        city,
        scheme,
        unnest(range(first_covered_year, last_covered_year + 1))::integer as year,
        true as covered,
        null as contributed,
    from enrolment_spans
    where not coalesce(first_covered_year = contribution_year and last_covered_year = contribution_year, false)
    union all
    select
        person_no,
        city,
        scheme,
        contribution_year as year,
        false as covered,
        true as contributed,
    from enrolment_spans
    where not coalesce(first_covered_year = contribution_year and last_covered_year = contribution_year, false)
),

final as (
    select
        person_no,
        city,
        year,
        list(scheme) filter (where covered) as covered_schemes,
        coalesce(bool_or(contributed), false) as contributed,
    from enrolment_years
    group by person_no, city, year
)

select * from final
