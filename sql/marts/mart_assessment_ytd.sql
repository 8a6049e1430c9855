-- grain: one row per city, scheme and month of mart_assessment
-- The year to date of the assessment flow: applications (by apply date), conclusions and approvals
-- (by conclusion date) from January through the month, and the year's approval rate so far.
with assessments as (
    select * from mart_assessment
),

year_to_date as (
    select
        city,
        scheme,
        month,
        sum(applications) over ytd as applications_ytd,
        sum(concluded) over ytd as concluded_ytd,
        sum(approved) over ytd as approved_ytd,
    from assessments
    window ytd as (
        partition by city, scheme, year(month)
        order by month
        rows between unbounded preceding and current row
    )
),

final as (
    select
        city,
        scheme,
        month,
        applications_ytd::bigint as applications_ytd,
        concluded_ytd::bigint as concluded_ytd,
        approved_ytd::bigint as approved_ytd,
        case
            when concluded_ytd > 0 then round(approved_ytd / concluded_ytd, 4)::decimal(10, 4)
        end as approval_rate_ytd,
    from year_to_date
)

select * from final
