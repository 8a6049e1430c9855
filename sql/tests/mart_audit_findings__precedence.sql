-- docs/audit-rules.md: not_enrolled stands alone; price rules never sit beside an eligibility rule or
-- duplicate; cap_exceeded and price_mismatch never together
with findings as (
    select * from mart_audit_findings
),

per_settlement as (
    select
        settlement_id,
        list(rule order by rule) as rules,
        bool_or(rule = 'not_enrolled') as has_not_enrolled,
        bool_or(rule in ('price_mismatch', 'cap_exceeded')) as has_price_rule,
        count(*) filter (where rule in ('price_mismatch', 'cap_exceeded')) as price_rules,
        count(*) filter (where rule not in ('price_mismatch', 'cap_exceeded', 'hours_unsupported')) as eligibility_rules,
        count(*) as all_rules,
    from findings
    group by settlement_id
)

select * from per_settlement
where (has_not_enrolled and all_rules > 1)
    or (has_price_rule and eligibility_rules > 0)
    or price_rules > 1
