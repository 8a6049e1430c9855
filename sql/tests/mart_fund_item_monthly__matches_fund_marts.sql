-- invariant: each item's amount is the mart_fund_monthly column it comes from, and the year to date
-- at a year's last month is the year's figure in mart_fund_annual
with items as (
    select * from mart_fund_item_monthly
),

monthly as (
    unpivot (
        select city, scheme, month, income_total, expenditure_total, net,
        from mart_fund_monthly
    )
    on income_total, expenditure_total, net
    into name item value amount
),

annual as (
    unpivot (
        select city, scheme, year, last_month, income_total, expenditure_total, net,
        from mart_fund_annual
    )
    on income_total, expenditure_total, net
    into name item value amount
),

monthly_differs as (
    select
        monthly.city,
        monthly.scheme,
        monthly.month,
        monthly.item,
        monthly.amount as expected,
        items.amount as actual,
    from monthly
    left join items using (city, scheme, month, item)
    where items.amount is distinct from monthly.amount
),

annual_differs as (
    select
        annual.city,
        annual.scheme,
        annual.last_month as month,
        annual.item,
        annual.amount as expected,
        items.ytd as actual,
    from annual
    left join items
        on items.city = annual.city
        and items.scheme = annual.scheme
        and items.month = annual.last_month
        and items.item = annual.item
    where items.ytd is distinct from annual.amount
)

select * from monthly_differs
union all
select * from annual_differs
