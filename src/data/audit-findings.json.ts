// 基金监管: the audit marts, shaped for the page. Every count and amount is a column of
// mart_audit_summary (sums over mart_audit_settlements, one row per flagged settlement); the list is
// mart_audit_settlements itself, the largest overpayments of each city first. Persons appear only as
// a pseudonym: the warehouse's keyed hash (the HMAC that hides resident IDs) of the person number,
// so nobody without the key can tie a pseudonym back to a person number by trying them all.
import { resolveDbPath } from '../../data-loaders/db.ts';
import { hmacSql, loadIdKey } from '../../data-loaders/ingest/certHash.ts';
import { printJson, rowsOf } from './lib/mart.ts';

/** Flagged settlements listed per city. */
const LIST_CAP = 300;
const pseudonym = (personNo: string) => `'P' || upper(left(${hmacSql(loadIdKey(resolveDbPath()), `'person:' || ${personNo}`)}, 10))`;

await printJson(async (conn) => ({
  // city '*' = every city; breakdown 'total' | 'rule' | 'district' | 'institution'
  summary: await rowsOf(conn, `
    select * from mart_audit_summary
    order by city, breakdown, overpaid_amt desc, settlements desc, key`),
  list: await rowsOf(conn, `
    with settlements as (
        select * from mart_audit_settlements
    )
    select
        settlement_id,
        city,
        ${pseudonym('person_no')} as person_pseudonym,
        district_name,
        institution_name,
        service_type,
        strftime(service_month, '%Y-%m') as service_month,
        strftime(settled_month, '%Y-%m') as settled_month,
        paid_amt,
        expected_amt,
        overpaid_amt,
        underpaid_amt,
        rules,
        primary_rule,
        details,
        price_basis,
    from settlements
    qualify row_number() over (partition by city order by overpaid_amt desc, underpaid_amt desc, settlement_id) <= ${LIST_CAP}
    order by overpaid_amt desc, underpaid_amt desc, settlement_id`),
  listCap: LIST_CAP,
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
