-- invariant: mart_public_institution lists each institution once, designated on the as-of date
select
    institution_code,
    count(*) as rows,
from mart_public_institution
group by all
having count(*) > 1
    or institution_code is null
    or min(designated_from) > min(as_of_date)
    or max(coalesce(designated_to, date '9999-12-31')) < min(as_of_date)
