-- one row per settlement and rule, and only the eighteen rules of docs/audit-rules.md
with findings as (
    select * from mart_audit_findings
)

select
    settlement_id,
    rule,
    count(*) as n,
from findings
group by all
having count(*) > 1
    or rule not in (
        'not_enrolled', 'policy_missing', 'area_not_in_pilot', 'no_approved_assessment', 'disability_under_6_months',
        'service_not_covered', 'category_mismatch', 'duplicate', 'before_eligibility', 'assessment_expired',
        'waiting_period', 'non_designated', 'inpatient_overlap', 'work_injury_overlap', 'days_overlap',
        'hours_unsupported', 'cap_exceeded', 'price_mismatch'
    )
