-- invariant: stg_assessment has one row per (assessment_id), none of them null
select
    assessment_id,
    count(*) as rows,
from stg_assessment
group by all
having count(*) > 1
    or assessment_id is null
