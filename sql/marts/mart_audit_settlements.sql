-- grain: one row per flagged settlement (one with at least one row in mart_audit_findings): where and
-- when it was paid, what the fund paid and what the policy pays (expected_amt), the excess either way,
-- the rules it breaks (primary_rule: the first in the rules' order, docs/audit-rules.md) and the basis
-- of the expected amount. price_basis: 'policy' (the headline), 'assumed' (the expected amount rests on
-- an assumed catalog price: shown apart), 'missing' (no policy in the catalog: nothing to price).
-- Every 疑点 headline sums this mart once: a settlement with several rules is one row.
with findings as (
    select * from mart_audit_findings
),

priced as (
    select * from int_settlement_priced
),

institutions as (
    select * from stg_institution
),

areas as (
    select * from int_areas_named
),

sources as (
    select * from policy_source
),

flagged as (
    select
        settlement_id,
        list(rule order by rule_order) as rules,
        list(detail order by rule_order) as details,
        -- detail's two halves, rule by rule: what is wrong, and the clause (or assumption) it rests on
        list(message order by rule_order) as messages,
        list(basis order by rule_order) as bases,
        arg_min(rule, rule_order) as primary_rule,
    from findings
    group by settlement_id
),

-- The expected amount rests on an assumed value when it prices some payable quantity with an assumed
-- method, rate, ratio, cap or hours per visit of the service it is paid as, or pays it as another
-- service by an assumed category rule.
assumed_prices as (
    select distinct priced.settlement_id,
    from priced
    inner join flagged
        on flagged.settlement_id = priced.settlement_id
    inner join sources
        on sources.policy_id = priced.policy_id
        and sources.assumed
        and (
            sources.param in (
                priced.priced_as_param || '.method',
                priced.priced_as_param || '.rate',
                priced.priced_as_param || '.ratio',
                priced.priced_as_param || '.monthly_cap',
                priced.priced_as_param || '.hours_per_visit'
            )
            or (
                priced.priced_as is distinct from priced.service_type
                and sources.param = 'institution_category.' || priced.institution_category || '.' || priced.priced_as
            )
        )
    where priced.expected_fund_amt > 0
),

joined as (
    select
        priced.settlement_id,
        priced.city,
        priced.scheme,
        priced.person_no,
        priced.admdvs,
        coalesce(areas.area_name, priced.admdvs) as district_name,
        priced.institution_code,
        coalesce(institutions.institution_name, priced.institution_code) as institution_name,
        priced.institution_category,
        priced.service_type,
        priced.service_month,
        priced.settled_date,
        priced.settled_month,
        priced.fund_amt as paid_amt,
        priced.expected_fund_amt as expected_amt,
        flagged.rules,
        flagged.primary_rule,
        flagged.details,
        flagged.messages,
        flagged.bases,
        assumed_prices.settlement_id is not null as expected_assumed,
    from flagged
    inner join priced
        on priced.settlement_id = flagged.settlement_id
    left join institutions
        on institutions.institution_code = priced.institution_code
    left join areas
        on areas.admdvs = priced.admdvs
    left join assumed_prices
        on assumed_prices.settlement_id = flagged.settlement_id
),

final as (
    select
        *,
        greatest(coalesce(paid_amt - expected_amt, 0), 0)::decimal(18, 2) as overpaid_amt,
        greatest(coalesce(expected_amt - paid_amt, 0), 0)::decimal(18, 2) as underpaid_amt,
        case
            when expected_amt is null then 'missing'
            when expected_assumed then 'assumed'
            else 'policy'
        end as price_basis,
        expected_amt is not null and not expected_assumed as counts_in_headline,
    from joined
)

select * from final
