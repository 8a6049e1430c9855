-- invariant: mart_institution has one row per (institution_code), none of them null
select
    institution_code,
    count(*) as rows,
from mart_institution
group by all
having count(*) > 1
    or institution_code is null
