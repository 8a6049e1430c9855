// mart_fund_monthly and mart_fund_annual on the hand-made delivery of seed.ts.
import { describe, expect, it } from 'vitest';
import { writeSurplusBands, readThresholds } from '../../data-loaders/config.ts';
import { runModels } from '../../data-loaders/models.ts';
import { buildFixture, failedTests, insert } from './fixture.ts';
import { A, B, seedAll } from './seed.ts';

const MONTHLY_COLS = 'scheme, month, income_total, expenditure_benefits, expenditure_assessment, expenditure_operator, expenditure_total, net, cumulative_balance, has_flows';

describe('mart_fund_monthly', () => {
  it('adds up city A month by month: contribution paid the year before, reversal, a month with no flows', async () => {
    await buildFixture(seedAll, async ({ rows, tests }) => {
      expect(failedTests(tests)).toEqual([]);
      const got = await rows(`select ${MONTHLY_COLS} from mart_fund_monthly where city = '${A}' and scheme = 'resident' order by month`);
      expect(got).toEqual([
        // 2026-12: P1's 2027 contribution paid 2026-12-20: 2500 + 500 = 3000; A1's fee 20 (fund pays, scheme by nearest enrolment).
        { scheme: 'resident', month: '2026-12-01', income_total: '3000.00', expenditure_benefits: '0.00', expenditure_assessment: '20.00', expenditure_operator: '0.00', expenditure_total: '20.00', net: '2980.00', cumulative_balance: '2980.00', has_flows: true },
        // 2027-01: P2 (no paid_date → coverage_start) 2500 + 500 (corrected fiscal) + P3 2500 + 500 + 20 = 6020;
        // S1 700 + A2 fee 20 = 720; net 5300; 2980 + 5300 = 8280.
        { scheme: 'resident', month: '2027-01-01', income_total: '6020.00', expenditure_benefits: '700.00', expenditure_assessment: '20.00', expenditure_operator: '0.00', expenditure_total: '720.00', net: '5300.00', cumulative_balance: '8280.00', has_flows: true },
        // 2027-02: interest 1.50; S1R −700 + S2 630 = −70, A3 fee 20 → −50; net 51.50; 8331.50.
        { scheme: 'resident', month: '2027-02-01', income_total: '1.50', expenditure_benefits: '-70.00', expenditure_assessment: '20.00', expenditure_operator: '0.00', expenditure_total: '-50.00', net: '51.50', cumulative_balance: '8331.50', has_flows: true },
        // 2027-03: no flows at all — a row of zeros, the balance carried.
        { scheme: 'resident', month: '2027-03-01', income_total: '0.00', expenditure_benefits: '0.00', expenditure_assessment: '0.00', expenditure_operator: '0.00', expenditure_total: '0.00', net: '0.00', cumulative_balance: '8331.50', has_flows: false },
        // 2027-04: S3 280 + operator fee 0.60 = 280.60; 8331.50 − 280.60 = 8050.90.
        { scheme: 'resident', month: '2027-04-01', income_total: '0.00', expenditure_benefits: '280.00', expenditure_assessment: '0.00', expenditure_operator: '0.60', expenditure_total: '280.60', net: '-280.60', cumulative_balance: '8050.90', has_flows: true },
      ]);
      // City A has residents only: its `all` rows equal its resident rows.
      const all = await rows(`select ${MONTHLY_COLS.replace('scheme, ', '')} from mart_fund_monthly where city = '${A}' and scheme = 'all' order by month`);
      expect(all).toEqual(got.map(({ scheme: _s, ...r }) => r));
      // Income by source in 2027-01: medical fund 2500 + 2500, fiscal 500 + 500, other 20.
      const jan = await rows(`select income_individual, income_medical_fund, income_fiscal, income_employer, income_other from mart_fund_monthly where city = '${A}' and scheme = 'all' and month = '2027-01-01'`);
      expect(jan).toEqual([{ income_individual: '0.00', income_medical_fund: '5000.00', income_fiscal: '1000.00', income_employer: '0.00', income_other: '20.00' }]);
      // 12-month months payable in 2027-04: window 2026-12..2027-04 (5 months), expenditure 20 + 720 − 50 + 0 + 280.60 = 970.60;
      // 8050.90 × 5 / 970.60 = 41.47.
      const apr = await rows(`select months_in_12m_window, expenditure_12m, months_payable_12m, surplus_status_12m, expenditure_total_prev_month from mart_fund_monthly where city = '${A}' and scheme = 'all' and month = '2027-04-01'`);
      expect(apr).toEqual([{ months_in_12m_window: 5, expenditure_12m: '970.60', months_payable_12m: '41.47', surplus_status_12m: 'excessive', expenditure_total_prev_month: '0.00' }]);
    });
  });

  it('keeps one account in city B: scheme rows start at their first flow, `all` carries the months with no flows', async () => {
    await buildFixture(seedAll, async ({ rows }) => {
      const got = await rows(`select scheme, month, income_total, expenditure_total, cumulative_balance, status_basis from mart_fund_monthly where city = '${B}' order by scheme, month`);
      expect(got).toEqual([
        // all: Oct 40 (Q2 paid 2026-10-15 for 2027); Nov, Dec no flows; Jan Q1 200 + Q3 40 + lottery 1000 = 1240 → 1280;
        // Feb T1 600 + T2 200 + T3 40 = 840 → 440. R1's fee 50 is not paid by B's fund.
        { scheme: 'all', month: '2026-10-01', income_total: '40.00', expenditure_total: '0.00', cumulative_balance: '40.00', status_basis: 'scheme' },
        { scheme: 'all', month: '2026-11-01', income_total: '0.00', expenditure_total: '0.00', cumulative_balance: '40.00', status_basis: 'scheme' },
        { scheme: 'all', month: '2026-12-01', income_total: '0.00', expenditure_total: '0.00', cumulative_balance: '40.00', status_basis: 'scheme' },
        { scheme: 'all', month: '2027-01-01', income_total: '1240.00', expenditure_total: '0.00', cumulative_balance: '1280.00', status_basis: 'scheme' },
        { scheme: 'all', month: '2027-02-01', income_total: '0.00', expenditure_total: '840.00', cumulative_balance: '440.00', status_basis: 'scheme' },
        // employee: from Jan (Q1 100 + employer 100), Feb T1 600.
        { scheme: 'employee', month: '2027-01-01', income_total: '200.00', expenditure_total: '0.00', cumulative_balance: '200.00', status_basis: 'all' },
        { scheme: 'employee', month: '2027-02-01', income_total: '0.00', expenditure_total: '600.00', cumulative_balance: '-400.00', status_basis: 'all' },
        // resident: Oct 40, Jan Q3 40 + lottery 1000, Feb T2 200.
        { scheme: 'resident', month: '2026-10-01', income_total: '40.00', expenditure_total: '0.00', cumulative_balance: '40.00', status_basis: 'all' },
        { scheme: 'resident', month: '2026-11-01', income_total: '0.00', expenditure_total: '0.00', cumulative_balance: '40.00', status_basis: 'all' },
        { scheme: 'resident', month: '2026-12-01', income_total: '0.00', expenditure_total: '0.00', cumulative_balance: '40.00', status_basis: 'all' },
        { scheme: 'resident', month: '2027-01-01', income_total: '1040.00', expenditure_total: '0.00', cumulative_balance: '1080.00', status_basis: 'all' },
        { scheme: 'resident', month: '2027-02-01', income_total: '0.00', expenditure_total: '200.00', cumulative_balance: '880.00', status_basis: 'all' },
        // unassigned: T3 (X9 not enrolled, two schemes in force), Feb 40.
        { scheme: 'unassigned', month: '2027-02-01', income_total: '0.00', expenditure_total: '40.00', cumulative_balance: '-40.00', status_basis: 'all' },
      ]);
    });
  });
});

