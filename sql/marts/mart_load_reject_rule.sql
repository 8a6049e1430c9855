-- grain: one row per rule and column (column_name null: a rule on the whole line)
-- How many lines each rule rejected, in how many files, with one message as an example.
with rejects as (
    select * from mart_load_reject
),

final as (
    select
        rule,
        column_name,
        count(*) as rejects,
        count(distinct file) as files,
        min(message) as example,
    from rejects
    group by rule, column_name
)

select * from final
