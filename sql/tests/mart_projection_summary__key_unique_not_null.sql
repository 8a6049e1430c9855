-- one row per fund and scenario; every fund of mart_projection has one per scenario
select city, scheme, scenario, count(*) as rows
from mart_projection_summary
group by all
having count(*) > 1 or city is null or scheme is null or scenario is null
union all
select distinct projection.city, projection.scheme, projection.scenario, 0 as rows
from mart_projection as projection
anti join mart_projection_summary as summary
    on summary.city = projection.city
    and summary.scheme = projection.scheme
    and summary.scenario = projection.scenario
