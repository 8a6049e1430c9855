-- grain: one row per fund (city, scheme) and scenario: the answers of the projection from the fund's
-- latest complete year (mart_projection), with the scenario's parameters (cfg_projection_scenario).
-- depletion_year: the first year, base year included, whose balance_end is below 0 (null: none in
-- the horizon; the base year itself: the fund is overdrawn already).
-- first_deficit_year: the first projected year whose income is below its expenditure.
-- break_even_first_year / _last_year: break_even_per_head of base_year + 1 and of the horizon's end.
-- healthy_financing_low / _high: the per-head standard F, held from base_year + 1 to the horizon's
-- end, at which months payable at the horizon's end equals the healthy band's lower / upper edge
-- (cfg_projection.healthy_status in cfg_surplus_band; e.g. 6 and 9 months). With the balance and
-- expenditure linear in F (int_projection_years),
--   balance(H; F) = A + S × F, expenditure(H; F) = E0 + E1 × F, 12 × balance = m × expenditure
--   ⇒ F = (m × E0 − 12 × A) / (12 × S − m × E1), solved exactly, rounded to the fen,
-- where, with r = operator_ratio, c = collection_ratio, K = fixed_contributions, and En(t) =
-- benefits + assessment + other expenditure of year t:
--   A  = balance_end(B) + Σ_{t > B} [(1 − r) × K − operator(B) + r × contributions(B) + other income(t) − En(t)]
--   S  = Σ_{t > B} (1 − r) × c × P(t)
--   E0 = En(H) + operator(B) + r × K − r × contributions(B),   E1 = r × c × P(H)
with years as (
    select * from int_projection_years
),

bases as (
    select * from int_projection_funds
    where is_latest
),

projection as (
    select
        *,
        max(year) over (partition by city, scheme, scenario) as horizon_end,
    from mart_projection
),

scenarios as (
    select * from cfg_projection_scenario
),

healthy as (
    select
        bands.min_value as healthy_min_months,
        bands.max_value as healthy_max_months,
    from cfg_surplus_band as bands
    inner join cfg_projection
        on cfg_projection.healthy_status = bands.status
),

latest_years as (
    select
        years.*,
        max(years.year) over (partition by years.city, years.scheme, years.scenario) as horizon_end,
        (years.expenditure_benefits + years.expenditure_assessment + years.expenditure_other)::decimal(18, 2) as non_operator_expenditure,
    from years
    inner join bases
        on bases.city = years.city
        and bases.scheme = years.scheme
        and bases.base_year = years.base_year
),

linear as (
    select
        city,
        scheme,
        scenario,
        horizon_end,
        any_value(balance_end) filter (where year = base_year) as base_balance_end,
        sum(
            ((1 - operator_ratio) * fixed_contributions)::decimal(38, 12)
            - base_expenditure_operator
            + (operator_ratio * base_income_contributions)::decimal(38, 12)
            + income_other
            - non_operator_expenditure
        ) filter (where year > base_year) as a_sum,
        sum((((1 - operator_ratio) * collection_ratio)::decimal(38, 12) * participants)::decimal(38, 12)) filter (where year > base_year) as s,
        any_value(
            non_operator_expenditure + base_expenditure_operator
            + (operator_ratio * fixed_contributions)::decimal(38, 12)
            - (operator_ratio * base_income_contributions)::decimal(38, 12)
        ) filter (where year = horizon_end) as e0,
        any_value(((operator_ratio * collection_ratio)::decimal(38, 12) * participants)::decimal(38, 12)) filter (where year = horizon_end) as e1,
    from latest_years
    group by all
),

answers as (
    select
        city,
        scheme,
        scenario,
        min(year) filter (where balance_end < 0) as depletion_year,
        min(year) filter (where year > base_year and current_deficit) as first_deficit_year,
        any_value(break_even_per_head) filter (where year = base_year + 1) as break_even_first_year,
        any_value(break_even_per_head) filter (where year = horizon_end) as break_even_last_year,
        any_value(balance_end) filter (where year = horizon_end) as horizon_balance_end,
        any_value(months_payable) filter (where year = horizon_end) as horizon_months_payable,
        any_value(surplus_status) filter (where year = horizon_end) as horizon_surplus_status,
        any_value(financing_per_head) filter (where year = base_year) as financing_per_head,
        any_value(months_payable) filter (where year = base_year) as base_months_payable,
        any_value(surplus_status) filter (where year = base_year) as base_surplus_status,
    from projection
    group by all
),

final as (
    select
        answers.city,
        answers.scheme,
        answers.scenario,
        scenarios.label_zh as scenario_label,
        scenarios.sort_order as scenario_order,
        bases.base_year,
        linear.horizon_end,
        scenarios.population,
        scenarios.prevalence_shift,
        scenarios.take_up_growth,
        scenarios.unit_cost_growth,
        scenarios.financing_growth,
        scenarios.benefit_level,
        answers.financing_per_head,
        answers.base_months_payable,
        answers.base_surplus_status,
        answers.depletion_year,
        answers.first_deficit_year,
        answers.break_even_first_year,
        answers.break_even_last_year,
        answers.horizon_balance_end,
        answers.horizon_months_payable,
        answers.horizon_surplus_status,
        healthy.healthy_min_months,
        healthy.healthy_max_months,
        div_round_2(
            (healthy.healthy_min_months * linear.e0)::decimal(38, 12) - 12 * (linear.base_balance_end + linear.a_sum),
            12 * linear.s - (healthy.healthy_min_months * linear.e1)::decimal(38, 12)
        ) as healthy_financing_low,
        div_round_2(
            (healthy.healthy_max_months * linear.e0)::decimal(38, 12) - 12 * (linear.base_balance_end + linear.a_sum),
            12 * linear.s - (healthy.healthy_max_months * linear.e1)::decimal(38, 12)
        ) as healthy_financing_high,
    from answers
    inner join bases
        on bases.city = answers.city
        and bases.scheme = answers.scheme
    inner join linear
        on linear.city = answers.city
        and linear.scheme = answers.scheme
        and linear.scenario = answers.scenario
    inner join scenarios
        on scenarios.scenario = answers.scenario
    cross join healthy
)

select * from final
