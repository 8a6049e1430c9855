-- every finding says what is wrong, and cites a clause or an assumption when its city has a policy
with findings as (
    select * from mart_audit_findings
),

policy_cities as (
    select distinct city from policy_scheme
)

select findings.*
from findings
left join policy_cities
    on policy_cities.city = findings.city
where coalesce(findings.detail, '') = ''
    or (
        policy_cities.city is not null
        and findings.detail not like '%依据：%'
    )
