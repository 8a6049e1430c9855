-- invariant: settlements of no scheme are no fund: no `unassigned` row, and their money (unassigned_*)
-- only on the city's `all` rows
select city, scheme, month, unassigned_settlements, unassigned_fund_amt
from mart_fund_monthly
where scheme not in ('employee', 'resident', 'all')
    or (scheme <> 'all' and (unassigned_settlements <> 0 or unassigned_fund_amt <> 0))
