-- grain: one row per load (one `ltci ingest` of a delivery)
-- When it started, how many files it read and the rows they gave: the methodology page's and the
-- monthly report's "latest load".
with files as (
    select * from mart_load_file
),

final as (
    select
        load_id,
        min(loaded_at) as loaded_at,
        count(*) as files,
        sum(rows_read)::bigint as rows_read,
        sum(rows_loaded)::bigint as rows_loaded,
        sum(rows_rejected)::bigint as rows_rejected,
        sum(rows_replaced)::bigint as rows_replaced,
    from files
    group by load_id
)

select * from final
