-- grain: one row per city, calendar year and pair of scheme masks (bits of int_scheme_bits): how many
-- persons have that pair. mart_city_comparison counts two bulletin figures from it:
--   year_end_mask  the schemes whose coverage includes the year's reference date, its last day (the
--                  data's last day in the data's last year): 参保人数 at year end
--   financed_mask  the schemes with an enrolment row for the year (`year` = Y) carrying a contribution
--                  above zero: the financed participants, the divisor of per-head financing (连云港's
--                  under-18s are covered but "暂不单独筹资", so they carry none)
-- Persons in neither are not counted. Not additive over persons like int_participants_counted: it is
-- built whole.
with enrolments as not materialized (
    select * from stg_enrolment
),

period as (
    select last_date, last_year from int_extract_period_bounded
),

scheme_bits as (
    select * from int_scheme_bits
),

-- each enrolment row's years: its contribution year (financed when it carries a contribution) and
-- the years whose reference date its coverage includes. Most rows cover their contribution year
-- only: one row each, no list to unnest; the others give a row per covered year and one for the
-- contribution year.
spans as not materialized (
    select
        enrolments.person_no,
        enrolments.city,
        enrolments.scheme,
        enrolments.year as contribution_year,
        enrolments.contribution_total > 0 as financed,
        enrolments.coverage_start,
        enrolments.coverage_end,
        year(enrolments.coverage_start) as first_covered_year,
        least(year(enrolments.coverage_end), period.last_year) as last_covered_year,
        period.last_date,
        period.last_year,
    from enrolments
    cross join period
),

enrolment_years as (
    select
        person_no,
        city,
        scheme,
        contribution_year as year,
        coverage_start <= reference_date and coverage_end >= reference_date as year_end,
        financed,
    from (
        select
            *,
            case when contribution_year = last_year then last_date else make_date(contribution_year, 12, 31) end as reference_date,
        from spans
        where coalesce(first_covered_year = contribution_year and last_covered_year = contribution_year, false)
    )
    union all
    select
        person_no,
        city,
        scheme,
        year,
        coverage_start <= reference_date and coverage_end >= reference_date as year_end,
        false as financed,
    from (
        select
            *,
            case when year = last_year then last_date else make_date(year, 12, 31) end as reference_date,
        from (
            select *, unnest(range(first_covered_year, last_covered_year + 1))::integer as year,
            from spans
            where not coalesce(first_covered_year = contribution_year and last_covered_year = contribution_year, false)
        )
    )
    union all
    select
        person_no,
        city,
        scheme,
        contribution_year as year,
        false as year_end,
        financed,
    from spans
    where not coalesce(first_covered_year = contribution_year and last_covered_year = contribution_year, false)
        and financed
),

person_years as (
    select
        enrolment_years.city,
        enrolment_years.year,
        enrolment_years.person_no,
        bit_or(scheme_bits.scheme_bit) filter (where enrolment_years.year_end) as year_end_mask,
        bit_or(scheme_bits.scheme_bit) filter (where enrolment_years.financed) as financed_mask,
    from enrolment_years
    inner join scheme_bits
        on scheme_bits.scheme is not distinct from enrolment_years.scheme
    where enrolment_years.year_end or enrolment_years.financed
    group by enrolment_years.city, enrolment_years.year, enrolment_years.person_no
),

final as (
    select
        city,
        year,
        year_end_mask,
        financed_mask,
        count(*) as persons,
    from person_years
    group by all
)

select * from final
