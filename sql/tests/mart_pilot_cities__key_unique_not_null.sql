-- invariant: mart_pilot_cities has one row per (city_name, province), none of them null
select
    city_name,
    province,
    count(*) as rows,
from mart_pilot_cities
group by all
having count(*) > 1
    or city_name is null or province is null
