-- grain: one row — the period the warehouse's data covers: from the first to the last day with any
-- fund flow (contributions by paid date, ledger entries, settlements, assessment fees). Years after
-- last_year are not reported even where coverage reaches into them (a contribution paid in advance
-- for next year, an open-ended coverage_end such as 2099-12-31).
with flows as (
    select * from int_fund_flows_dated
),

final as (
    select
        min(flow_date) as first_date,
        max(flow_date) as last_date,
        year(min(flow_date)) as first_year,
        year(max(flow_date)) as last_year,
    from flows
)

select * from final
