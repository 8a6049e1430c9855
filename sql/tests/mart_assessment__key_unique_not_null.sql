-- invariant: mart_assessment has one row per (city, scheme, month), none of them null
select
    city,
    scheme,
    month,
    count(*) as rows,
from mart_assessment
group by all
having count(*) > 1
    or city is null or scheme is null or month is null
