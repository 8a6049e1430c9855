-- grain: one row per fund, base year, disability level and service type: take-up and what the fund
-- paid per beneficiary-month in the base year.
-- beneficiary_months: distinct persons and months with a non-reversal settlement of the type;
-- take_up = those months / all beneficiary-months of the level (a month with two types counts in
-- both, so the shares of a level may add up to more than 1); paid_per_beneficiary_month = fund_amt
-- (reversals included) / beneficiary_months. DOUBLE divisions, rounded here.
with benefit_months as (
    select * from int_projection_benefit_months
),

by_type as (
    select
        city,
        scheme,
        base_year,
        disability_level,
        service_type,
        count(*) filter (where beneficiary) as beneficiary_months,
        sum(fund_amt)::decimal(18, 2) as fund_amt,
    from benefit_months
    group by all
),

by_level as (
    select
        city,
        scheme,
        base_year,
        disability_level,
        count(distinct (person_no, service_month)) filter (where beneficiary) as level_beneficiary_months,
    from benefit_months
    group by all
),

final as (
    select
        by_type.*,
        by_level.level_beneficiary_months,
        (by_type.beneficiary_months / nullif(by_level.level_beneficiary_months, 0))::decimal(18, 6) as take_up,
        round(by_type.fund_amt / nullif(by_type.beneficiary_months, 0), 2)::decimal(18, 2) as paid_per_beneficiary_month,
    from by_type
    inner join by_level
        on by_level.city = by_type.city
        and by_level.scheme = by_type.scheme
        and by_level.base_year = by_type.base_year
        and by_level.disability_level = by_type.disability_level
)

select * from final
