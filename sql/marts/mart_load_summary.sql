-- grain: one row: every load together (mart_load_file, one row per file of a load): how many loads
-- and files, the rows they read, loaded, rejected and replaced, how many files do not balance (rows
-- read <> loaded + rejected) and the share of rows read that were rejected. 数据质量's key figures and
-- mart_reconciliation's load checks read these columns, so the page's card and the check agree.
with files as (
    select * from mart_load_file
),

final as (
    select
        count(distinct load_id) as loads,
        count(*) as files,
        coalesce(sum(rows_read), 0)::bigint as rows_read,
        coalesce(sum(rows_loaded), 0)::bigint as rows_loaded,
        coalesce(sum(rows_rejected), 0)::bigint as rows_rejected,
        coalesce(sum(rows_replaced), 0)::bigint as rows_replaced,
        coalesce(sum(rows_unchanged), 0)::bigint as rows_unchanged,
        count(*) filter (where not balanced) as unbalanced_files,
        case when sum(rows_read) > 0 then (sum(rows_rejected) / sum(rows_read))::decimal(12, 8) end as rejected_share,
    from files
)

select * from final
