// A handful of rows that break the contract on purpose, in their own files, so the data-quality
// page has rejects to show. Each is a real generated row with one thing broken (docs/demo.md).
import type { DuckDBConnection } from '@duckdb/node-api';
import { kindByName } from '../contract/index.ts';
import { csvField } from '../csv.ts';
import { queryRows } from '../db.ts';
import { headerOf, valueOf, type DemoHeaders } from './headers.ts';

type Row = Record<string, string>;

interface Breakage {
  /** The contract rule the ingest reports. */
  rule: string;
  why: string;
  apply(r: Row): void;
}

/** What is broken in settlement-malformed.csv, row by row (documented in docs/demo.md). */
export const SETTLEMENT_BREAKAGES: Breakage[] = [
  { rule: 'fund_above_eligible', why: '基金支付大于符合范围费用', apply: (r) => { r.fund_amt = (Number(r.eligible_amt) + 100).toFixed(2); r.personal_amt = (Number(r.total_amt) - Number(r.fund_amt)).toFixed(2); } },
  { rule: 'personal_not_total_minus_fund', why: '个人负担 ≠ 总费用 − 基金支付', apply: (r) => { r.personal_amt = (Number(r.personal_amt) + 10).toFixed(2); } },
  { rule: 'month_format', why: 'service_month 2027-13', apply: (r) => { r.service_month = '2027-13'; } },
  { rule: 'required', why: 'settlement_id empty', apply: (r) => { r.settlement_id = ''; } },
  { rule: 'institution_required', why: 'home_visit without institution_code', apply: (r) => { r.service_type = 'home_visit'; r.institution_code = ''; } },
  { rule: 'money_format', why: 'total_amt with three decimals', apply: (r) => { r.total_amt = `${r.total_amt}5`; } },
  { rule: 'code_value', why: 'service_type 按摩服务 is not a contract code', apply: (r) => { r.service_type = '按摩服务'; } },
  { rule: 'admdvs_format', why: 'admdvs of five digits', apply: (r) => { r.admdvs = r.admdvs.slice(0, 5); } },
  { rule: 'service_days_above_month', why: '服务天数 32，超过当月天数', apply: (r) => { r.service_days = '32'; } },
];

/** What is broken in enrolment-malformed.csv. */
export const ENROLMENT_BREAKAGES: Breakage[] = [
  { rule: 'cert_checksum', why: 'resident ID with a wrong check character', apply: (r) => { r.cert_no = r.cert_no.slice(0, 17) + (r.cert_no.endsWith('0') ? '1' : '0'); } },
  { rule: 'coverage_end_before_start', why: 'coverage_end before coverage_start', apply: (r) => { r.coverage_end = `${Number(r.year) - 1}-12-31`; } },
  { rule: 'code_value', why: 'gender 3', apply: (r) => { r.gender = '3'; } },
];

function fileText(kindName: 'settlement' | 'enrolment', rows: Row[], headers: DemoHeaders): string {
  const kind = kindByName(kindName)!;
  const lines = [kind.columns.map((c) => csvField(headerOf(c, headers))).join(',')];
  for (const r of rows) lines.push(kind.columns.map((c) => csvField(valueOf(c, headers, r[c.name] ?? ''))).join(','));
  return lines.join('\n') + '\n';
}

function asText(row: Record<string, unknown>): Row {
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v === null || v === undefined ? '' : String(v)]));
}

export async function malformedFiles(conn: DuckDBConnection, headers: DemoHeaders): Promise<{ file: string; text: string; rows: number }[]> {
  const settlements = await queryRows(conn, `
select
    settlement_id, person_no, admdvs, institution_code, service_type, strftime(service_month, '%Y-%m') as service_month,
    service_days, service_hours, visits, total_amt, eligible_amt, fund_amt, personal_amt, settled_date::VARCHAR as settled_date, reversal_of,
from settlement_all
where reversal_of is null and institution_code is not null
order by hash(settlement_id, 'malformed'), settlement_id
limit ${SETTLEMENT_BREAKAGES.length}`);
  const enrolments = await queryRows(conn, `
select
    e.person_no, c.cert_no, e.gender::VARCHAR as gender, e.birth_date::VARCHAR as birth_date, e.admdvs, e.scheme, e.year,
    e.coverage_start::VARCHAR as coverage_start, e.coverage_end::VARCHAR as coverage_end, e.individual_amt, e.medical_fund_amt,
    e.fiscal_amt, e.employer_amt, e.other_amt, e.assisted, e.paid_date::VARCHAR as paid_date,
from enrolment_gen as e
join person_cert as c using (pk)
order by hash(e.person_no, e.year, 'malformed'), e.person_no, e.year
limit ${ENROLMENT_BREAKAGES.length}`);
  const broken = (rows: Record<string, unknown>[], breakages: Breakage[], id: string) =>
    rows.map((row, i) => {
      const r = asText(row);
      // a new key, so a row that were (wrongly) accepted could not replace a good one
      if (id === 'settlement_id') r.settlement_id = `${r.settlement_id.slice(0, 14)}E${String(i + 1).padStart(6, '0')}`;
      else r.person_no = `${r.person_no.slice(0, 7)}E${String(i + 1).padStart(7, '0')}`;
      breakages[i].apply(r);
      return r;
    });
  const s = broken(settlements, SETTLEMENT_BREAKAGES, 'settlement_id');
  const e = broken(enrolments, ENROLMENT_BREAKAGES, 'person_no');
  return [
    { file: 'settlement-malformed.csv', text: fileText('settlement', s, headers), rows: s.length },
    { file: 'enrolment-malformed.csv', text: fileText('enrolment', e, headers), rows: e.length },
  ];
}
