-- one row per city, fund scheme and year; none of the key null
select city, scheme, year, count(*) as rows
from mart_city_standardised
group by all
having count(*) > 1 or city is null or scheme is null or year is null
