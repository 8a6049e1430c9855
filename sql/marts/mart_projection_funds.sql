-- grain: one row per fund (city, scheme): its latest complete year, the base the projection starts
-- from (int_projection_bases): the year's actual flows, the opening balance, the per-head
-- standard and the fund-level ratios of the engine, and the horizon (cfg_projection).
with bases as (
    select * from int_projection_bases
    where is_latest
),

final as (
    select
        bases.city,
        bases.scheme,
        bases.base_year,
        (select horizon_years from cfg_projection) as horizon_years,
        bases.single_account,
        bases.opening_balance,
        bases.income_contributions,
        bases.income_other,
        bases.income_total,
        bases.expenditure_benefits,
        bases.expenditure_assessment,
        bases.expenditure_operator,
        bases.expenditure_other,
        bases.expenditure_total,
        bases.balance_end,
        bases.financing_per_head,
        bases.financing_from_catalog,
        bases.participants,
        bases.collection_ratio,
        bases.operator_ratio,
        bases.assessment_per_benefit_month,
        bases.other_income_per_participant,
        bases.other_expenditure_per_participant,
    from bases
)

select * from final
