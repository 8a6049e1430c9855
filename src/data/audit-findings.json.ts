// 基金监管: every figure is a row of mart_audit_period (sums over mart_audit_settlements, one row per
// flagged settlement); here those of every month together ('all'), institutions as the top 15 by
// money (mart rank), and the months with their totals for the year and month selectors. A year's or
// a month's figures, and a month's list of flagged settlements, are in
// data/audit-period/<YYYY or YYYY-MM>.json (audit-period.tar.ts), fetched when the page shows that
// period, so every finding is reachable without the page loading them all. Also the operator-fee
// comparison and the clauses not checked for want of data.
import { printJson, rowsOf } from './lib/mart.ts';

await printJson(async (conn) => ({
  // city '*' = every city; breakdown 'total' | 'rule' | 'district' | 'institution'
  summary: await rowsOf(conn, `
    select * exclude (rank) from mart_audit_period
    where period_kind = 'all'
        and (breakdown <> 'institution' or rank <= 15)
    order by city, period_kind, period, breakdown, rank`),
  // the months of each year that have checked settlements, with their totals (the month selector)
  months: await rowsOf(conn, `
    select city, period as month, settlements, overpaid_amt, settlements_checked,
    from mart_audit_period
    where period_kind = 'month' and breakdown = 'total'
    order by city, period`),
  operatorFee: await rowsOf(conn, `
    select city, scheme, year, financing_amt, operator_fee_amt, reference_ratio, reference_amt, fee_share, difference_amt, document_no, clause,
    from mart_audit_operator_fee
    order by city, scheme, year`),
  unchecked: await rowsOf(conn, `
    select city, city_name, rule, data_kind, document_no, clause
    from mart_audit_checks
    where not is_checked
    order by city, rule`),
}));
