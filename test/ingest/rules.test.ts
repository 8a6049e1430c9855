// Every contract rule rejects the right line and column: one delivery per kind, line 2 a valid
// row, every further line breaking exactly one rule (or showing an accepted spelling).
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ingestDeliveries } from '../../data-loaders/ingest/index.ts';
import { csv, residentId, rows, tempDir, writeDelivery } from './helpers.ts';

type Row = Record<string, string>;
interface Case {
  set: Row;
  /** Expected reject (column, rule); absent = the row loads. */
  reject?: [string, string];
}

const ID = residentId('37081119500101001');
/** 17 digits whose check character is X (an ID written with a lowercase x must load). */
const ID_X = (() => {
  for (let i = 0; i < 1000; i++) {
    const id = residentId(`370811195001${String(i).padStart(5, '0')}`);
    if (id.endsWith('X')) return id;
  }
  throw new Error('no X');
})();

const BASES: Record<string, Row> = {
  enrolment: {
    person_no: 'P0', cert_no: ID, gender: '1', birth_date: '1950-01-01', admdvs: '370811', scheme: 'employee', year: '2027',
    coverage_start: '2027-01-01', coverage_end: '2027-12-31', individual_amt: '30', medical_fund_amt: '60', fiscal_amt: '10',
    employer_amt: '0', other_amt: '0', assisted: '', paid_date: '',
  },
  assessment: {
    assessment_id: 'A0', person_no: 'P0', admdvs: '370811', kind: 'initial', apply_date: '2026-11-01', conclusion_date: '2026-11-20',
    level: '4', disability_months: '12', approved: 'true', valid_until: '', fee_amt: '', assessor_code: '',
  },
  institution: {
    institution_code: 'I0', name: '护理院', admdvs: '370811', category: 'medical', grade: '2', designated_from: '2020-01-01', designated_to: '', beds: '10',
  },
  settlement: {
    settlement_id: 'S0', person_no: 'P0', admdvs: '370811', institution_code: 'I0', service_type: 'inst_medical', service_month: '2027-01',
    service_days: '31', service_hours: '', visits: '', total_amt: '1550', eligible_amt: '1550', fund_amt: '1000', personal_amt: '550',
    settled_date: '2027-02-05', reversal_of: '',
  },
  visit: { visit_id: 'V0', person_no: 'P0', institution_code: 'I0', check_in: '2027-01-05 09:00', check_out: '2027-01-05 11:00', caregiver_code: '' },
  ledger: { entry_id: 'L0', admdvs: '370800', scheme: 'resident', entry_date: '2027-01-31', category: 'interest', amount: '10.5' },
  inpatient: { stay_id: 'H0', person_no: 'P0', admdvs: '370811', admission_date: '2027-01-10', discharge_date: '2027-01-20', hospital_code: '' },
  work_injury: { record_id: 'W0', person_no: 'P0', admdvs: '370811', allowance_from: '2027-01-01', allowance_to: '' },
};

