-- grain: one row per fund, base year, age band and disability level: beneficiary prevalence in the
-- base year. beneficiary_months: distinct persons and months with a non-reversal settlement (any
-- type); participants: the band's participants of both sexes (int_projection_cohorts);
-- prevalence = beneficiary_months / (12 × participants): the share of the band's participants who
-- draw benefits in an average month. paid_per_beneficiary_month: the level's fund_amt (all types,
-- reversals included) per beneficiary-month. Beneficiaries with no birth date on record have
-- age_from null and no prevalence; their money still calibrates int_projection_inputs.
with benefit_months as (
    select * from int_projection_benefit_months
),

cohorts as (
    select * from int_projection_cohorts
),

band_participants as (
    select
        city,
        scheme,
        base_year,
        age_from,
        sum(participants) as participants,
    from cohorts
    group by all
),

by_level as (
    select
        city,
        scheme,
        base_year,
        disability_level,
        count(distinct (person_no, service_month)) filter (where beneficiary) as level_beneficiary_months,
        sum(fund_amt)::decimal(18, 2) as level_fund_amt,
    from benefit_months
    group by all
),

by_band as (
    select
        city,
        scheme,
        base_year,
        age_from,
        disability_level,
        count(distinct (person_no, service_month)) filter (where beneficiary) as beneficiary_months,
    from benefit_months
    group by all
),

final as (
    select
        by_band.city,
        by_band.scheme,
        by_band.base_year,
        by_band.age_from,
        by_band.disability_level,
        by_band.beneficiary_months,
        band_participants.participants,
        (by_band.beneficiary_months / nullif(12 * band_participants.participants, 0))::decimal(38, 12) as prevalence,
        by_level.level_beneficiary_months,
        by_level.level_fund_amt,
        (by_level.level_fund_amt / nullif(by_level.level_beneficiary_months, 0))::decimal(38, 12) as paid_per_beneficiary_month,
    from by_band
    inner join by_level
        on by_level.city = by_band.city
        and by_level.scheme = by_band.scheme
        and by_level.base_year = by_band.base_year
        and by_level.disability_level = by_band.disability_level
    left join band_participants
        on band_participants.city = by_band.city
        and band_participants.scheme = by_band.scheme
        and band_participants.base_year = by_band.base_year
        and band_participants.age_from = by_band.age_from
)

select * from final
