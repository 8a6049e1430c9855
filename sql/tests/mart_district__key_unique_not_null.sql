-- invariant: mart_district has one row per (city, admdvs, scheme, year), none of them null
select
    city,
    admdvs,
    scheme,
    year,
    count(*) as rows,
from mart_district
group by all
having count(*) > 1
    or city is null or admdvs is null or scheme is null or year is null