const CASES: Record<string, Case[]> = {
  enrolment: [
    { set: { person_no: '' }, reject: ['person_no', 'required'] },
    { set: { cert_no: ID.slice(0, 17) }, reject: ['cert_no', 'cert_format'] },
    { set: { cert_no: ID.slice(0, 17) + (ID.endsWith('0') ? '1' : '0') }, reject: ['cert_no', 'cert_checksum'] },
    { set: { cert_no: ID_X.toLowerCase() } },
    { set: { cert_no: '' } },
    { set: { gender: '3' }, reject: ['gender', 'code_value'] },
    { set: { gender: '女', scheme: '居民' } },
    { set: { gender: '3', admdvs: '3708' }, reject: ['gender', 'code_value'] },
    { set: { birth_date: '1950-13-01' }, reject: ['birth_date', 'date_format'] },
    { set: { birth_date: '1950.01.01' }, reject: ['birth_date', 'date_format'] },
    { set: { birth_date: '1950-1-1' }, reject: ['birth_date', 'date_format'] },
    { set: { birth_date: '19500101', coverage_start: '2027/01/01' } },
    { set: { birth_date: '2027-01-02' }, reject: ['birth_date', 'birth_after_coverage'] },
    { set: { admdvs: '37081' }, reject: ['admdvs', 'admdvs_format'] },
    { set: { admdvs: '37081a' }, reject: ['admdvs', 'admdvs_format'] },
    { set: { scheme: 'farmers' }, reject: ['scheme', 'code_value'] },
    { set: { year: '2027.5' }, reject: ['year', 'int_format'] },
    { set: { year: '1800' }, reject: ['year', 'below_min'] },
    { set: { coverage_end: '2026-12-31' }, reject: ['coverage_end', 'coverage_end_before_start'] },
    { set: { individual_amt: '30.001' }, reject: ['individual_amt', 'money_format'] },
    { set: { individual_amt: '1,000' }, reject: ['individual_amt', 'money_format'] },
    { set: { individual_amt: '-1' }, reject: ['individual_amt', 'negative_amount'] },
    { set: { medical_fund_amt: '' }, reject: ['medical_fund_amt', 'required'] },
    { set: { employer_amt: 'abc' }, reject: ['employer_amt', 'money_format'] },
    { set: { employer_amt: '', other_amt: '' } },
    { set: { paid_date: '20270230' }, reject: ['paid_date', 'date_format'] },
    { set: { gender: '0' }, reject: ['gender', 'gender_unknown'] },
    { set: { gender: '9' }, reject: ['gender', 'gender_unknown'] },
    { set: { scheme: '410' }, reject: ['scheme', 'scheme_from_ltc_insutype'] },
    { set: { birth_date: '1889-12-31' }, reject: ['birth_date', 'date_too_early'] },
    { set: { birth_date: '1890-01-01' } },
    { set: { paid_date: '2011-12-31' }, reject: ['paid_date', 'date_too_early'] },
    { set: { coverage_end: '9999-12-31' } },
    { set: { person_no: ID }, reject: ['person_no', 'person_no_is_resident_id'] },
    // 18 digits that are no resident ID (check character wrong): a person number like any other
    { set: { person_no: ID.slice(0, 17) + (ID.endsWith('0') ? '1' : '0') } },
    { set: { individual_amt: '99999999.99' } },
    { set: { individual_amt: '100000000' }, reject: ['individual_amt', 'amount_too_large'] },
  ],
  assessment: [
    { set: { kind: 'annual' }, reject: ['kind', 'code_value'] },
    { set: { kind: '复评', approved: '不通过' } },
    { set: { level: '6' }, reject: ['level', 'above_max'] },
    { set: { level: '-1' }, reject: ['level', 'below_min'] },
    { set: { approved: 'maybe' }, reject: ['approved', 'bool_format'] },
    { set: { conclusion_date: '2026-10-31' }, reject: ['conclusion_date', 'conclusion_before_apply'] },
    { set: { fee_amt: '1.234' }, reject: ['fee_amt', 'money_format'] },
    { set: { disability_months: 'six' }, reject: ['disability_months', 'int_format'] },
    { set: { valid_until: '2028-02-30' }, reject: ['valid_until', 'date_format'] },
    { set: { apply_date: '0027-01-01' }, reject: ['apply_date', 'date_too_early'] },
    { set: { conclusion_date: '9999-12-31' }, reject: ['conclusion_date', 'date_too_late'] },
  ],
  institution: [
    { set: { category: 'hotel' }, reject: ['category', 'code_value'] },
    { set: { category: '养老机构', grade: '' } },
    { set: { grade: '4' }, reject: ['grade', 'above_max'] },
    { set: { beds: '-1' }, reject: ['beds', 'below_min'] },
    { set: { designated_to: '2019-12-31' }, reject: ['designated_to', 'designated_to_before_from'] },
    { set: { name: '' }, reject: ['name', 'required'] },
  ],
  settlement: [
    { set: { service_type: 'spa' }, reject: ['service_type', 'code_value'] },
    { set: { service_type: '医疗机构护理床位', service_month: '202701' } },
    { set: { service_month: '2027-1' }, reject: ['service_month', 'month_format'] },
    { set: { service_month: '2027-13' }, reject: ['service_month', 'month_format'] },
    { set: { service_days: '32' }, reject: ['service_days', 'service_days_above_month'] },
    { set: { service_hours: '1.255' }, reject: ['service_hours', 'decimal_format'] },
    { set: { eligible_amt: '1600', fund_amt: '1000', personal_amt: '550' }, reject: ['eligible_amt', 'eligible_above_total'] },
    { set: { fund_amt: '1600', personal_amt: '-50' }, reject: ['personal_amt', 'negative_amount'] },
    { set: { eligible_amt: '900' }, reject: ['fund_amt', 'fund_above_eligible'] },
    { set: { personal_amt: '549.99' }, reject: ['personal_amt', 'personal_not_total_minus_fund'] },
    { set: { institution_code: '' }, reject: ['institution_code', 'institution_required'] },
    { set: { institution_code: '', service_type: 'home_family' } },
    { set: { reversal_of: '<self>' }, reject: ['reversal_of', 'reversal_of_self'] },
    { set: { total_amt: '-1550', eligible_amt: '-1550', fund_amt: '-1000', personal_amt: '-550' }, reject: ['total_amt', 'negative_amount'] },
    { set: { total_amt: '-1550', eligible_amt: '-1550', fund_amt: '-1000', personal_amt: '-550', reversal_of: 'S0' } },
    { set: { reversal_of: 'S0' }, reject: ['total_amt', 'reversal_amount_positive'] },
    { set: { total_amt: '-1550', eligible_amt: '-1550', fund_amt: '-1000', personal_amt: '-550', reversal_of: 'S0', service_days: '-31' } },
    { set: { settled_date: '2027-02-5' }, reject: ['settled_date', 'date_format'] },
    { set: { total_amt: '' }, reject: ['total_amt', 'required'] },
    { set: { service_month: '2011-12' }, reject: ['service_month', 'date_too_early'] },
    { set: { settled_date: '-027-01-01' }, reject: ['settled_date', 'date_too_early'] },
    { set: { total_amt: '-100000000', eligible_amt: '-1550', fund_amt: '-1000', personal_amt: '-99999000', reversal_of: 'S0' }, reject: ['total_amt', 'amount_too_large'] },
    { set: { service_month: '2027-02', service_days: '29' }, reject: ['service_days', 'service_days_above_month'] },
    { set: { service_month: '2028-02', service_days: '29' } },
  ],
  visit: [
    { set: { check_in: '2027-01-05 9:00' }, reject: ['check_in', 'timestamp_format'] },
    { set: { check_in: '2027-01-05' }, reject: ['check_in', 'timestamp_format'] },
    { set: { check_in: '20270105 09:00:00', check_out: '2027/01/05 10:30:15' } },
    { set: { check_out: '2027-01-05 09:00' }, reject: ['check_out', 'check_out_not_after_check_in'] },
    { set: { check_in: '9999-12-31 09:00', check_out: '9999-12-31 10:00' }, reject: ['check_in', 'date_too_late'] },
    { set: { institution_code: '' }, reject: ['institution_code', 'required'] },
  ],
  ledger: [
    { set: { category: 'bonus' }, reject: ['category', 'code_value'] },
    { set: { category: '经办服务费', scheme: '职工' } },
    { set: { amount: '0' }, reject: ['amount', 'amount_not_positive'] },
    { set: { amount: '-5' }, reject: ['amount', 'amount_not_positive'] },
    { set: { scheme: 'all' }, reject: ['scheme', 'code_value'] },
    { set: { amount: '9999999999.99' } },
    { set: { amount: '10000000000' }, reject: ['amount', 'amount_too_large'] },
  ],
  inpatient: [
    { set: { discharge_date: '2027-01-09' }, reject: ['discharge_date', 'discharge_before_admission'] },
    { set: { discharge_date: '' } },
    { set: { admission_date: '2011-12-31' }, reject: ['admission_date', 'date_too_early'] },
    { set: { discharge_date: '9999-12-31' }, reject: ['discharge_date', 'date_too_late'] },
  ],
  work_injury: [
    { set: { allowance_to: '2026-12-31' }, reject: ['allowance_to', 'allowance_to_before_from'] },
    // an allowance may predate care insurance; an open end may be written 9999-12-31
    { set: { allowance_from: '2005-03-01', allowance_to: '9999-12-31' } },
    { set: { allowance_from: '1989-12-31' }, reject: ['allowance_from', 'date_too_early'] },
    { set: { allowance_from: '9999-01-01' }, reject: ['allowance_from', 'date_too_late'] },
  ],
};

