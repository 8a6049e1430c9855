// A tiny fund for hand-computed projections: city T (370800-like), residents, one account, two age
// bands (80–84 and 85+, the life table replaced for the test), one service type. Six women:
//   F1 born 1944: 2026 (82) and 2027 (83), band 80
//   F2 born 1942: 2026 (84, band 80) and 2027 (85, band 85+)
//   F3 born 1938: 2026 (88) and 2027 (89), band 85+
//   F4 born 1945: 2026 only (81, band 80) — left
//   F5 born 1930: 2026 only (96, band 85+) — died
//   F6 born 1946: 2027 only (81, band 80) — new entrant
// Each pays the 30 yuan standard (25 medical fund + 5 fiscal) in January. 2026 also has a donation
// of 20 000 and F3's assessment (fee 20). 2027: F3 draws 700 a month in Jan–Jun (level 4), F1 in
// Jul–Sep (level 3, assessed 2027-06-15, fee 20), all home_medical_nursing, settled in the month;
// interest 4.00 and the operator's fee 2.40 on 2027-12-31. The fund began in 2022: an opening balance
// of 0.00 on 2025-12-31 says what it carried in.
import type { DuckDBConnection } from '@duckdb/node-api';
import { insert, type Row } from '../marts/fixture.ts';

export const T = '370800';

const ENROL = { cert_hash: null, assisted: null, individual_amt: '0', employer_amt: '0', other_amt: '0', load_id: 'l1', source_file: 'enrolment.csv', source_line: 1 };
const SETTLE = { service_days: 30, service_hours: null, visits: null, reversal_of: null, load_id: 'l1', source_file: 'settlement.csv', source_line: 1 };
const ASSESS = { valid_until: null, assessor_code: null, load_id: 'l1', source_file: 'assessment.csv', source_line: 1 };
const LEDGER = { load_id: 'l1', source_file: 'ledger.csv', source_line: 1 };

function enrolment(person: string, birth: string, year: number): Row {
  return {
    ...ENROL, person_no: person, gender: '2', birth_date: birth, admdvs: '370811', scheme: 'resident', year,
    coverage_start: `${year}-01-01`, coverage_end: `${year}-12-31`, medical_fund_amt: '25.00', fiscal_amt: '5.00', paid_date: `${year}-01-10`,
  };
}

function settlement(id: string, person: string, month: number): Row {
  const m = String(month).padStart(2, '0');
  return {
    ...SETTLE, settlement_id: id, person_no: person, admdvs: '370811', institution_code: 'I1', service_type: 'home_medical_nursing',
    service_month: `2027-${m}-01`, total_amt: '1000.00', eligible_amt: '1000.00', fund_amt: '700.00', personal_amt: '300.00', settled_date: `2027-${m}-20`,
  };
}

export interface TinyScenario {
  scenario: string;
  population?: 'held' | 'projected';
  prevalence_shift?: string;
  take_up_growth?: string;
  unit_cost_growth?: string;
  financing_growth?: string;
  benefit_level?: string;
}

