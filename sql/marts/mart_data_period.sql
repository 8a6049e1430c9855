-- grain: one row per city with fund flows, and one row with city = 'all' for the warehouse
-- The data's as-of date is the latest settlement or ledger entry date in the warehouse. Months
-- after it (a stray flow in an extract) are counted, never offered: last_month is the latest month
-- at or before it. A city's latest complete month is the latest such month with both income and
-- benefit expenditure (mart_fund_monthly, scheme 'all'); the dashboards open on it (default_month).
-- default_city: the city whose default month is latest, ties to the smallest city code.
-- last_flow_month: the city's last month with any fund flow (the report's latest month).
-- last_settled_date: the city's latest settlement date (the report's 数据截至).
with fund_monthly as (
    select * from mart_fund_monthly
    where scheme = 'all'
),

settlements as (
    select * from stg_settlement
),

ledger as (
    select * from stg_ledger
),

as_of as (
    select max(latest_date) as as_of_date
    from (
        select max(settled_date) as latest_date from settlements
        union all
        select max(entry_date) as latest_date from ledger
    )
),

-- Months are bounded by the as-of date, or by the last month when there is none.
bound as (
    select coalesce(as_of.as_of_date, (select max(month) from fund_monthly)) as bound_date,
    from as_of
),

settled as (
    select
        city,
        max(settled_date) as last_settled_date,
    from settlements
    group by city
),

per_city as (
    select
        fund_monthly.city,
        min(fund_monthly.month) as first_month,
        max(fund_monthly.month) filter (where fund_monthly.month <= bound.bound_date) as last_month,
        max(fund_monthly.month) as last_flow_month,
        max(fund_monthly.month) filter (
            where fund_monthly.month <= bound.bound_date
                and fund_monthly.income_total > 0
                and fund_monthly.expenditure_benefits > 0
        ) as latest_complete_month,
        coalesce(sum(fund_monthly.flows) filter (where fund_monthly.month > bound.bound_date), 0)::integer as flows_after_as_of,
        count(*) filter (where fund_monthly.month > bound.bound_date)::integer as months_after_as_of,
    from fund_monthly
    cross join bound
    group by fund_monthly.city
),

cities as (
    select
        per_city.city,
        per_city.first_month,
        per_city.last_month,
        per_city.last_flow_month,
        per_city.latest_complete_month,
        coalesce(per_city.latest_complete_month, per_city.last_month) as default_month,
        per_city.flows_after_as_of,
        per_city.months_after_as_of,
        settled.last_settled_date,
    from per_city
    left join settled using (city)
),

default_city as (
    select
        city as default_city,
        default_month,
    from cities
    order by default_month desc nulls last, city
    limit 1
),

warehouse as (
    select
        'all' as city,
        min(cities.first_month) as first_month,
        max(cities.last_month) as last_month,
        max(cities.last_flow_month) as last_flow_month,
        max(cities.latest_complete_month) as latest_complete_month,
        any_value(default_city.default_month) as default_month,
        sum(cities.flows_after_as_of)::integer as flows_after_as_of,
        sum(cities.months_after_as_of)::integer as months_after_as_of,
        (select max(settled_date) from settlements) as last_settled_date,
    from cities
    cross join default_city
    having count(*) > 0
),

final as (
    select
        periods.*,
        as_of.as_of_date,
        default_city.default_city,
    from (
        select * from cities
        union all by name
        select * from warehouse
    ) as periods
    cross join as_of
    left join default_city on true
)

select * from final
