// The hand-made delivery every mart test builds on. Two cities:
//   A = 370800 (Jining-like): residents only, separate account, assessment fees paid by the fund; its
//       policy dates from 2022 and its flows start 2026-12, so it carries an opening balance (L0).
//   B = 320700 (Lianyungang-like): employees and residents in ONE account (single_account),
//       assessment fees not paid by the fund.
// The expected figures are worked out by hand in each test file, from the rows below.
import type { DuckDBConnection } from '@duckdb/node-api';
import { insert } from './fixture.ts';

export const A = '370800';
export const B = '320700';

const POLICY = {
  province: 'x', document_no: 'doc', document_title: 'title', min_level: 3, min_disability_months: 6,
  benefit_start_offset_days: 1, waiting_period_months: null, operator_fee_ratio: null, source_file: 'fixture',
};

export async function seedPolicies(conn: DuckDBConnection): Promise<void> {
  await insert(conn, 'policy_scheme', [
    { ...POLICY, policy_id: 'a-res', city: A, city_name: '济宁市', scheme: 'resident', effective_from: '2022-01-01', effective_to: null,
      single_account: false, reassessment_months: null, assessment_fee_from_fund: true, benefits_from: '2022-01-01' },
    { ...POLICY, policy_id: 'b-res', city: B, city_name: '连云港市', scheme: 'resident', effective_from: '2026-10-01', effective_to: null,
      single_account: true, reassessment_months: 12, assessment_fee_from_fund: false, benefits_from: '2027-01-01' },
    { ...POLICY, policy_id: 'b-emp', city: B, city_name: '连云港市', scheme: 'employee', effective_from: '2026-10-01', effective_to: null,
      single_account: true, reassessment_months: 12, assessment_fee_from_fund: false, benefits_from: '2027-01-01' },
  ]);
  await insert(conn, 'policy_area', [
    { policy_id: 'a-res', admdvs: '370811', area_name: '任城区' },
    { policy_id: 'a-res', admdvs: '370812', area_name: '兖州区' },
  ]);
  await insert(conn, 'policy_national', [
    { policy_id: 'national-2020', document_no: '医保发〔2020〕37号', document_title: '关于扩大长期护理保险制度试点的指导意见', fund_share_target: '0.70', min_disability_months: 6 },
  ]);
  await insert(conn, 'national_pilot_city', [
    { city_name: '济宁市', province: '山东省', batch: '2016', city: A, admdvs: null },
    { city_name: '苏州市', province: '江苏省', batch: '2016', city: '320500', admdvs: null },
    { city_name: '石景山区', province: '北京市', batch: '2020', city: null, admdvs: '110107' },
  ]);
}

const ENROL = { cert_hash: null, assisted: null, individual_amt: '0', medical_fund_amt: '0', fiscal_amt: '0', employer_amt: '0', other_amt: '0', load_id: 'l1', source_file: 'enrolment.csv', source_line: 1 };
const SETTLE = { service_days: null, service_hours: null, visits: null, reversal_of: null, load_id: 'l1', source_file: 'settlement.csv', source_line: 1 };
const ASSESS = { valid_until: null, assessor_code: null, load_id: 'l1', source_file: 'assessment.csv', source_line: 1 };
const LEDGER = { load_id: 'l1', source_file: 'ledger.csv', source_line: 1 };

