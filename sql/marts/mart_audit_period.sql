-- grain: one row per city ('*' = every city), period, breakdown ('total', 'rule', 'district',
-- 'institution') and key. period_kind 'all' (period '*': every month), 'year' ('2027') or 'month'
-- ('2027-03'): the month the settlement was paid (settled_month), so 基金监管 answers "what did we
-- find this month?" and the monthly report counts the same settlements. Each figure is a sum over
-- mart_audit_settlements (one row per flagged settlement): by rule, settlements counts every
-- settlement the rule is on and the money is counted under the primary rule only; the headline money
-- (overpaid_amt, underpaid_amt) is that of settlements priced by sourced policy values, the
-- assumed-price and policy-missing settlements are counted apart. settlements_checked (total rows):
-- the settlements of the period checked at all (no reversal, not reversed). rank: order within the
-- city, period and breakdown by overpaid_amt, then settlements (1 = most), for a page that shows the top.
-- mart_audit_summary is the 'all' slice of this mart.
with settlements as (
    select * from mart_audit_settlements
),

priced as (
    select * from int_settlement_priced
),

-- every settlement in its three periods
checked_periods as (
    select city, 'all' as period_kind, '*' as period from priced where not is_reversal and not is_reversed
    union all
    select city, 'year', strftime(settled_month, '%Y') from priced where not is_reversal and not is_reversed
    union all
    select city, 'month', strftime(settled_month, '%Y-%m') from priced where not is_reversal and not is_reversed
),

checked as (
    select
        coalesce(city, '*') as city,
        period_kind,
        period,
        count(*) as settlements_checked,
    from checked_periods
    group by grouping sets ((city, period_kind, period), (period_kind, period))
),

-- one row per settlement and rule it breaks (the primary rule carries the money)
settlement_rules as (
    select
        settlements.* exclude (rules),
        unnest(settlements.rules) as rule,
    from settlements
),

keyed as (
    select 'total' as breakdown, '*' as key, '' as label, true as carries_money, * exclude (rule) from settlement_rules where rule = primary_rule
    union all
    select 'rule', rule, rule, rule = primary_rule, * exclude (rule) from settlement_rules
    union all
    select 'district', admdvs, district_name, true, * exclude (rule) from settlement_rules where rule = primary_rule
    union all
    select 'institution', coalesce(institution_code, ''), coalesce(institution_name, '（居家亲情护理，无机构）'), true, * exclude (rule)
    from settlement_rules where rule = primary_rule
),

periods as (
    select 'all' as period_kind, '*' as period, * from keyed
    union all
    select 'year', strftime(settled_month, '%Y'), * from keyed
    union all
    select 'month', strftime(settled_month, '%Y-%m'), * from keyed
),

summed as (
    select
        coalesce(city, '*') as city,
        period_kind,
        period,
        breakdown,
        key,
        any_value(label) as label,
        count(*) as settlements,
        count(*) filter (where carries_money) as settlements_primary,
        count(*) filter (where counts_in_headline) as headline_settlements,
        coalesce(sum(overpaid_amt) filter (where carries_money and counts_in_headline), 0)::decimal(18, 2) as overpaid_amt,
        coalesce(sum(underpaid_amt) filter (where carries_money and counts_in_headline), 0)::decimal(18, 2) as underpaid_amt,
        count(*) filter (where price_basis = 'assumed') as assumed_settlements,
        coalesce(sum(overpaid_amt) filter (where carries_money and price_basis = 'assumed'), 0)::decimal(18, 2) as assumed_overpaid_amt,
        count(*) filter (where price_basis = 'missing') as missing_settlements,
        coalesce(sum(paid_amt) filter (where carries_money and price_basis = 'missing'), 0)::decimal(18, 2) as missing_paid_amt,
    from periods
    group by grouping sets ((city, period_kind, period, breakdown, key), (period_kind, period, breakdown, key))
),

with_checked as (
    select
        summed.*,
        case when summed.breakdown = 'total' then checked.settlements_checked end as settlements_checked,
    from summed
    left join checked
        on checked.city = summed.city
        and checked.period_kind = summed.period_kind
        and checked.period = summed.period
    union all
    -- a city and period whose settlements all passed still has a total row
    select checked.city, checked.period_kind, checked.period, 'total', '*', '', 0, 0, 0, 0, 0, 0, 0, 0, 0, checked.settlements_checked,
    from checked
    anti join summed
        on summed.city = checked.city
        and summed.period_kind = checked.period_kind
        and summed.period = checked.period
        and summed.breakdown = 'total'
),

final as (
    select
        city,
        period_kind,
        period,
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
        row_number() over (
            partition by city, period_kind, period, breakdown
            order by overpaid_amt desc, settlements desc, key
        ) as rank,
    from with_checked
)

select * from final
