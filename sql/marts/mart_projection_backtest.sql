-- grain: one row per fund (city, scheme), kind, origin, scenario and year: a projection set beside
-- what happened. kind `backtest`: projected from an earlier complete base year of this warehouse
-- (origin = that base year, int_projection_years) to each later complete year; kind `recorded`: a
-- projection an earlier build kept (projection_history, origin = its base year, as_of = the data's
-- as-of date then) whose year is now complete. Actual figures: mart_fund_annual (12 months only).
-- *_error_pct = (projected − actual) / |actual|, 4 decimals (0.0523 = 5.23 % too high); null
-- when the actual is 0.
with years as (
    select * from int_projection_years
),

funds as (
    select * from int_projection_funds
),

history as (
    select * from projection_history
),

annual as (
    select * from mart_fund_annual
    where months_covered = 12
),

backtests as (
    select
        years.city,
        years.scheme,
        'backtest' as kind,
        years.base_year,
        null::date as as_of,
        years.scenario,
        years.year,
        years.income_total,
        years.expenditure_total,
        years.balance_end,
    from years
    inner join funds
        on funds.city = years.city
        and funds.scheme = years.scheme
        and funds.base_year = years.base_year
    where not funds.is_latest
        and years.year > years.base_year
),

recorded as (
    select
        city,
        scheme,
        'recorded' as kind,
        base_year,
        as_of,
        scenario,
        year,
        income_total,
        expenditure_total,
        balance_end,
    from history
),

compared as (
    select
        projected.*,
        projected.year - projected.base_year as years_ahead,
        annual.income_total as actual_income_total,
        annual.expenditure_total as actual_expenditure_total,
        annual.balance_end as actual_balance_end,
    from (select * from backtests union all select * from recorded) as projected
    inner join annual
        on annual.city = projected.city
        and annual.scheme = projected.scheme
        and annual.year = projected.year
),

final as (
    select
        city,
        scheme,
        kind,
        base_year,
        as_of,
        scenario,
        year,
        years_ahead,
        income_total as projected_income_total,
        actual_income_total,
        round((income_total - actual_income_total) / nullif(abs(actual_income_total), 0), 4)::decimal(10, 4) as income_error_pct,
        expenditure_total as projected_expenditure_total,
        actual_expenditure_total,
        round((expenditure_total - actual_expenditure_total) / nullif(abs(actual_expenditure_total), 0), 4)::decimal(10, 4) as expenditure_error_pct,
        balance_end as projected_balance_end,
        actual_balance_end,
        round((balance_end - actual_balance_end) / nullif(abs(actual_balance_end), 0), 4)::decimal(10, 4) as balance_error_pct,
    from compared
)

select * from final
