-- invariant: every row a file's load counted as rejected is kept as a line in the rejects, with its rule
with files as (
    select * from mart_load_file
),

rejects as (
    select
        load_id,
        file,
        count(*) as lines,
    from mart_load_reject
    group by load_id, file
)

select
    load_id,
    file,
    files.rows_rejected,
    coalesce(rejects.lines, 0) as lines_kept,
from files
full join rejects using (load_id, file)
where coalesce(files.rows_rejected, 0) <> coalesce(rejects.lines, 0)
