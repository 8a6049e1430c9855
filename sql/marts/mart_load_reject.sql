-- grain: one row per rejected line (file, line and the rule it broke)
-- Where and why, never the line's content: load_rejects.raw may hold a name or an ID number and
-- stays in the warehouse table, out of what the pages read.
with rejects as (
    select * from load_rejects
),

final as (
    select
        load_id,
        file,
        line,
        column_name,
        rule,
        message,
    from rejects
)

select * from final
