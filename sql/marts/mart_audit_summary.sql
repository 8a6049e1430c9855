-- grain: one row per city ('*' = every city) and breakdown ('total', 'rule', 'district', 'institution')
-- and key: the audit's figures over every month, each a sum over mart_audit_settlements (one row per
-- flagged settlement), so they add up to the headline. By rule, settlements counts every settlement
-- the rule is on; the money is counted under its primary rule only. The headline money
-- (overpaid_amt, underpaid_amt) is that of settlements priced by sourced policy values; the
-- assumed-price and policy-missing settlements are counted apart. The 'all' period of
-- mart_audit_period, where the sums are made (one home for each figure, by month, year or all).
with periods as (
    select * from mart_audit_period
),

final as (
    select
        city,
        breakdown,
        key,
        label,
        settlements,
        settlements_primary,
        headline_settlements,
        overpaid_amt,
        underpaid_amt,
        assumed_settlements,
        assumed_overpaid_amt,
        missing_settlements,
        missing_paid_amt,
        settlements_checked,
    from periods
    where period_kind = 'all'
)

select * from final
