-- invariant: int_settlements_schemed has one row per (settlement_id), none of them null
select
    settlement_id,
    count(*) as rows,
from int_settlements_schemed
group by all
having count(*) > 1
    or settlement_id is null
