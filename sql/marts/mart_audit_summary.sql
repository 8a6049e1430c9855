-- grain: one row per city ('*' = every city) and breakdown ('total', 'rule', 'district', 'institution')
-- and key: the audit page's figures, each a sum over mart_audit_settlements (one row per flagged
-- settlement), so they add up to the headline. By rule, settlements counts every settlement the rule
-- is on; the money is counted under its primary rule only. The headline money (overpaid_amt,
-- underpaid_amt) is that of settlements priced by sourced policy values; the assumed-price and
-- policy-missing settlements are counted apart.
with settlements as (
    select * from mart_audit_settlements
),

priced as (
    select * from int_settlement_priced
),

checked as (
    select
        coalesce(city, '*') as city,
        count(*) as settlements_checked,
    from priced
    where not is_reversal
        and not is_reversed
    group by rollup (city)
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

summed as (
    select
        coalesce(city, '*') as city,
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
    from keyed
    group by grouping sets ((city, breakdown, key), (breakdown, key))
),

final as (
    select
        summed.*,
        case when summed.breakdown = 'total' then checked.settlements_checked end as settlements_checked,
    from summed
    left join checked
        on checked.city = summed.city
    union all
    -- a city whose settlements all passed still has a total row
    select checked.city, 'total', '*', '', 0, 0, 0, 0, 0, 0, 0, 0, 0, checked.settlements_checked,
    from checked
    anti join summed
        on summed.city = checked.city
        and summed.breakdown = 'total'
)

select * from final
