-- grain: one row per city, scheme, month and fund item (each income source, each expenditure kind,
-- the two totals and net), for every month of mart_fund_monthly
-- The month's amount, the month before, the same month a year before, the year to date and the
-- same months of the year before, with the changes between them. A change against a zero or
-- missing base is not computed (null). What the monthly report's fund tables show, and the
-- year-to-date figures of the dashboards.
with monthly as (
    select * from mart_fund_monthly
),

items as (
    unpivot (
        select
            city,
            scheme,
            month,
            income_individual,
            income_medical_fund,
            income_fiscal,
            income_employer,
            income_other,
            income_total,
            expenditure_benefits,
            expenditure_assessment,
            expenditure_operator,
            expenditure_other,
            expenditure_total,
            net,
        from monthly
    )
    on
        income_individual,
        income_medical_fund,
        income_fiscal,
        income_employer,
        income_other,
        income_total,
        expenditure_benefits,
        expenditure_assessment,
        expenditure_operator,
        expenditure_other,
        expenditure_total,
        net
    into name item value amount
),

year_to_date as (
    select
        *,
        sum(amount) over (
            partition by city, scheme, item, year(month)
            order by month
            rows between unbounded preceding and current row
        ) as ytd,
    from items
),

final as (
    select
        cur.city,
        cur.scheme,
        cur.month,
        cur.item,
        cur.amount::decimal(18, 2) as amount,
        prev_month.amount::decimal(18, 2) as amount_prev_month,
        case
            when prev_month.amount <> 0
                then round((cur.amount - prev_month.amount) / abs(prev_month.amount), 4)::decimal(18, 4)
        end as mom_pct,
        prev_year.amount::decimal(18, 2) as amount_prev_year,
        case
            when prev_year.amount <> 0
                then round((cur.amount - prev_year.amount) / abs(prev_year.amount), 4)::decimal(18, 4)
        end as yoy_pct,
        cur.ytd::decimal(18, 2) as ytd,
        prev_year.ytd::decimal(18, 2) as ytd_prev_year,
        case
            when prev_year.ytd <> 0
                then round((cur.ytd - prev_year.ytd) / abs(prev_year.ytd), 4)::decimal(18, 4)
        end as ytd_yoy_pct,
    from year_to_date as cur
    left join year_to_date as prev_month
        on prev_month.city = cur.city
        and prev_month.scheme = cur.scheme
        and prev_month.item = cur.item
        and prev_month.month = cur.month - interval 1 month
    left join year_to_date as prev_year
        on prev_year.city = cur.city
        and prev_year.scheme = cur.scheme
        and prev_year.item = cur.item
        and prev_year.month = cur.month - interval 12 month
)

select * from final
