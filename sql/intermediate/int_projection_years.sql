-- grain: one row per fund, base year, scenario and year (base year B to B + horizon): the projected
-- income, expenditure and balance. src/components/projection.ts computes the same, step by step.
-- Growth factors from year B on (each step rounded to 12 decimals):
--   demand(t) = demand(t−1) × (1 + prevalence_shift) × (1 + take_up_growth), cost(t) = cost(t−1) ×
--   (1 + unit_cost_growth), financing(t) = financing(t−1) × (1 + financing_growth); all 1 in B.
-- Per age band b (persons P_b of both sexes, int_projection_population):
--   benefit_months_b(t) = P_b(t) × min(benefit_rate_b × demand(t), 1) × 12
--   modelled benefits(t) = Σ_b benefit_months_b(t) × paid_per_benefit_month_b
-- Money is the base year's actual figure plus the modelled change, rounded once to the fen:
--   benefits(t)      = benefits(B) + [modelled(t) × cost(t) × benefit_level − modelled(B)]
--   assessment(t)    = assessment(B) + assessment_per_benefit_month × [Σ_b months(t) × cost(t) − Σ_b months(B)]
--   contributions(t) = contributions(B) + collection_ratio × [P(t) × F(t) − P(B) × F(B)],
--                      F(t) = financing_per_head × financing(t) (the per-head standard)
--   operator(t)      = operator(B) + operator_ratio × [contributions(t) − contributions(B)]
--   other income / other expenditure(t) = their B figure + per participant × [P(t) − P(B)]
--   balance_end(t)   = opening_balance + Σ_{B ≤ y ≤ t} (income(y) − expenditure(y))
-- In year B every bracket is 0, so the year reproduces mart_fund_annual exactly; under `no_change`
-- (population held, every rate 0, benefit_level 1) so does every later year. benefit_level applies
-- from B + 1 on. Every product is rounded to 12 decimals, every money amount to the fen (half away
-- from zero); sums of DECIMALs are exact, so the result does not depend on the order of rows.
with recursive bases as (
    select * from int_projection_bases
),

inputs as (
    select * from int_projection_inputs
),

population as (
    select * from int_projection_population
),

scenarios as (
    select * from cfg_projection_scenario
),

horizon as (
    select horizon_years from cfg_projection
),

factors as (
    select
        bases.city,
        bases.scheme,
        bases.base_year,
        scenarios.scenario,
        bases.base_year as year,
        1::decimal(38, 12) as demand,
        1::decimal(38, 12) as cost,
        1::decimal(38, 12) as financing,
    from bases
    cross join scenarios
    union all
    select
        factors.city,
        factors.scheme,
        factors.base_year,
        factors.scenario,
        factors.year + 1 as year,
        ((factors.demand * (1 + scenarios.prevalence_shift))::decimal(38, 12) * (1 + scenarios.take_up_growth))::decimal(38, 12),
        (factors.cost * (1 + scenarios.unit_cost_growth))::decimal(38, 12),
        (factors.financing * (1 + scenarios.financing_growth))::decimal(38, 12),
    from factors
    inner join scenarios
        on scenarios.scenario = factors.scenario
    where factors.year < factors.base_year + (select horizon_years from horizon)
),

band_persons as (
    select
        city,
        scheme,
        base_year,
        scenario,
        year,
        age_from,
        sum(persons) as persons,
    from population
    group by all
),

band_rates as (
    select distinct
        city,
        scheme,
        base_year,
        age_from,
        benefit_rate,
        paid_per_benefit_month,
    from inputs
),

band_months as (
    select
        band_persons.city,
        band_persons.scheme,
        band_persons.base_year,
        band_persons.scenario,
        band_persons.year,
        band_persons.age_from,
        ((band_persons.persons * least((band_rates.benefit_rate * factors.demand)::decimal(38, 12), 1))::decimal(38, 12) * 12)::decimal(38, 12) as benefit_months,
        band_rates.paid_per_benefit_month,
    from band_persons
    inner join band_rates
        on band_rates.city = band_persons.city
        and band_rates.scheme = band_persons.scheme
        and band_rates.base_year = band_persons.base_year
        and band_rates.age_from = band_persons.age_from
    inner join factors
        on factors.city = band_persons.city
        and factors.scheme = band_persons.scheme
        and factors.base_year = band_persons.base_year
        and factors.scenario = band_persons.scenario
        and factors.year = band_persons.year
),

yearly as (
    select
        city,
        scheme,
        base_year,
        scenario,
        year,
        sum(benefit_months) as benefit_months,
        sum((benefit_months * paid_per_benefit_month)::decimal(38, 12)) as modelled_benefits,
    from band_months
    group by all
),

fund_persons as (
    select
        city,
        scheme,
        base_year,
        scenario,
        year,
        sum(persons) as participants,
    from population
    group by all
),

