// Data quality: the load reports (rows in = loaded + rejected per file), rejects by rule, a sample of
// rejects (file, line, column, message — never the raw line, which may hold personal data) and
// mart_reconciliation (the marts against the raw tables, to the fen).
import { printJson, rowsOf } from './lib/mart.ts';

await printJson(async (conn) => ({
  loads: await rowsOf(conn, `
    select load_id, file, kind, rows_read, rows_loaded, rows_rejected, rows_replaced, rows_unchanged, bytes, encoding,
        len(coalesce(extra_columns, [])) as extra_columns, strftime(loaded_at, '%Y-%m-%d %H:%M') as loaded_at
    from load_report order by loaded_at, file`),
  rejectsByRule: await rowsOf(conn, `
    select rule, column_name, count(*) as rejects, count(distinct file) as files, min(message) as example
    from load_rejects group by all order by rejects desc, rule`),
  rejectSample: await rowsOf(conn, `
    select file, line, column_name, rule, message
    from load_rejects order by file, line limit 200`),
  reconciliation: await rowsOf(conn, `select * from mart_reconciliation order by check_order`),
}));