export async function seedRaw(conn: DuckDBConnection): Promise<void> {
  await insert(conn, 'raw_enrolment', [
    // A, P1: the 2027 contribution paid on 2026-12-20, the year before its coverage → income in 2026-12.
    { ...ENROL, person_no: 'P1', gender: '2', birth_date: '1940-05-01', admdvs: '370811', scheme: 'resident', year: 2027,
      coverage_start: '2027-01-01', coverage_end: '2027-12-31', medical_fund_amt: '2500.00', fiscal_amt: '500.00', paid_date: '2026-12-20' },
    // A, P2: a correction — first delivered with fiscal_amt 0, a later delivery replaced the row with
    // fiscal_amt 500.00 (raw_enrolment holds only the final state). No paid_date → month of coverage_start.
    { ...ENROL, person_no: 'P2', gender: '1', birth_date: '1955-03-10', admdvs: '370812', scheme: 'resident', year: 2027,
      coverage_start: '2027-01-01', coverage_end: '2027-12-31', medical_fund_amt: '2500.00', fiscal_amt: '500.00', paid_date: null },
    { ...ENROL, person_no: 'P3', gender: '1', birth_date: '1930-07-01', admdvs: '370811', scheme: 'resident', year: 2027,
      coverage_start: '2027-01-01', coverage_end: '2027-12-31', medical_fund_amt: '2500.00', fiscal_amt: '500.00', other_amt: '20.00', paid_date: '2027-01-05' },
    // A, P4: covered 2027-01 to 2027-03 only (moved away), no contribution on the row: a participant of 2027
    // but not at its reference date (the data's last day, 2027-04-30), and not financed.
    { ...ENROL, person_no: 'P4', gender: '2', birth_date: '1948-02-02', admdvs: '370811', scheme: 'resident', year: 2027,
      coverage_start: '2027-01-01', coverage_end: '2027-03-31', paid_date: null },
    // B: one account for both schemes.
    { ...ENROL, person_no: 'Q1', gender: '1', birth_date: '1962-01-15', admdvs: '320703', scheme: 'employee', year: 2027,
      coverage_start: '2027-01-01', coverage_end: '2027-12-31', individual_amt: '100.00', employer_amt: '100.00', paid_date: '2027-01-10' },
    { ...ENROL, person_no: 'Q2', gender: '2', birth_date: '1950-06-30', admdvs: '320703', scheme: 'resident', year: 2027,
      coverage_start: '2027-01-01', coverage_end: '2027-12-31', individual_amt: '20.00', fiscal_amt: '20.00', paid_date: '2026-10-15' },
    { ...ENROL, person_no: 'Q3', gender: '2', birth_date: '1936-12-31', admdvs: '320706', scheme: 'resident', year: 2027,
      coverage_start: '2027-01-01', coverage_end: '2027-12-31', individual_amt: '20.00', fiscal_amt: '20.00', paid_date: '2027-01-20' },
    // B, Q4: a minor, covered but "暂不单独筹资" (no contribution): enrolled, not financed.
    { ...ENROL, person_no: 'Q4', gender: '1', birth_date: '2015-09-09', admdvs: '320706', scheme: 'resident', year: 2027,
      coverage_start: '2027-01-01', coverage_end: '2027-12-31', paid_date: null },
  ]);
  await insert(conn, 'raw_ledger', [
    // A's balance carried in (期初结余), dated the day before its first month here, 2026-12.
    { ...LEDGER, entry_id: 'L0', admdvs: '370800', scheme: 'resident', entry_date: '2026-11-30', category: 'opening_balance', amount: '1000.00' },
    { ...LEDGER, entry_id: 'L1', admdvs: '370800', scheme: 'resident', entry_date: '2027-02-28', category: 'interest', amount: '1.50' },
    { ...LEDGER, entry_id: 'L2', admdvs: '370800', scheme: 'resident', entry_date: '2027-04-30', category: 'operator_fee', amount: '0.60' },
    { ...LEDGER, entry_id: 'L3', admdvs: '320700', scheme: 'resident', entry_date: '2027-01-31', category: 'lottery_fund', amount: '1000.00' },
  ]);
  await insert(conn, 'raw_assessment', [
    // A1 concluded before P1's coverage starts: scheme from the nearest enrolment (resident); fee paid by A's fund.
    { ...ASSESS, assessment_id: 'A1', person_no: 'P1', admdvs: '370811', kind: 'initial', apply_date: '2026-12-01', conclusion_date: '2026-12-20',
      level: 4, disability_months: 12, approved: true, fee_amt: '20.00' },
    { ...ASSESS, assessment_id: 'A2', person_no: 'P2', admdvs: '370812', kind: 'initial', apply_date: '2027-01-03', conclusion_date: '2027-01-20',
      level: 3, disability_months: 8, approved: true, valid_until: '2027-03-31', fee_amt: '20.00' },
    { ...ASSESS, assessment_id: 'A3', person_no: 'P3', admdvs: '370811', kind: 'initial', apply_date: '2027-01-10', conclusion_date: '2027-02-05',
      level: 2, disability_months: 7, approved: false, fee_amt: '20.00' },
    // B's policy does not pay assessment fees from the fund: R1's 50.00 is no expenditure.
    { ...ASSESS, assessment_id: 'R1', person_no: 'Q3', admdvs: '320706', kind: 'initial', apply_date: '2026-12-01', conclusion_date: '2026-12-15',
      level: 4, disability_months: 24, approved: true, fee_amt: '50.00' },
  ]);
  await insert(conn, 'raw_institution', [
    { institution_code: 'I1', name: '任城医院', admdvs: '370811', category: 'medical', grade: 2, designated_from: '2022-01-01', designated_to: null, beds: 20, load_id: 'l1', source_file: 'institution.csv', source_line: 1 },
    { institution_code: 'I2', name: '兖州居家', admdvs: '370812', category: 'home_care', grade: null, designated_from: '2022-01-01', designated_to: null, beds: null, load_id: 'l1', source_file: 'institution.csv', source_line: 2 },
    { institution_code: 'J1', name: '海州养老院', admdvs: '320706', category: 'elderly_care', grade: null, designated_from: '2026-10-01', designated_to: null, beds: 50, load_id: 'l1', source_file: 'institution.csv', source_line: 3 },
    { institution_code: 'J2', name: '连云居家', admdvs: '320703', category: 'home_care', grade: null, designated_from: '2026-10-01', designated_to: null, beds: null, load_id: 'l1', source_file: 'institution.csv', source_line: 4 },
    // I3's agreement ended 2027-03-31: designated on 2026-12-31, not on 2027-04-30 (the data's last day).
    { institution_code: 'I3', name: '兖州护理站', admdvs: '370812', category: 'home_care', grade: null, designated_from: '2022-01-01', designated_to: '2027-03-31', beds: null, load_id: 'l1', source_file: 'institution.csv', source_line: 5 },
  ]);
  // Q1's home visits (T1): two caregivers, C01 twice; one visit without a caregiver code.
  await insert(conn, 'raw_visit', [
    { visit_id: 'V1', person_no: 'Q1', institution_code: 'J2', check_in: '2027-01-05 09:00:00', check_out: '2027-01-05 11:00:00', caregiver_code: 'C01', load_id: 'l1', source_file: 'visit.csv', source_line: 1 },
    { visit_id: 'V2', person_no: 'Q1', institution_code: 'J2', check_in: '2027-01-08 09:00:00', check_out: '2027-01-08 11:00:00', caregiver_code: 'C02', load_id: 'l1', source_file: 'visit.csv', source_line: 2 },
    { visit_id: 'V3', person_no: 'Q1', institution_code: 'J2', check_in: '2027-01-12 09:00:00', check_out: '2027-01-12 11:00:00', caregiver_code: 'C01', load_id: 'l1', source_file: 'visit.csv', source_line: 3 },
    { visit_id: 'V4', person_no: 'Q1', institution_code: 'J2', check_in: '2027-01-15 09:00:00', check_out: '2027-01-15 11:00:00', caregiver_code: null, load_id: 'l1', source_file: 'visit.csv', source_line: 4 },
  ]);
  await insert(conn, 'raw_settlement', [
    // A: S1 is reversed by S1R (next month) and re-settled as S2.
    { ...SETTLE, settlement_id: 'S1', person_no: 'P1', admdvs: '370811', institution_code: 'I1', service_type: 'medical_special', service_month: '2027-01-01',
      service_days: 10, total_amt: '1000.00', eligible_amt: '1000.00', fund_amt: '700.00', personal_amt: '300.00', settled_date: '2027-01-31' },
    { ...SETTLE, settlement_id: 'S1R', person_no: 'P1', admdvs: '370811', institution_code: 'I1', service_type: 'medical_special', service_month: '2027-01-01',
      service_days: 10, total_amt: '-1000.00', eligible_amt: '-1000.00', fund_amt: '-700.00', personal_amt: '-300.00', settled_date: '2027-02-15', reversal_of: 'S1' },
    { ...SETTLE, settlement_id: 'S2', person_no: 'P1', admdvs: '370811', institution_code: 'I1', service_type: 'medical_special', service_month: '2027-01-01',
      service_days: 10, total_amt: '1000.00', eligible_amt: '900.00', fund_amt: '630.00', personal_amt: '370.00', settled_date: '2027-02-15' },
    // P3's only settlement S5 is reversed by S5R, both settled in 2027-04 (the month nets to 0): P3 is
    // no beneficiary (享受待遇人数 excludes persons whose every settlement was reversed).
    { ...SETTLE, settlement_id: 'S5', person_no: 'P3', admdvs: '370811', institution_code: 'I1', service_type: 'medical_special', service_month: '2027-03-01',
      service_days: 5, total_amt: '100.00', eligible_amt: '100.00', fund_amt: '70.00', personal_amt: '30.00', settled_date: '2027-04-05' },
    { ...SETTLE, settlement_id: 'S5R', person_no: 'P3', admdvs: '370811', institution_code: 'I1', service_type: 'medical_special', service_month: '2027-03-01',
      service_days: 5, total_amt: '-100.00', eligible_amt: '-100.00', fund_amt: '-70.00', personal_amt: '-30.00', settled_date: '2027-04-20', reversal_of: 'S5' },
    { ...SETTLE, settlement_id: 'S3', person_no: 'P2', admdvs: '370812', institution_code: 'I2', service_type: 'home_medical_nursing', service_month: '2027-02-01',
      visits: 8, total_amt: '400.00', eligible_amt: '400.00', fund_amt: '280.00', personal_amt: '120.00', settled_date: '2027-04-10' },
    // B
    { ...SETTLE, settlement_id: 'T1', person_no: 'Q1', admdvs: '320703', institution_code: 'J2', service_type: 'home_visit', service_month: '2027-01-01',
      service_hours: '20.00', visits: 10, total_amt: '600.00', eligible_amt: '600.00', fund_amt: '600.00', personal_amt: '0.00', settled_date: '2027-02-05' },
    { ...SETTLE, settlement_id: 'T2', person_no: 'Q3', admdvs: '320706', institution_code: 'J1', service_type: 'inst_elderly', service_month: '2027-01-01',
      service_days: 5, total_amt: '300.00', eligible_amt: '200.00', fund_amt: '200.00', personal_amt: '100.00', settled_date: '2027-02-05' },
    // X9 has no enrolment and B has two schemes in force: scheme 'unassigned'; J9 is no known institution.
    { ...SETTLE, settlement_id: 'T3', person_no: 'X9', admdvs: '320703', institution_code: 'J9', service_type: 'community_day', service_month: '2027-02-01',
      service_days: 2, total_amt: '40.00', eligible_amt: '40.00', fund_amt: '40.00', personal_amt: '0.00', settled_date: '2027-02-20' },
  ]);
  await insert(conn, 'load_report', [
    { load_id: 'l1', file: 'settlement.csv', kind: 'settlement', rows_read: 8, rows_loaded: 7, rows_rejected: 1, rows_replaced: 0, rows_unchanged: 0 },
    { load_id: 'l1', file: 'enrolment.csv', kind: 'enrolment', rows_read: 6, rows_loaded: 6, rows_rejected: 0, rows_replaced: 0, rows_unchanged: 0 },
    { load_id: 'l2', file: 'enrolment-fix.csv', kind: 'enrolment', rows_read: 1, rows_loaded: 1, rows_rejected: 0, rows_replaced: 1, rows_unchanged: 0 },
  ]);
  // settlement.csv's one rejected line, kept with its rule (never loaded).
  await insert(conn, 'load_rejects', [
    { load_id: 'l1', file: 'settlement.csv', line: 9, column_name: 'fund_amt', rule: 'money_format', message: '第9行 列 fund_amt（基金支付）: 不是金额 (money_format)', raw: '{}' },
  ]);
}

export async function seedAll(conn: DuckDBConnection): Promise<void> {
  await seedPolicies(conn);
  await seedRaw(conn);
}
