-- status_basis(single_account, scheme, schemes): whose surplus status a fund row carries, given
-- whether the city keeps its schemes in one account and how many schemes it has in the period.
--   'own'      a fund, judged on its own figures: a scheme of a city with separate accounts, or the
--              `all` row of a city keeping both schemes in one account (连云港: the account)
--   'account'  a scheme row of a single-account city: the account's status (an accounting split)
--   'scheme'   the `all` row of a separate-account city with one scheme: that scheme's status (one
--              fund, counted once)
--   'none'     the `all` row of a city with two separately accounted schemes: a sum of two funds,
--              not judged (each scheme is)
-- A row with basis 'own' is a fund: the one definition of "funds judged" (is_fund).
create or replace macro status_basis(single_account, scheme, schemes) as
    case
        when single_account and scheme = 'all' then 'own'
        when single_account then 'account'
        when scheme <> 'all' then 'own'
        when schemes = 1 then 'scheme'
        else 'none'
    end;

-- judged(basis, own, account, only_scheme): the value (status or note) the basis names: the row's
-- own, its account's (`all` row), or its city's only scheme's; null for 'none'.
create or replace macro judged(basis, own, account, only_scheme) as
    case basis
        when 'own' then own
        when 'account' then account
        when 'scheme' then only_scheme
    end;
