-- grain: one row per fund (city, scheme), scenario and year, from the fund's latest complete year
-- (base_year, the actual figures) to base_year + horizon (cfg_projection): the projected income,
-- expenditure, balance, months payable and status (int_projection_years: how each is computed).
-- months_payable = balance_end × 12 / expenditure_total, exactly rounded to 2 decimals
-- (div_round_2); null when the balance is negative (the status says overdrawn) or nothing is spent.
-- surplus_status: the bands of cfg_surplus_band (surplus_status macro), as mart_fund_annual.
-- current_deficit: the year's income below its expenditure (当年收不抵支), whatever the balance.
-- break_even_per_head: the per-head standard (元/人·年) at which the year's income would equal its
-- expenditure, the operator's fee moving with contributions (int_projection_years).
with years as (
    select * from int_projection_years
),

bases as (
    select * from int_projection_funds
    where is_latest
),

scenarios as (
    select * from cfg_projection_scenario
),

final as (
    select
        years.city,
        years.scheme,
        years.scenario,
        scenarios.label_zh as scenario_label,
        scenarios.sort_order as scenario_order,
        years.base_year,
        years.year,
        years.year = years.base_year as is_base_year,
        round(years.participants, 1)::decimal(18, 1) as participants,
        round(years.benefit_months, 1)::decimal(18, 1) as benefit_months,
        round(years.financing_per_head, 2)::decimal(18, 2) as financing_per_head,
        years.income_contributions,
        years.income_other,
        years.income_total,
        years.expenditure_benefits,
        years.expenditure_assessment,
        years.expenditure_operator,
        years.expenditure_other,
        years.expenditure_total,
        years.net,
        years.balance_end,
        case
            when years.balance_end >= 0 and years.expenditure_total > 0
                then div_round_2(years.balance_end * 12, years.expenditure_total)
        end as months_payable,
        surplus_status(years.balance_end, years.expenditure_total, 12) as surplus_status,
        years.income_total < years.expenditure_total as current_deficit,
        years.break_even_per_head,
    from years
    inner join bases
        on bases.city = years.city
        and bases.scheme = years.scheme
        and bases.base_year = years.base_year
    inner join scenarios
        on scenarios.scenario = years.scenario
)

select * from final
