-- invariant: mart_service_type has one row per (city, scheme, year, service_type), none of them null
select
    city,
    scheme,
    year,
    service_type,
    count(*) as rows,
from mart_service_type
group by all
having count(*) > 1
    or city is null or scheme is null or year is null or service_type is null
