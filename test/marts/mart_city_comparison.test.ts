// mart_city_comparison and mart_pilot_cities on the hand-made delivery of seed.ts.
import { describe, expect, it } from 'vitest';
import { buildFixture, failedTests } from './fixture.ts';
import { A, B, seedAll } from './seed.ts';

const COLS = 'scheme, year, participants, participants_year_end, beneficiaries, beneficiaries_per_1000, financing_per_capita, financing_per_enrolled, designated_institutions, caregivers, income_total, expenditure_total, surplus_rate, months_payable, surplus_status, status_note, fund_share, fund_share_target, home_community_share';

describe('mart_city_comparison', () => {
  it('compares city A by year: the bulletin indicators, each by the year of its own definition', async () => {
    await buildFixture(seedAll, async ({ rows, tests }) => {
      expect(failedTests(tests)).toEqual([]);
      expect(await rows(`select ${COLS} from mart_city_comparison where city = '${A}' and scheme = 'all' order by year`)).toEqual([
        // 2026: only cash (P1's 2027 contribution paid in 2026-12, A1's fee); nobody covered in 2026; no enrolment row with year 2026.
        // Designated on 2026-12-31: I1, I2, I3 → 3. M = 3980 × 1 / 20 = 199.00, one month with expenditure → no status.
        { scheme: 'all', year: 2026, participants: 0, participants_year_end: 0, beneficiaries: 0, beneficiaries_per_1000: null, financing_per_capita: null, financing_per_enrolled: null,
          designated_institutions: 3, caregivers: 0, income_total: '3000.00', expenditure_total: '20.00', surplus_rate: '0.9933', months_payable: '199.00', surplus_status: null,
          status_note: 'few_expenditure_months', fund_share: null, fund_share_target: '0.7000', home_community_share: null },
        // 2027: P1–P4 covered on some day → 4; on the reference date 2027-04-30 (the data's last day) P4 no longer (to 2027-03-31) → 3.
        // Beneficiaries P1 (S2 stands after S1's reversal) and P2; P3's only settlement S5 was reversed → 2; 2 × 1000 / 4 = 500.
        // Financing (3000 + 3000 + 3020 + 0) = 9020 over the 3 financed → 3006.67; over all 4 on year-2027 rows → 2255.00.
        // Designated on 2027-04-30: I1, I2 (I3's agreement ended 2027-03-31) → 2. No home visits in A → 0 caregivers.
        // Fund (700 − 700 + 630 + 280 + 70 − 70) / eligible (1000 − 1000 + 900 + 400 + 100 − 100) = 910 / 1300 = 0.70;
        // home or community: P2 (home_medical_nursing) → 1 / 2 = 0.50.
        { scheme: 'all', year: 2027, participants: 4, participants_year_end: 3, beneficiaries: 2, beneficiaries_per_1000: '500.00', financing_per_capita: '3006.67', financing_per_enrolled: '2255.00',
          designated_institutions: 2, caregivers: 0, income_total: '6021.50', expenditure_total: '950.60', surplus_rate: '0.8421', months_payable: '19.04', surplus_status: null,
          status_note: 'few_expenditure_months', fund_share: '0.7000', fund_share_target: '0.7000', home_community_share: '0.5000' },
      ]);
    });
  });

  it('compares city B by scheme: financing per financed participant beside the diluted figure; the settlement of no scheme only in `all`', async () => {
    await buildFixture(seedAll, async ({ rows }) => {
      expect(await rows(`select ${COLS}, status_basis, is_fund from mart_city_comparison where city = '${B}' and year = 2027 order by scheme`)).toEqual([
        // all: Q1–Q4 covered, also at 2027-04-30; Q1, Q3, X9 served → 3 × 1000 / 4 = 750; financing 200 + 40 + 40 + 0 = 280:
        // 280 / 3 financed = 93.33, 280 / 4 enrolled (Q4, a minor, "暂不单独筹资") = 70.00. Designated J1, J2; caregivers C01, C02 (V4 has none).
        // fund 840 / eligible 840 = 1; home or community: Q1 (home_visit), X9 (community_day) → 2 / 3 = 0.6667.
        // M = 440 × 1 / 840 = 0.52 on one month with expenditure → not judged.
        { scheme: 'all', year: 2027, participants: 4, participants_year_end: 4, beneficiaries: 3, beneficiaries_per_1000: '750.00', financing_per_capita: '93.33', financing_per_enrolled: '70.00',
          designated_institutions: 2, caregivers: 2, income_total: '1240.00', expenditure_total: '840.00', surplus_rate: '0.3226', months_payable: '0.52', surplus_status: null, status_note: 'few_expenditure_months',
          fund_share: '1.0000', fund_share_target: '0.7000', home_community_share: '0.6667', status_basis: 'own', is_fund: true },
        // employee: balance −400 → no months payable; the account's note.
        { scheme: 'employee', year: 2027, participants: 1, participants_year_end: 1, beneficiaries: 1, beneficiaries_per_1000: '1000.00', financing_per_capita: '200.00', financing_per_enrolled: '200.00',
          designated_institutions: 2, caregivers: 2, income_total: '200.00', expenditure_total: '600.00', surplus_rate: '-2.0000', months_payable: null, surplus_status: null, status_note: 'few_expenditure_months',
          fund_share: '1.0000', fund_share_target: '0.7000', home_community_share: '1.0000', status_basis: 'account', is_fund: false },
        // resident: Q2, Q3, Q4 covered, Q3 served → 333.33; 80 / 2 financed = 40.00 (the policy's 20 + 20), 80 / 3 = 26.67 diluted.
        { scheme: 'resident', year: 2027, participants: 3, participants_year_end: 3, beneficiaries: 1, beneficiaries_per_1000: '333.33', financing_per_capita: '40.00', financing_per_enrolled: '26.67',
          designated_institutions: 2, caregivers: 2, income_total: '1040.00', expenditure_total: '200.00', surplus_rate: '0.8077', months_payable: '4.40', surplus_status: null, status_note: 'few_expenditure_months',
          fund_share: '1.0000', fund_share_target: '0.7000', home_community_share: '0.0000', status_basis: 'account', is_fund: false },
      ]);
    });
  });

  it('offers no scheme `unassigned` in any mart', async () => {
    await buildFixture(seedAll, async ({ rows }) => {
      const marts = ['mart_fund_monthly', 'mart_fund_annual', 'mart_fund_item_monthly', 'mart_city_comparison', 'mart_service_type', 'mart_district', 'mart_beneficiary_profile', 'mart_beneficiary_level'];
      const got = await rows(marts.map((m) => `select '${m}' as mart, count(*)::integer as n from ${m} where scheme not in ('employee', 'resident', 'all')`).join(' union all ') + ' order by mart');
      expect(got.every((r) => r.n === 0)).toBe(true);
      expect(got).toHaveLength(marts.length);
    });
  });
});

