-- grain: one row per city, scheme (… / all), year of service_month, disability level, age band and sex
-- A beneficiary (a settlement in the year that is no reversal and not reversed) is counted once per
-- city, scheme and year (settlements of no scheme in `all` only), at
-- a reference date = the last day of their latest service month in that year (for `all`: across
-- schemes). Level: the latest assessment concluded on or before the reference date (null =
-- no assessment). Age in completed years at the reference date; sex and birth date from the
-- person's latest enrolment row. Unknowns are kept as 'unknown', never dropped.
with settlements as (
    select * from int_settlements_schemed
    where not is_reversal
        and settlement_id not in (select settlement_id from int_settlements_reversed)
),

assessments as (
    select * from stg_assessment
),

enrolments as (
    select * from stg_enrolment
),

person_years as (
    select
        city,
        case when grouping(scheme) = 1 then 'all' else scheme end as scheme,
        service_year as year,
        person_no,
        last_day(max(service_month)) as reference_date,
    from settlements
    group by grouping sets ((city, scheme, service_year, person_no), (city, service_year, person_no))
    having grouping(scheme) = 1 or scheme <> 'unassigned'
),

-- only the enrolments of beneficiaries: the window then sorts thousands of persons, not millions
people as (
    select
        person_no,
        gender,
        birth_date,
    from enrolments
    where person_no in (select person_no from settlements)
    qualify row_number() over (partition by person_no order by year desc, coverage_start desc, scheme) = 1
),

levelled as (
    select
        person_years.*,
        (
            select arg_max(assessments.level, assessments.conclusion_date)
            from assessments
            where assessments.person_no = person_years.person_no
                and assessments.conclusion_date <= person_years.reference_date
        ) as disability_level,
        people.gender,
        people.birth_date,
    from person_years
    left join people
        on people.person_no = person_years.person_no
),

banded as (
    select
        *,
        date_sub('year', birth_date, reference_date) as age,
        case
            when birth_date is null then 'unknown'
            when date_sub('year', birth_date, reference_date) < 60 then '<60'
            when date_sub('year', birth_date, reference_date) < 70 then '60-69'
            when date_sub('year', birth_date, reference_date) < 80 then '70-79'
            when date_sub('year', birth_date, reference_date) < 90 then '80-89'
            else '90+'
        end as age_band,
        case gender when 1 then 'male' when 2 then 'female' else 'unknown' end as sex,
    from levelled
),

final as (
    select
        city,
        scheme,
        year,
        disability_level,
        age_band,
        sex,
        count(*)::integer as beneficiaries,
    from banded
    group by all
)

select * from final
