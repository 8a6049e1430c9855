-- grain: one row per file of a load (load_id, file)
-- The ingest's load report as the data-quality page reads it: rows read = loaded + rejected
-- (balanced), rows replaced by key, the file's encoding and how many extra columns it carried.
with loads as (
    select * from load_report
),

final as (
    select
        load_id,
        file,
        kind,
        rows_read,
        rows_loaded,
        rows_rejected,
        rows_replaced,
        rows_unchanged,
        rows_read = rows_loaded + rows_rejected as balanced,
        bytes,
        encoding,
        len(coalesce(extra_columns, [])) as extra_columns,
        loaded_at,
    from loads
)

select * from final