describe('mart_pilot_cities', () => {
  it('lists every national pilot, marks those with data, and adds data cities that are not national pilots', async () => {
    await buildFixture(seedAll, async ({ rows }) => {
      expect(await rows(`select city_name, city, national_pilot, has_data, data_first_month, data_last_month, policy_schemes from mart_pilot_cities order by national_pilot desc, city_name`)).toEqual([
        // 济宁: first activity 2026-12 (P1's contribution, A1's application), last 2027-04 (ledger L2).
        // (L0, A's opening balance dated 2026-11-30, is no activity of 2026-11)
        { city_name: '济宁市', city: A, national_pilot: true, has_data: true, data_first_month: '2026-12-01', data_last_month: '2027-04-01', policy_schemes: 'resident' },
        { city_name: '石景山区', city: null, national_pilot: true, has_data: false, data_first_month: null, data_last_month: null, policy_schemes: null },
        { city_name: '苏州市', city: '320500', national_pilot: true, has_data: false, data_first_month: null, data_last_month: null, policy_schemes: null },
        // 连云港 is not in the national list: first activity Q2's payment 2026-10, last T3's service month 2027-02.
        { city_name: '连云港市', city: B, national_pilot: false, has_data: true, data_first_month: '2026-10-01', data_last_month: '2027-02-01', policy_schemes: 'employee,resident' },
      ]);
    });
  });
});