const keyColumn: Record<string, string> = {
  enrolment: 'person_no', assessment: 'assessment_id', institution: 'institution_code', settlement: 'settlement_id', visit: 'visit_id', ledger: 'entry_id',
  inpatient: 'stay_id', work_injury: 'record_id',
};

let db: string;
beforeAll(async () => {
  const root = tempDir();
  db = join(root, 'w.duckdb');
  const files: Record<string, string> = {};
  for (const [kind, base] of Object.entries(BASES)) {
    const header = Object.keys(base);
    const lines = [base, ...CASES[kind].map((c, i) => {
      const id = keyColumn[kind];
      const row = { ...base, [id]: `${base[id].slice(0, 1)}${i + 1}`, ...c.set };
      if (row.reversal_of === '<self>') row.reversal_of = row[id];
      return row;
    })];
    files[`${kind}.csv`] = csv([header, ...lines.map((r) => header.map((h) => r[h]))]);
  }
  writeDelivery(join(root, 'rules'), files);
  await ingestDeliveries(db, [join(root, 'rules')], { loadId: () => 'rules' });
});

describe.each(Object.keys(BASES))('%s rules', (kind) => {
  it('rejects each broken row at its line, naming the first broken column and rule', async () => {
    const got = await rows(db, `select line, column_name, rule from load_rejects where file = 'rules/${kind}.csv' order by line`);
    const expected = CASES[kind].flatMap((c, i) => (c.reject ? [{ line: String(i + 3), column_name: c.reject[0], rule: c.reject[1] }] : []));
    expect(got).toEqual(expected);
  });

  it('loads the valid row and every accepted spelling', async () => {
    const accepted = 1 + CASES[kind].filter((c) => !c.reject).length;
    const [report] = await rows(db, `select rows_read, rows_loaded, rows_rejected from load_report where file = 'rules/${kind}.csv'`);
    expect(report).toEqual({ rows_read: String(CASES[kind].length + 1), rows_loaded: String(accepted), rows_rejected: String(CASES[kind].length + 1 - accepted) });
    const [n] = await rows(db, `select count(*) as n from raw_${kind}`);
    expect(Number(n.n)).toBe(accepted);
  });
});

