-- invariant: mart_public_fund_persons has one row per (city, scheme, period_kind, period_start), none null
select
    city,
    scheme,
    period_kind,
    period_start,
    count(*) as rows,
from mart_public_fund_persons
group by all
having count(*) > 1
    or city is null or scheme is null or period_kind is null or period_start is null