/** Seed the tiny fund; the life table becomes two bands, the scenarios and horizon those given. */
export function seedTinyFund(scenarios: TinyScenario[], horizon = 2) {
  return async (conn: DuckDBConnection): Promise<void> => {
    await insert(conn, 'policy_scheme', [{
      policy_id: 't-res', city: T, city_name: '测试市', province: 'x', scheme: 'resident', effective_from: '2022-01-01', effective_to: null,
      document_no: 'doc', document_title: 'title', single_account: false, min_level: 3, min_disability_months: 6, benefit_start_offset_days: 1,
      reassessment_months: null, waiting_period_months: null, assessment_fee_from_fund: true, operator_fee_ratio: '0.02', benefits_from: '2022-01-01', source_file: 'fixture',
    }]);
    await insert(conn, 'policy_financing', [
      { policy_id: 't-res', component: 'medical_fund', amount: '25.00', effective_from: '2022-01-01', effective_to: null },
      { policy_id: 't-res', component: 'fiscal', amount: '5.00', effective_from: '2022-01-01', effective_to: null },
    ]);
    await insert(conn, 'policy_national', [{ policy_id: 'national-2020', document_no: 'd', document_title: 't', fund_share_target: '0.70', min_disability_months: 6 }]);
    await insert(conn, 'raw_enrolment', [
      enrolment('F1', '1944-03-01', 2026), enrolment('F2', '1942-03-01', 2026), enrolment('F3', '1938-03-01', 2026),
      enrolment('F4', '1945-03-01', 2026), enrolment('F5', '1930-03-01', 2026),
      enrolment('F1', '1944-03-01', 2027), enrolment('F2', '1942-03-01', 2027), enrolment('F3', '1938-03-01', 2027), enrolment('F6', '1946-03-01', 2027),
    ]);
    await insert(conn, 'raw_assessment', [
      { ...ASSESS, assessment_id: 'A3', person_no: 'F3', admdvs: '370811', kind: 'initial', apply_date: '2026-11-10', conclusion_date: '2026-12-01', level: 4, disability_months: 12, approved: true, fee_amt: '20.00' },
      { ...ASSESS, assessment_id: 'A1', person_no: 'F1', admdvs: '370811', kind: 'initial', apply_date: '2027-05-20', conclusion_date: '2027-06-15', level: 3, disability_months: 8, approved: true, fee_amt: '20.00' },
    ]);
    await insert(conn, 'raw_institution', [
      { institution_code: 'I1', name: '任城医院', admdvs: '370811', category: 'medical', grade: 2, designated_from: '2022-01-01', designated_to: null, beds: 20, load_id: 'l1', source_file: 'institution.csv', source_line: 1 },
    ]);
    await insert(conn, 'raw_settlement', [
      ...[1, 2, 3, 4, 5, 6].map((m) => settlement(`S3-${m}`, 'F3', m)),
      ...[7, 8, 9].map((m) => settlement(`S1-${m}`, 'F1', m)),
    ]);
    await insert(conn, 'raw_ledger', [
      // the fund dates from 2022, its flows here from 2026: the balance carried in is delivered (0.00,
      // 期初结余 dated the day before 2026-01), so the balance is known and starts from zero
      { ...LEDGER, entry_id: 'L0', admdvs: '370800', scheme: 'resident', entry_date: '2025-12-31', category: 'opening_balance', amount: '0.00' },
      { ...LEDGER, entry_id: 'L1', admdvs: '370800', scheme: 'resident', entry_date: '2026-06-30', category: 'donation', amount: '20000.00' },
      { ...LEDGER, entry_id: 'L2', admdvs: '370800', scheme: 'resident', entry_date: '2027-12-31', category: 'interest', amount: '4.00' },
      { ...LEDGER, entry_id: 'L3', admdvs: '370800', scheme: 'resident', entry_date: '2027-12-31', category: 'operator_fee', amount: '2.40' },
    ]);
    // two age bands: 80–84 (a fifth moves up each year) and 85+; q = 0.05 and 0.10
    await conn.run(`delete from cfg_life_table`);
    await insert(conn, 'cfg_life_table', ['male', 'female'].flatMap((sex) => [
      { sex, age_from: 80, age_to: 84, death_rate: '0.05', advance_share: '0.2' },
      { sex, age_from: 85, age_to: null, death_rate: '0.10', advance_share: '0' },
    ]));
    await conn.run(`delete from cfg_projection_scenario`);
    await insert(conn, 'cfg_projection_scenario', scenarios.map((s, i) => ({
      scenario: s.scenario, sort_order: i + 1, label_zh: s.scenario, description_zh: s.scenario, population: s.population ?? 'projected',
      prevalence_shift: s.prevalence_shift ?? '0', take_up_growth: s.take_up_growth ?? '0', unit_cost_growth: s.unit_cost_growth ?? '0',
      financing_growth: s.financing_growth ?? '0', benefit_level: s.benefit_level ?? '1',
    })));
    await conn.run(`update cfg_projection set horizon_years = ${horizon}`);
  };
}
