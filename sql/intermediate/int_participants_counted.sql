-- grain: one row per city, calendar year, scheme mask and contribution flag: how many persons have
-- that combination. mart_city_comparison counts participants and financed persons from it.
-- participants (Y): distinct persons with an enrolment row whose coverage overlaps Y (spec);
-- scheme_mask: the bits (int_scheme_bits) of the schemes whose coverage overlaps Y, null for a
-- person who only contributed for Y; contributed: true if the person has an enrolment row with
-- year = Y (financing), else null.
-- The same coverage-year rule as int_district_participants_counted, at the city grain and with the
-- contribution year (a change to one is a change to both; a shared macro would cost the
-- single-year fast path its one row per enrolment row).
-- enrolments are read where used (not materialized): scanning the columns again is cheaper than
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

-- One row per enrolment row and calendar year it counts in: each year its coverage overlaps
-- (participants) and its contribution year (financing). Most rows cover their contribution year
-- only: one row, no list to unnest; the others give a row per covered year and one for the
-- contribution year.
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

-- One row per person, city and year: the schemes whose coverage overlaps the year (a bit mask) and
-- whether the person contributed for the year: one hash aggregate over the enrolment rows instead
-- of one per count (docs/performance.md).
person_years as (
    select
        enrolment_years.city,
        enrolment_years.year,
        enrolment_years.person_no,
        bit_or(scheme_bits.scheme_bit) filter (where enrolment_years.covered) as scheme_mask,
        bool_or(enrolment_years.contributed) as contributed,
    from enrolment_years
    inner join scheme_bits
        on scheme_bits.scheme is not distinct from enrolment_years.scheme
    group by enrolment_years.city, enrolment_years.year, enrolment_years.person_no
),

final as (
    select
        city,
        year,
        scheme_mask,
        contributed,
        count(person_no) as persons,
    from person_years
    group by all
)

select * from final
