-- invariant: every year's funds are judged or not, and the counts are those of mart_fund_annual's
-- funds of the year (is_fund), none lost or counted twice
with counts as (
    select * from mart_fund_status_count
),

annual as (
    select year, count(*) as funds,
    from mart_fund_annual
    where is_fund
    group by year
)

select counts.*, annual.funds as annual_funds
from counts
left join annual
    on annual.year = counts.year
where counts.funds <> counts.funds_judged + counts.funds_unjudged
    or counts.funds_judged < counts.funds_reasonable + counts.funds_out_of_band
    or counts.funds_judged > counts.funds_reasonable + counts.funds_out_of_band
    or counts.funds > coalesce(annual.funds, 0)
