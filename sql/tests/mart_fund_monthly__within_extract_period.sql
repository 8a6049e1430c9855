-- invariant: every month of mart_fund_monthly lies within the extract period — not before the
-- earliest date the contract accepts for a dated fund flow, not after the last load's date plus
-- the contract's margin (contract_dates). A flow dated 0027 or 9999 would stretch the months over
-- centuries while every sum still reconciles.
with bounds as (
    select
        min(earliest) as earliest,
        max(years_after_load) as years_after_load,
    from contract_dates
    where column_name in ('paid_date', 'coverage_start', 'conclusion_date', 'settled_date', 'entry_date')
),

loads as (
    select max(loaded_at)::date as last_load from load_report
),

months as (
    select city, scheme, month from mart_fund_monthly
),

final as (
    select
        months.city,
        months.scheme,
        months.month,
        bounds.earliest,
        loads.last_load,
    from months, bounds, loads
    where months.month < date_trunc('month', bounds.earliest)
        or months.month > loads.last_load + to_years(bounds.years_after_load)
)

select * from final
