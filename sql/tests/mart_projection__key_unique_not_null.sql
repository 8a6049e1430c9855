-- one row per fund, scenario and year; none of the key null
select city, scheme, scenario, year, count(*) as rows
from mart_projection
group by all
having count(*) > 1 or city is null or scheme is null or scenario is null or year is null
