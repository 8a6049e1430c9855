-- invariant: stg_visit has one row per (visit_id), none of them null
select
    visit_id,
    count(*) as rows,
from stg_visit
group by all
having count(*) > 1
    or visit_id is null
