// mart_city_comparison and mart_pilot_cities on the hand-made delivery of seed.ts.
import { describe, expect, it } from 'vitest';
import { buildFixture, failedTests } from './fixture.ts';
import { A, B, seedAll } from './seed.ts';

const COLS = 'scheme, year, participants, beneficiaries, beneficiaries_per_1000, financing_per_capita, income_total, expenditure_total, surplus_rate, months_payable, surplus_status, fund_share, fund_share_target, home_community_share';

describe('mart_city_comparison', () => {
  it('compares city A by year: coverage years for participants, contribution year for financing, cash years for the fund', async () => {
    await buildFixture(seedAll, async ({ rows, tests }) => {
      expect(failedTests(tests)).toEqual([]);
      expect(await rows(`select ${COLS} from mart_city_comparison where city = '${A}' and scheme = 'all' order by year`)).toEqual([
        // 2026: only cash (P1's 2027 contribution paid in 2026-12, A1's fee); nobody covered in 2026; no enrolment row with year 2026.
        { scheme: 'all', year: 2026, participants: 0, beneficiaries: 0, beneficiaries_per_1000: null, financing_per_capita: null, income_total: '3000.00', expenditure_total: '20.00', surplus_rate: '0.9933', months_payable: '1788.00', surplus_status: 'excessive', fund_share: null, fund_share_target: '0.7000', home_community_share: null },
        // 2027: P1, P2, P3 covered → 3; beneficiaries P1, P2 → 2 × 1000 / 3 = 666.67;
        // financing (3000 + 3000 + 3020) / 3 = 3006.67; fund (700 − 700 + 630 + 280) / eligible (1000 − 1000 + 900 + 400) = 910 / 1300 = 0.70;
        // home or community: P2 (home_medical_nursing) → 1 / 2 = 0.50.
        { scheme: 'all', year: 2027, participants: 3, beneficiaries: 2, beneficiaries_per_1000: '666.67', financing_per_capita: '3006.67', income_total: '6021.50', expenditure_total: '950.60', surplus_rate: '0.8421', months_payable: '101.63', surplus_status: 'excessive', fund_share: '0.7000', fund_share_target: '0.7000', home_community_share: '0.5000' },
      ]);
    });
  });

  it('compares city B by scheme, the status judged on the one account', async () => {
    await buildFixture(seedAll, async ({ rows }) => {
      expect(await rows(`select ${COLS}, status_basis from mart_city_comparison where city = '${B}' and year = 2027 order by scheme`)).toEqual([
        // all: Q1, Q2, Q3 covered; Q1, Q3, X9 served → 3 × 1000 / 3 = 1000; financing (200 + 40 + 40) / 3 = 93.33;
        // fund 840 / eligible 840 = 1; home or community: Q1 (home_visit), X9 (community_day) → 2 / 3 = 0.6667.
        { scheme: 'all', year: 2027, participants: 3, beneficiaries: 3, beneficiaries_per_1000: '1000.00', financing_per_capita: '93.33', income_total: '1240.00', expenditure_total: '840.00', surplus_rate: '0.3226', months_payable: '6.29', surplus_status: 'reasonable', fund_share: '1.0000', fund_share_target: '0.7000', home_community_share: '0.6667', status_basis: 'scheme' },
        { scheme: 'employee', year: 2027, participants: 1, beneficiaries: 1, beneficiaries_per_1000: '1000.00', financing_per_capita: '200.00', income_total: '200.00', expenditure_total: '600.00', surplus_rate: '-2.0000', months_payable: '-8.00', surplus_status: 'reasonable', fund_share: '1.0000', fund_share_target: '0.7000', home_community_share: '1.0000', status_basis: 'all' },
        // resident: Q2, Q3 covered, Q3 served → 500; financing (40 + 40) / 2 = 40.
        { scheme: 'resident', year: 2027, participants: 2, beneficiaries: 1, beneficiaries_per_1000: '500.00', financing_per_capita: '40.00', income_total: '1040.00', expenditure_total: '200.00', surplus_rate: '0.8077', months_payable: '52.80', surplus_status: 'reasonable', fund_share: '1.0000', fund_share_target: '0.7000', home_community_share: '0.0000', status_basis: 'all' },
        // unassigned: X9 served, no participants → per 1000 null.
        { scheme: 'unassigned', year: 2027, participants: 0, beneficiaries: 1, beneficiaries_per_1000: null, financing_per_capita: null, income_total: '0.00', expenditure_total: '40.00', surplus_rate: null, months_payable: '-12.00', surplus_status: 'reasonable', fund_share: '1.0000', fund_share_target: '0.7000', home_community_share: '1.0000', status_basis: 'all' },
      ]);
    });
  });
});

describe('mart_pilot_cities', () => {
  it('lists every national pilot, marks those with data, and adds data cities that are not national pilots', async () => {
    await buildFixture(seedAll, async ({ rows }) => {
      expect(await rows(`select city_name, city, national_pilot, has_data, data_first_month, data_last_month, policy_schemes from mart_pilot_cities order by national_pilot desc, city_name`)).toEqual([
        // 济宁: first activity 2026-12 (P1's contribution, A1's application), last 2027-04 (ledger L2).
        { city_name: '济宁市', city: A, national_pilot: true, has_data: true, data_first_month: '2026-12-01', data_last_month: '2027-04-01', policy_schemes: 'resident' },
        { city_name: '石景山区', city: null, national_pilot: true, has_data: false, data_first_month: null, data_last_month: null, policy_schemes: null },
        { city_name: '苏州市', city: '320500', national_pilot: true, has_data: false, data_first_month: null, data_last_month: null, policy_schemes: null },
        // 连云港 is not in the national list: first activity Q2's payment 2026-10, last T3's service month 2027-02.
        { city_name: '连云港市', city: B, national_pilot: false, has_data: true, data_first_month: '2026-10-01', data_last_month: '2027-02-01', policy_schemes: 'employee,resident' },
      ]);
    });
  });
});
