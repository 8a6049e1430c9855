// mart_audit_findings, for 基金监管: counts and amounts by rule, district and institution, and a
// capped list of findings. Persons appear only as a pseudonym: the warehouse's keyed hash (the
// HMAC that hides resident IDs) of the person number, so nobody without the key can tie a
// pseudonym back to a person number by trying them all.
import { resolveDbPath } from '../../data-loaders/db.ts';
import { hmacSql, loadIdKey } from '../../data-loaders/ingest/certHash.ts';
import { printJson, rowsOf } from './lib/mart.ts';

const LIST_CAP = 300;
const pseudonym = (personNo: string) => `'P' || upper(left(${hmacSql(loadIdKey(resolveDbPath()), `'person:' || ${personNo}`)}, 10))`;

await printJson(async (conn) => {
  const findings = `
    with findings as (
        select * from mart_audit_findings
    ),
    settlements as (
        select settlement_id, person_no, admdvs, institution_code, service_type, service_month, settled_date from stg_settlement
    ),
    institutions as (
        select institution_code, any_value(institution_name) as institution_name from stg_institution group by all
    ),
    areas as (
        select admdvs, area_name from int_areas_named
    ),
    final as (
        select
            findings.*,
            findings.actual_fund_amt - findings.expected_fund_amt as excess_amt,
            ${pseudonym('settlements.person_no')} as person_pseudonym,
            settlements.admdvs,
            coalesce(areas.area_name, settlements.admdvs) as district_name,
            settlements.institution_code,
            coalesce(institutions.institution_name, settlements.institution_code, '（居家亲情护理，无机构）') as institution_name,
            settlements.service_type,
            settlements.service_month,
        from findings
        left join settlements using (settlement_id)
        left join institutions using (institution_code)
        left join areas using (admdvs)
    )
    select * from final`;
  const agg = (by: string) => rowsOf(conn, `
    select ${by}, count(*) as findings, count(distinct settlement_id) as settlements,
        sum(actual_fund_amt) as actual_fund_amt, sum(expected_fund_amt) as expected_fund_amt, sum(excess_amt) as excess_amt,
    from (${findings}) group by all order by findings desc, ${by.split(',')[0]}`);
  return {
    // city '*' = all cities together (rollups in SQL, so the page adds nothing up).
    settlementsChecked: await rowsOf(conn, `
        select coalesce(city, '*') as city, count(*) as settlements
        from (select city from stg_settlement where not is_reversal and reversal_of is null)
        group by rollup (city) order by city`),
    byRule: await rowsOf(conn, `
        select coalesce(city, '*') as city, rule, count(*) as findings, count(distinct settlement_id) as settlements,
            sum(actual_fund_amt) as actual_fund_amt, sum(expected_fund_amt) as expected_fund_amt, sum(excess_amt) as excess_amt,
        from (${findings}) group by grouping sets ((city, rule), (rule)) order by city, findings desc, rule`),
    byCity: await rowsOf(conn, `
        select coalesce(city, '*') as city, count(*) as findings, count(distinct settlement_id) as settlements, sum(excess_amt) as excess_amt,
        from (${findings}) group by rollup (city) order by city`),
    byDistrict: await agg('city, admdvs, district_name'),
    byInstitution: await agg('city, institution_code, institution_name'),
    list: await rowsOf(conn, `
        select settlement_id, city, rule, detail, expected_fund_amt, actual_fund_amt, excess_amt, person_pseudonym,
            district_name, institution_name, service_type, service_month::varchar as service_month,
        from (${findings}) order by abs(excess_amt) desc, settlement_id, rule limit ${LIST_CAP}`),
    listCap: LIST_CAP,
  };
});
