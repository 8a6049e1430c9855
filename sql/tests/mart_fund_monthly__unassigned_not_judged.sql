-- invariant: in a separate-account city, `unassigned` rows (flows of persons with no enrolment
-- covering the month) are no fund of their own and carry no surplus status
select *
from mart_fund_monthly
where scheme = 'unassigned'
    and not single_account
    and (status_basis <> 'none' or surplus_status_12m is not null)
