-- invariant: scheme, surplus_status, status_note and status_basis take only their documented values;
-- a row has a status exactly when it has no note (the reason it has none); months payable is never
-- negative; a city has one fund per account: the account in a single-account city, else each scheme
with annual as (
    select * from mart_fund_annual
),

bad_rows as (
    select city, scheme, year, surplus_status, status_note, status_basis, months_payable, 'values' as problem,
    from annual
    where scheme not in ('employee', 'resident', 'all')
        or surplus_status not in (select status from cfg_surplus_band)
        or status_note not in ('opening_balance_missing', 'no_expenditure', 'few_expenditure_months', 'separate_accounts')
        or status_basis not in ('own', 'account', 'scheme', 'none')
        or (surplus_status is null) = (status_note is null)
        or (status_basis = 'none') <> (status_note = 'separate_accounts')
        or months_payable < 0
        or status_months_payable < 0
        or (balance_end < 0 and months_payable is not null)
        or (not balance_known and (balance_end is not null or months_payable is not null))
        or is_fund <> (status_basis = 'own')
),

funds as (
    select
        city,
        year,
        count(*) filter (where is_fund) as funds,
        count(*) filter (where scheme <> 'all') as schemes,
        bool_or(single_account) as single_account,
    from annual
    group by all
)

select * from bad_rows
union all
select city, null, year, null, null, null, null, 'funds: ' || funds || ' for ' || schemes || ' schemes',
from funds
where funds <> case when single_account then 1 else schemes end
