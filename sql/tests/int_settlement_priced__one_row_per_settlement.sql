-- every settlement appears exactly once in int_settlement_priced
with settlements as (
    select * from stg_settlement
),

priced as (
    select * from int_settlement_priced
),

counts as (
    select
        settlements.settlement_id,
        count(priced.settlement_id) as priced_rows,
    from settlements
    left join priced
        on priced.settlement_id = settlements.settlement_id
    group by all
)

select * from counts
where priced_rows <> 1
