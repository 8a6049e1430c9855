-- invariant: stg_settlement has one row per (settlement_id), none of them null
select
    settlement_id,
    count(*) as rows,
from stg_settlement
group by all
having count(*) > 1
    or settlement_id is null
