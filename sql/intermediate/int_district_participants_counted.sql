-- grain: one row per city, district (the enrolment's admdvs), calendar year and scheme mask: how
-- many persons have an enrolment row in the district whose coverage overlaps the year (spec:
-- participants (Y)), by the schemes covering them (bits of int_scheme_bits). mart_district counts
-- participants from it. The same coverage-year rule as int_participants_counted, at the district
-- grain (a change to one is a change to both).
-- read where used (not materialized): scanning the enrolment columns again is cheaper than
-- writing 5 M rows into a CTE
with enrolments as not materialized (
    select * from stg_enrolment
),

period as (
    select last_year from int_extract_period_bounded
),

scheme_bits as (
    select * from int_scheme_bits
),

-- The calendar years each enrolment row's coverage overlaps, within the data's period.
enrolment_spans as not materialized (
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

-- One row per person, district and year with the schemes covering it as a bit mask: one hash
-- aggregate over the enrolment rows.
person_years as (
    select
        enrolment_years.city,
        enrolment_years.admdvs,
        enrolment_years.year,
        enrolment_years.person_no,
        bit_or(scheme_bits.scheme_bit) as scheme_mask,
    from enrolment_years
    inner join scheme_bits
        on scheme_bits.scheme is not distinct from enrolment_years.scheme
    group by enrolment_years.city, enrolment_years.admdvs, enrolment_years.year, enrolment_years.person_no
),

final as (
    select
        city,
        admdvs,
        year,
        scheme_mask,
        count(person_no) as persons,
    from person_years
    group by all
)

select * from final
