-- one row per settlement and rule, and only the thirteen rule names of the contract
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
        'not_enrolled', 'no_approved_assessment', 'disability_under_6_months', 'before_eligibility',
        'assessment_expired', 'waiting_period', 'non_designated', 'service_not_covered',
        'area_not_in_pilot', 'price_mismatch', 'cap_exceeded', 'hours_unsupported', 'duplicate'
    )