const ANNUAL_COLS = 'scheme, year, income_total, expenditure_total, net, balance_end, surplus_rate, months_payable, surplus_status, scheme_own_status, status_basis, months_covered, year_complete';

describe('mart_fund_annual', () => {
  it('sums city A by calendar year of the flows and judges the surplus', async () => {
    await buildFixture(seedAll, async ({ rows }) => {
      expect(await rows(`select ${ANNUAL_COLS} from mart_fund_annual where city = '${A}' and scheme = 'all' order by year`)).toEqual([
        // 2026: 3000 in, 20 out; rate 2980 / 3000 = 0.99333 → 0.9933; M = 2980 × 12 / 20 = 1788 > 15 → excessive.
        { scheme: 'all', year: 2026, income_total: '3000.00', expenditure_total: '20.00', net: '2980.00', balance_end: '2980.00', surplus_rate: '0.9933', months_payable: '1788.00', surplus_status: 'excessive', scheme_own_status: 'excessive', status_basis: 'scheme', months_covered: 1, year_complete: false },
        // 2027: 6020 + 1.50 = 6021.50 in; 720 − 50 + 0 + 280.60 = 950.60 out; net 5070.90; end 2980 + 5070.90 = 8050.90;
        // rate 5070.90 / 6021.50 = 0.84213 → 0.8421; M = 8050.90 × 12 / 950.60 = 101.631 → 101.63 → excessive; Jan–Apr = 4 months.
        { scheme: 'all', year: 2027, income_total: '6021.50', expenditure_total: '950.60', net: '5070.90', balance_end: '8050.90', surplus_rate: '0.8421', months_payable: '101.63', surplus_status: 'excessive', scheme_own_status: 'excessive', status_basis: 'scheme', months_covered: 4, year_complete: false },
      ]);
    });
  });

  it('judges single-account city B on `all`: the employee fund alone is overdrawn, the account is reasonable', async () => {
    await buildFixture(seedAll, async ({ rows }) => {
      expect(await rows(`select ${ANNUAL_COLS}, status_months_payable from mart_fund_annual where city = '${B}' order by scheme, year`)).toEqual([
        // all 2026: 40 in, nothing out → M null → status null (balance not negative). Oct–Dec = 3 months.
        { scheme: 'all', year: 2026, income_total: '40.00', expenditure_total: '0.00', net: '40.00', balance_end: '40.00', surplus_rate: '1.0000', months_payable: null, surplus_status: null, scheme_own_status: null, status_basis: 'scheme', months_covered: 3, year_complete: false, status_months_payable: null },
        // all 2027: 1240 in, 840 out, net 400, end 440; rate 400 / 1240 = 0.32258 → 0.3226; M = 440 × 12 / 840 = 6.2857 → 6.29: 6 ≤ M ≤ 9 → reasonable.
        { scheme: 'all', year: 2027, income_total: '1240.00', expenditure_total: '840.00', net: '400.00', balance_end: '440.00', surplus_rate: '0.3226', months_payable: '6.29', surplus_status: 'reasonable', scheme_own_status: 'reasonable', status_basis: 'scheme', months_covered: 2, year_complete: false, status_months_payable: '6.29' },
        // employee 2027: 200 in, 600 out, end −400 → on its own overdrawn; judged on `all` → reasonable.
        // rate −400 / 200 = −2; M = −400 × 12 / 600 = −8.
        { scheme: 'employee', year: 2027, income_total: '200.00', expenditure_total: '600.00', net: '-400.00', balance_end: '-400.00', surplus_rate: '-2.0000', months_payable: '-8.00', surplus_status: 'reasonable', scheme_own_status: 'overdrawn', status_basis: 'all', months_covered: 2, year_complete: false, status_months_payable: '6.29' },
        { scheme: 'resident', year: 2026, income_total: '40.00', expenditure_total: '0.00', net: '40.00', balance_end: '40.00', surplus_rate: '1.0000', months_payable: null, surplus_status: null, scheme_own_status: null, status_basis: 'all', months_covered: 3, year_complete: false, status_months_payable: null },
        // resident 2027: 1040 in, 200 out, end 40 + 840 = 880; M = 880 × 12 / 200 = 52.8 → own status excessive.
        { scheme: 'resident', year: 2027, income_total: '1040.00', expenditure_total: '200.00', net: '840.00', balance_end: '880.00', surplus_rate: '0.8077', months_payable: '52.80', surplus_status: 'reasonable', scheme_own_status: 'excessive', status_basis: 'all', months_covered: 2, year_complete: false, status_months_payable: '6.29' },
        { scheme: 'unassigned', year: 2027, income_total: '0.00', expenditure_total: '40.00', net: '-40.00', balance_end: '-40.00', surplus_rate: null, months_payable: '-12.00', surplus_status: 'reasonable', scheme_own_status: 'overdrawn', status_basis: 'all', months_covered: 1, year_complete: false, status_months_payable: '6.29' },
      ]);
    });
  });

  it('puts each band edge in the band the spec gives, and follows cfg_surplus_band when the breaks change', async () => {
    // One city per case, one month: other_income X and other_expense 120 → balance X − 120, M = (X − 120) × 12 / 120 = (X − 120) / 10.
    const cases: [string, string, string | null][] = [
      ['990100', '100.00', 'overdrawn'], // balance −20
      ['990200', '149.90', 'insufficient'], // M = 2.99
      ['990300', '150.00', 'low'], // M = 3: 3 ≤ M < 6
      ['990400', '179.90', 'low'], // M = 5.99
      ['990500', '180.00', 'reasonable'], // M = 6
      ['990600', '210.00', 'reasonable'], // M = 9: 6 ≤ M ≤ 9
      ['990700', '210.10', 'high'], // M = 9.01
      ['990800', '270.00', 'high'], // M = 15: 9 < M ≤ 15
      ['990900', '270.10', 'excessive'], // M = 15.01
    ];
    const seed = async (conn: Parameters<typeof insert>[0]) => {
      await insert(conn, 'raw_ledger', cases.flatMap(([city, income], i) => [
        { entry_id: `in${i}`, admdvs: city, scheme: 'resident', entry_date: '2027-03-15', category: 'other_income', amount: income, load_id: 'l', source_file: 'f', source_line: i },
        { entry_id: `out${i}`, admdvs: city, scheme: 'resident', entry_date: '2027-03-20', category: 'other_expense', amount: '120.00', load_id: 'l', source_file: 'f', source_line: i },
      ]));
      // A city with income and no expenditure: M is null → status null.
      await insert(conn, 'raw_ledger', [{ entry_id: 'in-only', admdvs: '991000', scheme: 'resident', entry_date: '2027-03-15', category: 'donation', amount: '5.00', load_id: 'l', source_file: 'f', source_line: 99 }]);
    };
    await buildFixture(seed, async ({ conn, rows, tests }) => {
      expect(failedTests(tests)).toEqual([]);
      const statuses = async () => Object.fromEntries((await rows(`select city, surplus_status from mart_fund_annual where scheme = 'all' order by city`)).map((r) => [r.city, r.surplus_status]));
      expect(await statuses()).toEqual({ ...Object.fromEntries(cases.map(([c, , s]) => [c, s])), '991000': null });
      // Breaks 1 / 2 / 3 / 4 instead: M = 2.99 → reasonable (2 ≤ M ≤ 3); M = 3 → reasonable; M = 5.99, 6, 9 … → excessive (M > 4).
      const t = readThresholds();
      t.surplus_bands.breaks_months = [1, 2, 3, 4];
      await writeSurplusBands(conn, t);
      await runModels(conn);
      const after = await statuses();
      expect([after['990100'], after['990200'], after['990300'], after['990400'], after['990500']]).toEqual(['overdrawn', 'reasonable', 'reasonable', 'excessive', 'excessive']);
    });
  });
});