describe('accepted spellings are normalised', () => {
  it('codes, dates, money and defaults', async () => {
    const e = await rows(db, `select person_no, gender, scheme, birth_date, coverage_start, employer_amt, other_amt, cert_hash is not null as hashed from raw_enrolment order by person_no`);
    const byNo = Object.fromEntries(e.map((r) => [r.person_no, r]));
    expect(byNo.P7).toMatchObject({ gender: '2', scheme: 'resident' });
    expect(byNo.P12).toMatchObject({ birth_date: '1950-01-01', coverage_start: '2027-01-01' });
    expect(byNo.P25).toMatchObject({ employer_amt: '0.00', other_amt: '0.00' });
    expect(byNo.P4).toMatchObject({ hashed: true });
    expect(byNo.P5).toMatchObject({ hashed: false });
    const s = await rows(db, `select settlement_id, service_type, service_month, total_amt, service_days from raw_settlement order by settlement_id`);
    expect(s.find((r) => r.settlement_id === 'S2')).toMatchObject({ service_type: 'inst_medical', service_month: '2027-01-01' });
    expect(s.find((r) => r.settlement_id === 'S15')).toMatchObject({ total_amt: '-1550.00' });
    const v = await rows(db, `select check_in, check_out from raw_visit where visit_id = 'V3'`);
    expect(v).toEqual([{ check_in: '2027-01-05 09:00:00', check_out: '2027-01-05 10:30:15' }]);
  });

  it('messages name line, column and rule, and quote the value (never an ID)', async () => {
    const [m] = await rows(db, `select message from load_rejects where file = 'rules/enrolment.csv' and line = 22`);
    expect(m.message).toBe("第22行 列 individual_amt（个人缴费）: 金额应为元，最多两位小数 / yuan with at most 2 decimals (money_format)，值 '30.001'");
    const ids = await rows(db, `select message from load_rejects where column_name = 'cert_no'`);
    for (const r of ids) expect(String(r.message)).not.toMatch(/\d{17}/);
  });
});

