-- invariant: stg_work_injury has one row per (record_id), none of them null
select
    record_id,
    count(*) as rows,
from stg_work_injury
group by all
having count(*) > 1
    or record_id is null
