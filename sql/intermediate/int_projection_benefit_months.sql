-- grain: one row per fund, base year, person, service month and service type: the beneficiary-months
-- the base year's benefits are counted in (settlements by service_month, as mart_service_type).
-- A beneficiary-month is a person with a non-reversal settlement of the type in the month;
-- fund_amt sums every row of the person, month and type, reversals included.
-- disability_level: the latest assessment concluded on or before the month's last day ('unknown'
-- with none); age_from: the person's age band in the base year (base year − birth year, as
-- int_projection_cohorts), null when the person has no enrolment row to give a birth date.
with settlements as (
    select * from int_settlements_schemed
),

assessments as (
    select * from stg_assessment
),

enrolments as (
    select * from stg_enrolment
),

funds as (
    select * from int_projection_funds
),

-- every age 0–150 with its band (an equi-join)
ages as (
    select
        unnest(range(age_from, coalesce(age_to, 150) + 1)) as age,
        age_from,
    from (select distinct age_from, age_to from cfg_life_table)
),

-- only the beneficiaries' enrolments: thousands of persons, not millions
birth_years as (
    select
        person_no,
        min(year(birth_date)) as birth_year,
    from enrolments
    where person_no in (select person_no from settlements)
    group by person_no
),

fund_settlements as (
    select
        funds.city,
        funds.scheme,
        funds.base_year,
        settlements.person_no,
        settlements.service_month,
        last_day(settlements.service_month) as month_end,
        settlements.service_type,
        sum(settlements.fund_amt) as fund_amt,
        bool_or(not settlements.is_reversal) as beneficiary,
    from funds
    inner join settlements
        on settlements.city = funds.city
        and settlements.service_year = funds.base_year
        and (funds.scheme = 'all' or settlements.scheme = funds.scheme)
    group by all
),

levelled as (
    select
        fund_settlements.*,
        coalesce(assessments.level::varchar, 'unknown') as disability_level,
    from fund_settlements
    asof left join assessments
        on assessments.person_no = fund_settlements.person_no
        and assessments.conclusion_date <= fund_settlements.month_end
),

final as (
    select
        levelled.city,
        levelled.scheme,
        levelled.base_year,
        levelled.person_no,
        levelled.service_month,
        levelled.service_type,
        levelled.disability_level,
        ages.age_from,
        levelled.beneficiary,
        levelled.fund_amt::decimal(18, 2) as fund_amt,
    from levelled
    left join birth_years
        on birth_years.person_no = levelled.person_no
    left join ages
        on ages.age = levelled.base_year - birth_years.birth_year
)

select * from final
