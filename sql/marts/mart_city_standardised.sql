-- grain: one row per city, fund scheme (as int_projection_funds: the account of a single-account
-- city, else each scheme) and complete year: beneficiaries per 1 000 participants, crude and
-- age-standardised. An older population draws more benefits at the same generosity; the
-- standardised rate asks what each city's age-specific rates would give in one standard population
-- (cfg_standard_population, config/standard-population.json: WHO World Standard 2000–2025).
-- Rates in beneficiary-months per participant-month (int_projection_prevalence, so a person who
-- drew benefits for three months counts a quarter of a year-round one):
--   crude        = Σ_b beneficiary_months_b / (12 × Σ_b participants_b) × 1 000
--   standardised = Σ_b w_b × beneficiary_months_b / (12 × participants_b) / Σ_b w_b × 1 000
-- Bands with no participants contribute no rate (their weight stays in the denominator);
-- beneficiaries of unknown age are in neither rate. bands_with_beneficiaries says how thin a rate is.
with prevalence as (
    select * from int_projection_prevalence
),

cohorts as (
    select * from int_projection_cohorts
),

standard as (
    select * from cfg_standard_population
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

band_months as (
    select
        city,
        scheme,
        base_year,
        age_from,
        sum(beneficiary_months) as beneficiary_months,
    from prevalence
    where age_from is not null
    group by all
),

bands as (
    select
        band_participants.city,
        band_participants.scheme,
        band_participants.base_year as year,
        band_participants.age_from,
        band_participants.participants,
        coalesce(band_months.beneficiary_months, 0) as beneficiary_months,
        standard.weight,
    from band_participants
    inner join standard
        on standard.age_from = band_participants.age_from
    left join band_months
        on band_months.city = band_participants.city
        and band_months.scheme = band_participants.scheme
        and band_months.base_year = band_participants.base_year
        and band_months.age_from = band_participants.age_from
),

final as (
    select
        city,
        scheme,
        year,
        sum(participants)::integer as participants,
        sum(beneficiary_months)::integer as beneficiary_months,
        round(sum(beneficiary_months) * 1000 / nullif(12 * sum(participants), 0), 2)::decimal(12, 2) as crude_rate_per_1000,
        round(
            sum(weight * beneficiary_months / nullif(12 * participants, 0)) * 1000 / sum(weight), 2
        )::decimal(12, 2) as standardised_rate_per_1000,
        count(*) filter (where beneficiary_months > 0)::integer as bands_with_beneficiaries,
        (select standard_population from cfg_projection) as standard_population,
    from bands
    group by all
)

select * from final
