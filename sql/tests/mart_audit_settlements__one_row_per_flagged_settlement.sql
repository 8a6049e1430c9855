-- one row per settlement with a finding, none without; the excess is one-sided and never negative
with settlements as (
    select * from mart_audit_settlements
),

findings as (
    select distinct settlement_id from mart_audit_findings
),

counted as (
    select
        coalesce(settlements.settlement_id, findings.settlement_id) as settlement_id,
        count(settlements.settlement_id) as rows,
        bool_or(findings.settlement_id is null) as without_finding,
    from settlements
    full join findings
        on findings.settlement_id = settlements.settlement_id
    group by all
)

select counted.*, null as overpaid_amt, null as underpaid_amt
from counted
where rows <> 1 or without_finding
union all
select settlement_id, 1, false, overpaid_amt, underpaid_amt
from settlements
where overpaid_amt < 0
    or underpaid_amt < 0
    or (overpaid_amt > 0 and underpaid_amt > 0)
    or overpaid_amt <> greatest(coalesce(paid_amt - expected_amt, 0), 0)
