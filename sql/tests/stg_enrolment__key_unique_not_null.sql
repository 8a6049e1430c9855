-- invariant: stg_enrolment has one row per (person_no, scheme, year), none of them null
select
    person_no,
    scheme,
    year,
    count(*) as rows,
from stg_enrolment
group by all
having count(*) > 1
    or person_no is null or scheme is null or year is null
