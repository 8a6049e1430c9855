// Data quality: the loads (mart_load_file: rows in = loaded + rejected per file; mart_load_summary:
// every load together, the page's key figures), rejects by rule
// (mart_load_reject_rule), a sample of rejected lines (mart_load_reject: file, line, column,
// message — never the line itself, which may hold personal data), mart_reconciliation (the
// marts against the raw tables, to the fen) and mart_reconciliation_summary (the checks counted). Kinds and columns get their Chinese names from the
// extract contract (data-loaders/contract).
import { printJson, rowsOf } from './lib/mart.ts';
import { KINDS } from '../../data-loaders/contract/index.ts';

const kindZh = new Map<string, string>(KINDS.map((k) => [k.name, k.zh]));
const columnZh = new Map<string, string>(KINDS.flatMap((k) => k.columns.map((c) => [c.name, c.zh] as [string, string])));
const zh = <T extends Record<string, unknown>>(rows: T[]) =>
  rows.map((r) => ({
    ...r,
    ...('kind' in r ? { kind_zh: kindZh.get(String(r.kind)) ?? r.kind } : {}),
    ...('column_name' in r ? { column_zh: r.column_name === null ? null : (columnZh.get(String(r.column_name)) ?? r.column_name) } : {}),
  }));

const SAMPLE = 200;

await printJson(async (conn) => ({
  loads: zh(await rowsOf(conn, `
    select load_id, file, kind, rows_read, rows_loaded, rows_rejected, rows_replaced, rows_unchanged, bytes, encoding,
        extra_columns, strftime(loaded_at, '%Y-%m-%d') as loaded_day, strftime(loaded_at, '%H:%M') as loaded_time
    from mart_load_file order by loaded_at, file`)),
  rejectsByRule: zh(await rowsOf(conn, `
    select rule, column_name, rejects, files, example
    from mart_load_reject_rule order by rejects desc, rule, column_name`)),
  rejectSample: zh(await rowsOf(conn, `
    select file, line, column_name, rule, message
    from mart_load_reject order by file, line limit ${SAMPLE}`)),
  reconciliation: await rowsOf(conn, `select * from mart_reconciliation order by check_order`),
  loadSummary: (await rowsOf(conn, `select * from mart_load_summary`))[0] ?? null,
  checkSummary: (await rowsOf(conn, `select * from mart_reconciliation_summary`))[0] ?? null,
}));
