// The 基金监管 list's columns, shared by the audit loaders: one row of mart_audit_settlements per
// flagged settlement, persons only as a pseudonym — the warehouse's keyed hash (the HMAC that hides
// resident IDs) of the person number, so nobody without the key can tie a pseudonym back to a
// person number by trying them all.
import { resolveDbPath } from '../../../data-loaders/db.ts';
import { hmacSql, loadIdKey } from '../../../data-loaders/ingest/certHash.ts';

const pseudonym = (personNo: string) => `'P' || upper(left(${hmacSql(loadIdKey(resolveDbPath()), `'person:' || ${personNo}`)}, 10))`;

/** The list's select over mart_audit_settlements (`where` filters it), largest overpayment first. */
export function auditListSql(where: string): string {
  return `
    with settlements as (
        select * from mart_audit_settlements
    )
    select
        settlement_id,
        city,
        ${pseudonym('person_no')} as person_pseudonym,
        admdvs,
        district_name,
        institution_code,
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
        messages,
        bases,
        price_basis,
    from settlements
    where ${where}
    order by overpaid_amt desc, underpaid_amt desc, settlement_id`;
}
