-- invariant: mart_pilot_cities has one row per pilot_key, never null, and every national pilot is listed once
select
    pilot_key,
    count(*) as rows,
from mart_pilot_cities
group by all
having count(*) > 1
    or pilot_key is null
union all
select
    'national pilots listed: ' || (select count(*) from mart_pilot_cities where national_pilot)
        || ' of ' || (select count(*) from national_pilot_city) as pilot_key,
    null as rows,
where (select count(*) from mart_pilot_cities where national_pilot) <> (select count(*) from national_pilot_city)
