-- grain: one row per fund, base year, sex and age band: what the projection engine needs of a cell,
-- every value a DECIMAL(38, 12) the engine (SQL and src/components/projection.ts) uses as stored.
-- participants, stay_rate, advance_share, entry_rate: int_projection_cohorts.
-- benefit_rate (the band's, both sexes alike): beneficiary-months per participant-month, the sum
-- of the band's prevalence over levels.
-- paid_per_benefit_month (the band's): what the fund paid per beneficiary-month, the band's mix of
-- levels priced at each level's paid_per_beneficiary_month, times one calibration factor per fund
-- and base year = the base year's cash expenditure_benefits (mart_fund_annual) / Σ over bands of
-- beneficiary-months × that price. So the engine's benefits of the base year equal the cash
-- figure (settlement timing, reversals and beneficiaries of unknown age included).
with cohorts as (
    select * from int_projection_cohorts
),

prevalence as (
    select * from int_projection_prevalence
),

funds as (
    select * from int_projection_funds
),

bands as (
    select
        city,
        scheme,
        base_year,
        age_from,
        sum(prevalence) as benefit_rate,
        sum(beneficiary_months) as beneficiary_months,
        -- yuan the band's beneficiary-months cost at their levels' prices (a sum of doubles in a fixed
        -- order: the same to the last bit in every build)
        sum(beneficiary_months * paid_per_beneficiary_month::double order by disability_level nulls first) as band_cost,
    from prevalence
    where age_from is not null
        and participants > 0
    group by all
),

calibration as (
    select
        funds.city,
        funds.scheme,
        funds.base_year,
        funds.expenditure_benefits::double / nullif(sum(bands.band_cost order by bands.age_from), 0) as factor,
    from funds
    inner join bands
        on bands.city = funds.city
        and bands.scheme = funds.scheme
        and bands.base_year = funds.base_year
    group by funds.city, funds.scheme, funds.base_year, funds.expenditure_benefits
),

final as (
    select
        cohorts.city,
        cohorts.scheme,
        cohorts.base_year,
        cohorts.sex,
        cohorts.age_from,
        cohorts.age_to,
        cohorts.participants::decimal(38, 12) as participants,
        cohorts.stay_rate,
        cohorts.advance_share,
        cohorts.entry_rate,
        coalesce(bands.benefit_rate, 0)::decimal(38, 12) as benefit_rate,
        coalesce(bands.band_cost / nullif(bands.beneficiary_months, 0) * calibration.factor, 0)::decimal(38, 12) as paid_per_benefit_month,
    from cohorts
    left join bands
        on bands.city = cohorts.city
        and bands.scheme = cohorts.scheme
        and bands.base_year = cohorts.base_year
        and bands.age_from = cohorts.age_from
    left join calibration
        on calibration.city = cohorts.city
        and calibration.scheme = cohorts.scheme
        and calibration.base_year = cohorts.base_year
)

select * from final
