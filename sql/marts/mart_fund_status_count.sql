-- grain: one row per year: how many funds the year has (mart_fund_annual.is_fund: a single-account
-- city counts once, on its account; a city with one scheme counts that scheme; a city whose schemes
-- keep separate accounts counts each) and how many stand where. The overview (总览) and 结余原则
-- read these counts, so the two pages say the same. A fund year that begins after the data's as-of
-- date (a stray flow dated after the extract's end) is not counted, as the pages do not offer it.
--   funds_judged: with a surplus status; funds_unjudged: without (no opening balance, too few months
--   with expenditure); funds_reasonable: status 'reasonable'; funds_out_of_band: judged and not
--   reasonable (insufficient, low, high, excessive or overdrawn); funds_deficit: income below
--   expenditure in the year; funds_attention: out of band, in deficit or unjudged (the overview's list).
with annual as (
    select * from mart_fund_annual
),

period as (
    select * from mart_data_period
    where city = 'all'
),

funds as (
    select annual.*
    from annual
    left join period
        on true
    where annual.is_fund
        and (period.as_of_date is null or annual.first_month <= period.as_of_date)
),

final as (
    select
        year,
        count(*) as funds,
        count(*) filter (where surplus_status is not null) as funds_judged,
        count(*) filter (where surplus_status is null) as funds_unjudged,
        count(*) filter (where surplus_status = 'reasonable') as funds_reasonable,
        count(*) filter (where surplus_status is not null and surplus_status <> 'reasonable') as funds_out_of_band,
        count(*) filter (where deficit) as funds_deficit,
        count(*) filter (where surplus_status is null or surplus_status <> 'reasonable' or deficit) as funds_attention,
    from funds
    group by year
)

select * from final
