-- invariant: mart_data_period has one row per city, and exactly one 'all' row when it has any
select
    city,
    count(*) as rows,
from mart_data_period
group by all
having count(*) > 1
    or city is null
union all
select
    'all' as city,
    count(*) filter (where city = 'all') as rows,
from mart_data_period
having count(*) > 0
    and count(*) filter (where city = 'all') <> 1
