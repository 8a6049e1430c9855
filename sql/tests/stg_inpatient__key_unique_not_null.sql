-- invariant: stg_inpatient has one row per (stay_id), none of them null
select
    stay_id,
    count(*) as rows,
from stg_inpatient
group by all
having count(*) > 1
    or stay_id is null
