-- status_basis(single_account, scheme): whose surplus status a fund row carries.
--   'all'    a scheme row of a city keeping one account for both schemes: judged on the `all` row
--   'none'   `unassigned` flows (persons with no enrolment covering the month) of a city with
--            separate accounts: no fund of their own, not judged
--   'scheme' otherwise: judged on its own figures
-- judged_status(basis, own, all_rows_own) picks the status that basis names.
create or replace macro status_basis(single_account, scheme) as
    case
        when single_account and scheme <> 'all' then 'all'
        when scheme = 'unassigned' then 'none'
        else 'scheme'
    end;

create or replace macro judged_status(basis, own, all_rows_own) as
    case basis
        when 'all' then all_rows_own
        when 'none' then null
        else own
    end;
