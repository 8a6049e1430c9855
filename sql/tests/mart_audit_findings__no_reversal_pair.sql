-- a reversal and the settlement it reverses are never findings
with findings as (
    select * from mart_audit_findings
),

settlements as (
    select * from stg_settlement
),

reversal_pairs as (
    select settlement_id from settlements where is_reversal
    union
    select reversal_of from settlements where is_reversal
)

select findings.*
from findings
inner join reversal_pairs
    on reversal_pairs.settlement_id = findings.settlement_id
