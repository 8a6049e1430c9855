-- grain: one row per settlement that a reversal row in the warehouse reverses (reversal_of). Such a
-- settlement paid nothing in the end, so it makes nobody a beneficiary: 享受待遇人数 counts persons
-- with a non-reversal settlement that is not reversed (a re-settlement after a reversal counts).
with settlements as (
    select * from int_settlements_schemed
),

final as (
    select
        reversal_of as settlement_id,
        count(*)::integer as reversals,
    from settlements
    where is_reversal
        and reversal_of is not null
    group by all
)

select * from final
