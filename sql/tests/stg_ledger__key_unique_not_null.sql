-- invariant: stg_ledger has one row per (entry_id), none of them null
select
    entry_id,
    count(*) as rows,
from stg_ledger
group by all
having count(*) > 1
    or entry_id is null
