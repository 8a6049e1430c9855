-- grain: one row per fund and base year: the fund-level inputs of the projection engine, each a
-- base-year ratio (DOUBLE division, rounded here to 12 decimals and used as stored).
-- collection_ratio: contributions received per yuan of the per-head standard per participant
--   = income_contributions / (participants × financing_per_head); below 1 where some participants
--   pay nothing (minors) or pay in another year (cash basis).
-- operator_ratio: the operator's fee per yuan of contributions (济宁: about 2 % of financing).
-- assessment_per_benefit_month: assessment fees per beneficiary-month (persons of known age band).
-- other_income_per_participant, other_expenditure_per_participant: interest, lottery funds,
--   donations and other ledger entries, held per participant.
with funds as (
    select * from int_projection_funds
),

inputs as (
    select * from int_projection_inputs
),

totals as (
    select
        city,
        scheme,
        base_year,
        sum(participants) as participants,
        -- the engine's own base-year beneficiary-months: Σ participants × 12 × benefit_rate
        sum(participants * 12 * benefit_rate) as benefit_months,
    from inputs
    group by all
),

final as (
    select
        funds.*,
        totals.participants::decimal(38, 12) as participants,
        coalesce(funds.income_contributions / nullif(totals.participants * funds.financing_per_head, 0), 0)::decimal(38, 12) as collection_ratio,
        coalesce(funds.expenditure_operator / nullif(funds.income_contributions, 0), 0)::decimal(38, 12) as operator_ratio,
        coalesce(funds.expenditure_assessment / nullif(totals.benefit_months, 0), 0)::decimal(38, 12) as assessment_per_benefit_month,
        coalesce(funds.income_other / nullif(totals.participants, 0), 0)::decimal(38, 12) as other_income_per_participant,
        coalesce(funds.expenditure_other / nullif(totals.participants, 0), 0)::decimal(38, 12) as other_expenditure_per_participant,
    from funds
    inner join totals
        on totals.city = funds.city
        and totals.scheme = funds.scheme
        and totals.base_year = funds.base_year
)

select * from final
