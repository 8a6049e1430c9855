// The policy catalog (policy_scheme, policy_source): every parameter with its document and clause,
// assumed values marked with why.
import { printJson, rowsOf } from './lib/mart.ts';

await printJson(async (conn) => ({
  schemes: await rowsOf(conn, `
    select policy_id, city, city_name, province, scheme, effective_from::varchar as effective_from,
        effective_to::varchar as effective_to, document_no, document_title, single_account
    from policy_scheme order by city, scheme, effective_from`),
  sources: await rowsOf(conn, `
    select policy_id, param, value, document_no, clause, assumed, assumed_why
    from policy_source order by policy_id, param`),
}));
