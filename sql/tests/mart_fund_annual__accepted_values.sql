-- invariant: scheme, surplus_status and status_basis take only their documented values; status is null
-- only when months payable is null and the balance is not negative, or on `unassigned`
-- rows of a separate-account city (no fund of their own: status_basis = 'none')
select *
from mart_fund_annual
where scheme not in ('employee', 'resident', 'unassigned', 'all')
    or (surplus_status is not null and surplus_status not in (select status from cfg_surplus_band))
    or status_basis not in ('scheme', 'all', 'none')
    or (status_basis = 'none' and scheme <> 'unassigned')
    or (scheme = 'unassigned' and status_basis = 'scheme')
    or (status_basis = 'none' and surplus_status is not null)
    or (status_basis = 'scheme' and surplus_status is null and (status_months_payable is not null or balance_end < 0))
    or (scheme = 'all' and status_basis <> 'scheme')
