-- docs/audit-rules.md: a settlement with no enrolment in its month, or no policy in force, has that one
-- finding alone; price rules never sit beside a rule that makes the whole settlement unpayable;
-- cap_exceeded and price_mismatch never together
with findings as (
    select * from mart_audit_findings
),

priced as (
    select * from int_settlement_priced
),

per_settlement as (
    select
        findings.settlement_id,
        list(findings.rule order by findings.rule) as rules,
        any_value(not priced.is_fully_checked) as is_path_1_or_2,
        count(*) filter (where findings.rule in ('price_mismatch', 'cap_exceeded')) as price_rules,
        count(*) filter (where findings.rule in (
            'area_not_in_pilot', 'no_approved_assessment', 'disability_under_6_months', 'service_not_covered', 'duplicate'
        )) as settlement_wide_rules,
        count(*) as all_rules,
    from findings
    inner join priced
        on priced.settlement_id = findings.settlement_id
    group by findings.settlement_id
)

select * from per_settlement
where (is_path_1_or_2 and all_rules > 1)
    or (price_rules > 0 and settlement_wide_rules > 0)
    or price_rules > 1
