-- grain: one row per fund (city, scheme), sex and age band of the fund's latest complete year: the
-- cells the projection starts from, as the engine uses them (int_projection_inputs; DECIMAL(38, 12)).
-- The 政策模拟 page runs the same engine in the browser on these rows and mart_projection_funds.
-- benefit_rate and paid_per_benefit_month are the band's (both sexes carry the same values).
with inputs as (
    select * from int_projection_inputs
),

funds as (
    select * from int_projection_funds
    where is_latest
),

final as (
    select
        inputs.city,
        inputs.scheme,
        inputs.base_year,
        inputs.sex,
        inputs.age_from,
        inputs.age_to,
        inputs.participants,
        inputs.stay_rate,
        inputs.advance_share,
        inputs.entry_rate,
        inputs.benefit_rate,
        inputs.paid_per_benefit_month,
    from inputs
    inner join funds
        on funds.city = inputs.city
        and funds.scheme = inputs.scheme
        and funds.base_year = inputs.base_year
)

select * from final
