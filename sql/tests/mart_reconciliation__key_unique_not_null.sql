-- invariant: mart_reconciliation has one row per (check_name), none of them null
select
    check_name,
    count(*) as rows,
from mart_reconciliation
group by all
having count(*) > 1
    or check_name is null