steps as (
    select
        yearly.city,
        yearly.scheme,
        yearly.base_year,
        yearly.scenario,
        yearly.year,
        fund_persons.participants,
        yearly.benefit_months,
        yearly.modelled_benefits,
        factors.demand,
        factors.cost,
        factors.financing,
        -- price of a benefit month relative to B: benefit_level applies from B + 1 on
        case
            when yearly.year = yearly.base_year then 1::decimal(38, 12)
            else (factors.cost * scenarios.benefit_level)::decimal(38, 12)
        end as price,
        -- the per-head standard of the year
        (bases.financing_per_head * factors.financing)::decimal(38, 12) as financing_per_head,
        first(yearly.benefit_months) over base_row as base_benefit_months,
        first(yearly.modelled_benefits) over base_row as base_modelled_benefits,
        first(fund_persons.participants) over base_row as base_participants,
    from yearly
    inner join fund_persons
        on fund_persons.city = yearly.city
        and fund_persons.scheme = yearly.scheme
        and fund_persons.base_year = yearly.base_year
        and fund_persons.scenario = yearly.scenario
        and fund_persons.year = yearly.year
    inner join factors
        on factors.city = yearly.city
        and factors.scheme = yearly.scheme
        and factors.base_year = yearly.base_year
        and factors.scenario = yearly.scenario
        and factors.year = yearly.year
    inner join scenarios
        on scenarios.scenario = yearly.scenario
    inner join bases
        on bases.city = yearly.city
        and bases.scheme = yearly.scheme
        and bases.base_year = yearly.base_year
    window base_row as (partition by yearly.city, yearly.scheme, yearly.base_year, yearly.scenario order by yearly.year)
),

amounts as (
    select
        steps.*,
        (bases.income_contributions + (bases.collection_ratio * (
            (steps.participants * steps.financing_per_head)::decimal(38, 12)
            - (steps.base_participants * bases.financing_per_head)::decimal(38, 12)
        ))::decimal(18, 2))::decimal(18, 2) as income_contributions,
        (bases.income_other + (bases.other_income_per_participant * (steps.participants - steps.base_participants))::decimal(18, 2))::decimal(18, 2) as income_other,
        (bases.expenditure_benefits + (
            (steps.modelled_benefits * steps.price)::decimal(38, 12) - steps.base_modelled_benefits
        )::decimal(18, 2))::decimal(18, 2) as expenditure_benefits,
        (bases.expenditure_assessment + (bases.assessment_per_benefit_month * (
            (steps.benefit_months * steps.cost)::decimal(38, 12) - steps.base_benefit_months
        ))::decimal(18, 2))::decimal(18, 2) as expenditure_assessment,
        (bases.expenditure_other + (bases.other_expenditure_per_participant * (steps.participants - steps.base_participants))::decimal(18, 2))::decimal(18, 2) as expenditure_other,
        bases.income_contributions as base_income_contributions,
        bases.expenditure_operator as base_expenditure_operator,
        bases.operator_ratio,
        bases.collection_ratio,
        bases.opening_balance,
        -- contributions(B) − collection_ratio × P(B) × F(B): the part of contributions no per-head standard moves
        (bases.income_contributions - (bases.collection_ratio * (steps.base_participants * bases.financing_per_head)::decimal(38, 12))::decimal(38, 12))::decimal(38, 12) as fixed_contributions,
    from steps
    inner join bases
        on bases.city = steps.city
        and bases.scheme = steps.scheme
        and bases.base_year = steps.base_year
),

with_operator as (
    select
        *,
        (base_expenditure_operator + (operator_ratio * (income_contributions - base_income_contributions))::decimal(18, 2))::decimal(18, 2) as expenditure_operator,
    from amounts
),

totalled as (
    select
        *,
        (income_contributions + income_other)::decimal(18, 2) as income_total,
        (expenditure_benefits + expenditure_assessment + expenditure_operator + expenditure_other)::decimal(18, 2) as expenditure_total,
    from with_operator
),

final as (
    select
        city,
        scheme,
        base_year,
        scenario,
        year,
        participants,
        benefit_months,
        demand,
        cost,
        financing,
        financing_per_head,
        income_contributions,
        income_other,
        income_total,
        expenditure_benefits,
        expenditure_assessment,
        expenditure_operator,
        expenditure_other,
        expenditure_total,
        (income_total - expenditure_total)::decimal(18, 2) as net,
        (opening_balance + sum(income_total - expenditure_total) over (
            partition by city, scheme, base_year, scenario order by year rows between unbounded preceding and current row
        ))::decimal(18, 2) as balance_end,
        -- break-even per-head standard F of the year (the operator's fee moving with contributions):
        -- (1 − r) × [fixed + c × P(t) × F] = benefits + assessment + other expenditure + operator(B)
        --   − r × contributions(B) − other income,   r = operator_ratio, c = collection_ratio
        div_round_2(
            expenditure_benefits + expenditure_assessment + expenditure_other + base_expenditure_operator
                - (operator_ratio * base_income_contributions)::decimal(38, 12)
                - income_other
                - ((1 - operator_ratio) * fixed_contributions)::decimal(38, 12),
            (((1 - operator_ratio) * collection_ratio)::decimal(38, 12) * participants)::decimal(38, 12)
        ) as break_even_per_head,
        collection_ratio,
        operator_ratio,
        fixed_contributions,
        base_income_contributions,
        base_expenditure_operator,
    from totalled
)

select * from final
