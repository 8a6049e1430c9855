// For 方法说明: the clauses the audit checks only with an optional extract (mart_audit_checks), and
// whether the warehouse held the data to check them.
import { printJson, rowsOf } from './lib/mart.ts';

await printJson(async (conn) => ({
  checks: await rowsOf(conn, `
    select city, city_name, scheme, rule, data_kind, document_no, clause, delivered_rows, is_checked,
    from mart_audit_checks
    order by city, scheme, rule`),
}));
