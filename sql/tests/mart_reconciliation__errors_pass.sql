-- invariant: every reconciliation check of severity 'error' passes (mart totals = raw totals to the fen)
select *
from mart_reconciliation
where severity = 'error'
    and not passed
