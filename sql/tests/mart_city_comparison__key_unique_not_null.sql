-- invariant: mart_city_comparison has one row per (city, scheme, year), none of them null
select
    city,
    scheme,
    year,
    count(*) as rows,
from mart_city_comparison
group by all
having count(*) > 1
    or city is null or scheme is null or year is null
