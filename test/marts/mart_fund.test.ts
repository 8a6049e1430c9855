// mart_fund_monthly and mart_fund_annual on the hand-made delivery of seed.ts, and on ledger-only
// cities made for one rule each: the opening balance, the months with expenditure, the two words
// (收不抵支 for the period, 累计结余穿底 for the balance) and which rows are funds.
import { describe, expect, it } from 'vitest';
import { writeSurplusBands, readThresholds } from '../../data-loaders/config.ts';
import { runModels } from '../../data-loaders/models.ts';
import { buildFixture, failedTests, insert, judgeOnMonths, type Row } from './fixture.ts';
import { A, B, seedAll, seedPolicies, seedRaw } from './seed.ts';

const MONTHLY_COLS = 'scheme, month, income_total, expenditure_benefits, expenditure_assessment, expenditure_operator, expenditure_total, net, cumulative_balance, has_flows';

describe('mart_fund_monthly', () => {
  it('adds up city A month by month from its opening balance: contribution paid the year before, reversal, a month with no flows', async () => {
    await buildFixture(seedAll, async ({ conn, rows, tests }) => {
      expect(failedTests(tests)).toEqual([]);
      const got = await rows(`select ${MONTHLY_COLS} from mart_fund_monthly where city = '${A}' and scheme = 'resident' order by month`);
      expect(got).toEqual([
        // 2026-12: opening balance L0 1000.00 (dated 2026-11-30); P1's 2027 contribution paid 2026-12-20: 2500 + 500 = 3000;
        // A1's fee 20 (fund pays, scheme by nearest enrolment); net 2980; 1000 + 2980 = 3980.
        { scheme: 'resident', month: '2026-12-01', income_total: '3000.00', expenditure_benefits: '0.00', expenditure_assessment: '20.00', expenditure_operator: '0.00', expenditure_total: '20.00', net: '2980.00', cumulative_balance: '3980.00', has_flows: true },
        // 2027-01: P2 (no paid_date → coverage_start) 2500 + 500 (corrected fiscal) + P3 2500 + 500 + 20 = 6020 (P4 pays nothing);
        // S1 700 + A2 fee 20 = 720; net 5300; 3980 + 5300 = 9280.
        { scheme: 'resident', month: '2027-01-01', income_total: '6020.00', expenditure_benefits: '700.00', expenditure_assessment: '20.00', expenditure_operator: '0.00', expenditure_total: '720.00', net: '5300.00', cumulative_balance: '9280.00', has_flows: true },
        // 2027-02: interest 1.50; S1R −700 + S2 630 = −70, A3 fee 20 → −50; net 51.50; 9331.50.
        { scheme: 'resident', month: '2027-02-01', income_total: '1.50', expenditure_benefits: '-70.00', expenditure_assessment: '20.00', expenditure_operator: '0.00', expenditure_total: '-50.00', net: '51.50', cumulative_balance: '9331.50', has_flows: true },
        // 2027-03: no flows at all — a row of zeros, the balance carried.
        { scheme: 'resident', month: '2027-03-01', income_total: '0.00', expenditure_benefits: '0.00', expenditure_assessment: '0.00', expenditure_operator: '0.00', expenditure_total: '0.00', net: '0.00', cumulative_balance: '9331.50', has_flows: false },
        // 2027-04: S3 280 + S5 70 + S5R −70 = 280, operator fee 0.60 → 280.60; 9331.50 − 280.60 = 9050.90.
        { scheme: 'resident', month: '2027-04-01', income_total: '0.00', expenditure_benefits: '280.00', expenditure_assessment: '0.00', expenditure_operator: '0.60', expenditure_total: '280.60', net: '-280.60', cumulative_balance: '9050.90', has_flows: true },
      ]);
      // City A has residents only: its `all` rows equal its resident rows.
      const all = await rows(`select ${MONTHLY_COLS.replace('scheme, ', '')} from mart_fund_monthly where city = '${A}' and scheme = 'all' order by month`);
      expect(all).toEqual(got.map(({ scheme: _s, ...r }) => r));
      // Income by source in 2027-01: medical fund 2500 + 2500, fiscal 500 + 500, other 20.
      const jan = await rows(`select income_individual, income_medical_fund, income_fiscal, income_employer, income_other from mart_fund_monthly where city = '${A}' and scheme = 'all' and month = '2027-01-01'`);
      expect(jan).toEqual([{ income_individual: '0.00', income_medical_fund: '5000.00', income_fiscal: '1000.00', income_employer: '0.00', income_other: '20.00' }]);
      // 2027-04, rolling 12 months: window 2026-12..2027-04 (5 months); expenditure 20 + 720 − 50 + 0 + 280.60 = 970.60 in
      // 3 months with expenditure (Dec, Jan, Apr: Feb's −50 and Mar's 0 are none): M = 9050.90 × 3 / 970.60 = 27.975 → 27.98.
      // Three months are fewer than the six config/thresholds.json asks: no status, and the note says why.
      // Year to date: 6020 + 1.50 = 6021.50 in, 720 − 50 + 280.60 = 950.60 out: no deficit.
      const apr = `select opening_balance, balance_known, months_in_12m_window, expenditure_months_12m, expenditure_12m, months_payable_12m, surplus_status_12m, status_note_12m,
        deficit_ytd, expenditure_total_prev_month from mart_fund_monthly where city = '${A}' and scheme = 'all' and month = '2027-04-01'`;
      expect(await rows(apr)).toEqual([{ opening_balance: '1000.00', balance_known: true, months_in_12m_window: 5, expenditure_months_12m: 3, expenditure_12m: '970.60', months_payable_12m: '27.98',
        surplus_status_12m: null, status_note_12m: 'few_expenditure_months', deficit_ytd: false, expenditure_total_prev_month: '0.00' }]);
      // the year-to-date sums' one home is mart_fund_item_monthly.ytd
      expect(await rows(`select item, ytd from mart_fund_item_monthly where city = '${A}' and scheme = 'all' and month = '2027-04-01'
        and item in ('income_total', 'expenditure_total') order by item`))
        .toEqual([{ item: 'expenditure_total', ytd: '950.60' }, { item: 'income_total', ytd: '6021.50' }]);
      // Judged on 3 months: 27.98 > 15 → excessive. The status comes from the resident fund (A has one scheme).
      await judgeOnMonths(conn, 3);
      expect(await rows(`select surplus_status_12m, status_note_12m, status_basis from mart_fund_monthly where city = '${A}' and scheme = 'all' and month = '2027-04-01'`))
        .toEqual([{ surplus_status_12m: 'excessive', status_note_12m: null, status_basis: 'scheme' }]);
    });
  });

  it('has no balance for city A without its opening balance: A\'s policy dates from 2022, its first flow here is 2026-12', async () => {
    const withoutOpening = async (conn: Parameters<typeof seedAll>[0]) => {
      await seedAll(conn);
      await conn.run(`delete from raw_ledger where entry_id = 'L0'`);
    };
    await buildFixture(withoutOpening, async ({ conn, rows, tests }) => {
      expect(failedTests(tests)).toEqual([]);
      // The flows are the same (cumulative_net 2980 … 8050.90); the balance and everything built on it are unknown.
      expect(await rows(`select month, cumulative_net, cumulative_balance, opening_required, balance_known, months_payable_12m, surplus_status_12m, status_note_12m
        from mart_fund_monthly where city = '${A}' and scheme = 'resident' and month in ('2026-12-01', '2027-04-01') order by month`)).toEqual([
        { month: '2026-12-01', cumulative_net: '2980.00', cumulative_balance: null, opening_required: true, balance_known: false, months_payable_12m: null, surplus_status_12m: null, status_note_12m: 'opening_balance_missing' },
        { month: '2027-04-01', cumulative_net: '8050.90', cumulative_balance: null, opening_required: true, balance_known: false, months_payable_12m: null, surplus_status_12m: null, status_note_12m: 'opening_balance_missing' },
      ]);
      // However few months a rule asks for, an unknown balance is not judged.
      await judgeOnMonths(conn, 1);
      expect(await rows(`select year, balance_end, months_payable, surplus_status, status_note from mart_fund_annual where city = '${A}' and scheme = 'resident' order by year`)).toEqual([
        { year: 2026, balance_end: null, months_payable: null, surplus_status: null, status_note: 'opening_balance_missing' },
        { year: 2027, balance_end: null, months_payable: null, surplus_status: null, status_note: 'opening_balance_missing' },
      ]);
    });
  });

  it('keeps one account in city B: scheme rows start at their first flow, `all` carries the months with no flows and the unassigned settlement', async () => {
    await buildFixture(seedAll, async ({ rows }) => {
      const got = await rows(`select scheme, month, income_total, expenditure_total, cumulative_balance, unassigned_fund_amt, status_basis, is_fund from mart_fund_monthly where city = '${B}' order by scheme, month`);
      expect(got).toEqual([
        // all: Oct 40 (Q2 paid 2026-10-15 for 2027); Nov, Dec no flows; Jan Q1 200 + Q3 40 + lottery 1000 = 1240 → 1280;
        // Feb T1 600 + T2 200 + T3 40 = 840 → 440. R1's fee 50 is not paid by B's fund. T3 (X9, no enrolment, two
        // schemes in force) is no scheme's: it counts here only. B's policies date from 2026-10, its first flow month.
        { scheme: 'all', month: '2026-10-01', income_total: '40.00', expenditure_total: '0.00', cumulative_balance: '40.00', unassigned_fund_amt: '0.00', status_basis: 'own', is_fund: true },
        { scheme: 'all', month: '2026-11-01', income_total: '0.00', expenditure_total: '0.00', cumulative_balance: '40.00', unassigned_fund_amt: '0.00', status_basis: 'own', is_fund: true },
        { scheme: 'all', month: '2026-12-01', income_total: '0.00', expenditure_total: '0.00', cumulative_balance: '40.00', unassigned_fund_amt: '0.00', status_basis: 'own', is_fund: true },
        { scheme: 'all', month: '2027-01-01', income_total: '1240.00', expenditure_total: '0.00', cumulative_balance: '1280.00', unassigned_fund_amt: '0.00', status_basis: 'own', is_fund: true },
        { scheme: 'all', month: '2027-02-01', income_total: '0.00', expenditure_total: '840.00', cumulative_balance: '440.00', unassigned_fund_amt: '40.00', status_basis: 'own', is_fund: true },
        // employee: from Jan (Q1 100 + employer 100), Feb T1 600. An accounting split of the account.
        { scheme: 'employee', month: '2027-01-01', income_total: '200.00', expenditure_total: '0.00', cumulative_balance: '200.00', unassigned_fund_amt: '0.00', status_basis: 'account', is_fund: false },
        { scheme: 'employee', month: '2027-02-01', income_total: '0.00', expenditure_total: '600.00', cumulative_balance: '-400.00', unassigned_fund_amt: '0.00', status_basis: 'account', is_fund: false },
        // resident: Oct 40, Jan Q3 40 + lottery 1000, Feb T2 200.
        { scheme: 'resident', month: '2026-10-01', income_total: '40.00', expenditure_total: '0.00', cumulative_balance: '40.00', unassigned_fund_amt: '0.00', status_basis: 'account', is_fund: false },
        { scheme: 'resident', month: '2026-11-01', income_total: '0.00', expenditure_total: '0.00', cumulative_balance: '40.00', unassigned_fund_amt: '0.00', status_basis: 'account', is_fund: false },
        { scheme: 'resident', month: '2026-12-01', income_total: '0.00', expenditure_total: '0.00', cumulative_balance: '40.00', unassigned_fund_amt: '0.00', status_basis: 'account', is_fund: false },
        { scheme: 'resident', month: '2027-01-01', income_total: '1040.00', expenditure_total: '0.00', cumulative_balance: '1080.00', unassigned_fund_amt: '0.00', status_basis: 'account', is_fund: false },
        { scheme: 'resident', month: '2027-02-01', income_total: '0.00', expenditure_total: '200.00', cumulative_balance: '880.00', unassigned_fund_amt: '0.00', status_basis: 'account', is_fund: false },
      ]);
      expect(await rows(`select unassigned_settlements from mart_fund_monthly where city = '${B}' and scheme = 'all' and month = '2027-02-01'`)).toEqual([{ unassigned_settlements: 1 }]);
    });
  });
});

const ANNUAL_COLS = 'scheme, year, income_total, expenditure_total, net, deficit, balance_start, balance_end, surplus_rate, expenditure_months, months_payable, surplus_status, status_note, status_basis, is_fund, months_covered, year_complete';

describe('mart_fund_annual', () => {
  it('sums city A by calendar year from its opening balance; months payable on the months with expenditure, not judged on fewer than six', async () => {
    await buildFixture(seedAll, async ({ conn, rows }) => {
      expect(await rows(`select ${ANNUAL_COLS} from mart_fund_annual where city = '${A}' and scheme = 'resident' order by year`)).toEqual([
        // 2026 (December only): 3000 in, 20 out; starts from the opening 1000, ends 3980; rate 2980 / 3000 = 0.9933;
        // one month with expenditure: M = 3980 × 1 / 20 = 199.00; 1 < 6 → no status.
        { scheme: 'resident', year: 2026, income_total: '3000.00', expenditure_total: '20.00', net: '2980.00', deficit: false, balance_start: '1000.00', balance_end: '3980.00', surplus_rate: '0.9933',
          expenditure_months: 1, months_payable: '199.00', surplus_status: null, status_note: 'few_expenditure_months', status_basis: 'own', is_fund: true, months_covered: 1, year_complete: false },
        // 2027 (Jan–Apr): 6021.50 in; 720 − 50 + 0 + 280.60 = 950.60 out; net 5070.90; end 3980 + 5070.90 = 9050.90;
        // rate 5070.90 / 6021.50 = 0.8421; months with expenditure: Jan and Apr (Feb −50, Mar 0) → 950.60 / 2 = 475.30 a month;
        // M = 9050.90 × 2 / 950.60 = 19.04 (not 9050.90 × 12 / 950.60 = 114.25 as a whole year); 2 < 6 → no status.
        { scheme: 'resident', year: 2027, income_total: '6021.50', expenditure_total: '950.60', net: '5070.90', deficit: false, balance_start: '3980.00', balance_end: '9050.90', surplus_rate: '0.8421',
          expenditure_months: 2, months_payable: '19.04', surplus_status: null, status_note: 'few_expenditure_months', status_basis: 'own', is_fund: true, months_covered: 4, year_complete: false },
      ]);
      expect(await rows(`select avg_monthly_expenditure from mart_fund_annual where city = '${A}' and scheme = 'resident' and year = 2027`)).toEqual([{ avg_monthly_expenditure: '475.30' }]);
      // A has one scheme: its `all` row carries the resident fund's status and is not a second fund.
      await judgeOnMonths(conn, 2);
      expect(await rows(`select scheme, year, months_payable, surplus_status, status_note, status_basis, is_fund from mart_fund_annual where city = '${A}' and year = 2027 order by scheme`)).toEqual([
        // 19.04 > 15 → excessive
        { scheme: 'all', year: 2027, months_payable: '19.04', surplus_status: 'excessive', status_note: null, status_basis: 'scheme', is_fund: false },
        { scheme: 'resident', year: 2027, months_payable: '19.04', surplus_status: 'excessive', status_note: null, status_basis: 'own', is_fund: true },
      ]);
    });
  });

  it('judges single-account city B once, on the account; no negative months payable anywhere', async () => {
    await buildFixture(seedAll, async ({ conn, rows }) => {
      await judgeOnMonths(conn, 1);
      expect(await rows(`select ${ANNUAL_COLS}, scheme_own_status, status_months_payable from mart_fund_annual where city = '${B}' order by scheme, year`)).toEqual([
        // all 2026 (Oct–Dec): 40 in, nothing out → no M, no status (the balance is not negative).
        { scheme: 'all', year: 2026, income_total: '40.00', expenditure_total: '0.00', net: '40.00', deficit: false, balance_start: '0.00', balance_end: '40.00', surplus_rate: '1.0000',
          expenditure_months: 0, months_payable: null, surplus_status: null, status_note: 'no_expenditure', status_basis: 'own', is_fund: true, months_covered: 3, year_complete: false, scheme_own_status: null, status_months_payable: null },
        // all 2027: 1240 in, 840 out (all in Feb: one month), net 400, end 440; rate 400 / 1240 = 0.3226; M = 440 × 1 / 840 = 0.52 < 3 → insufficient.
        { scheme: 'all', year: 2027, income_total: '1240.00', expenditure_total: '840.00', net: '400.00', deficit: false, balance_start: '40.00', balance_end: '440.00', surplus_rate: '0.3226',
          expenditure_months: 1, months_payable: '0.52', surplus_status: 'insufficient', status_note: null, status_basis: 'own', is_fund: true, months_covered: 2, year_complete: false, scheme_own_status: 'insufficient', status_months_payable: '0.52' },
        // employee 2027: 200 in, 600 out, end −400: on its own 累计结余穿底 (overdrawn) with no months payable (not −8);
        // in deficit (200 < 600); judged on the account → insufficient.
        { scheme: 'employee', year: 2027, income_total: '200.00', expenditure_total: '600.00', net: '-400.00', deficit: true, balance_start: '0.00', balance_end: '-400.00', surplus_rate: '-2.0000',
          expenditure_months: 1, months_payable: null, surplus_status: 'insufficient', status_note: null, status_basis: 'account', is_fund: false, months_covered: 2, year_complete: false, scheme_own_status: 'overdrawn', status_months_payable: '0.52' },
        { scheme: 'resident', year: 2026, income_total: '40.00', expenditure_total: '0.00', net: '40.00', deficit: false, balance_start: '0.00', balance_end: '40.00', surplus_rate: '1.0000',
          expenditure_months: 0, months_payable: null, surplus_status: null, status_note: 'no_expenditure', status_basis: 'account', is_fund: false, months_covered: 3, year_complete: false, scheme_own_status: null, status_months_payable: null },
        // resident 2027: 1040 in, 200 out, end 880; M = 880 × 1 / 200 = 4.40 (own status low); the account's: insufficient.
        { scheme: 'resident', year: 2027, income_total: '1040.00', expenditure_total: '200.00', net: '840.00', deficit: false, balance_start: '40.00', balance_end: '880.00', surplus_rate: '0.8077',
          expenditure_months: 1, months_payable: '4.40', surplus_status: 'insufficient', status_note: null, status_basis: 'account', is_fund: false, months_covered: 2, year_complete: false, scheme_own_status: 'low', status_months_payable: '0.52' },
      ]);
      // The settlement of no scheme (T3, 40.00) is in the account's expenditure, and no row is `unassigned`.
      expect(await rows(`select unassigned_settlements, unassigned_fund_amt from mart_fund_annual where city = '${B}' and scheme = 'all' and year = 2027`)).toEqual([{ unassigned_settlements: 1, unassigned_fund_amt: '40.00' }]);
      expect(await rows(`select count(*)::integer as n from mart_fund_annual where scheme not in ('employee', 'resident', 'all') or months_payable < 0`)).toEqual([{ n: 0 }]);
    });
  });

  it('puts each band edge in the band the spec gives, and follows cfg_surplus_band when the breaks change', async () => {
    // One city per case, one month: other_income X and other_expense 120 → balance X − 120, M = (X − 120) × 1 / 120.
    const cases: [string, string, string | null][] = [
      ['990100', '100.00', 'overdrawn'], // balance −20
      ['990200', '478.80', 'insufficient'], // M = 358.80 / 120 = 2.99
      ['990300', '480.00', 'low'], // M = 3: 3 ≤ M < 6
      ['990400', '838.80', 'low'], // M = 5.99
      ['990500', '840.00', 'reasonable'], // M = 6
      ['990600', '1200.00', 'reasonable'], // M = 9: 6 ≤ M ≤ 9
      ['990700', '1201.20', 'high'], // M = 9.01
      ['990800', '1920.00', 'high'], // M = 15: 9 < M ≤ 15
      ['990900', '1921.20', 'excessive'], // M = 15.01
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
      const statuses = async () => Object.fromEntries((await rows(`select city, surplus_status from mart_fund_annual where scheme = 'resident' order by city`)).map((r) => [r.city, r.surplus_status]));
      // With the default six months, only the balance below zero is judged.
      expect(await statuses()).toEqual({ ...Object.fromEntries(cases.map(([c]) => [c, null])), '990100': 'overdrawn', '991000': null });
      await judgeOnMonths(conn, 1);
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

// Ledger-only cities, each a case of one rule (2027). Their policies date from 2020, before their first flow,
// so they need an opening balance; F and G have no policy (nothing says they began earlier).
const POLICY = {
  city_name: 'x', province: 'x', document_no: 'doc', document_title: 'title', effective_to: null, single_account: false, min_level: 3, min_disability_months: 6,
  benefit_start_offset_days: 1, reassessment_months: null, waiting_period_months: null, assessment_fee_from_fund: false, operator_fee_ratio: null,
  effective_from: '2020-01-01', benefits_from: '2020-01-01', source_file: 'fixture',
};
const D = '991100'; // opening 900; Jan–Jun 100 in and 100 out each month
const D2 = '991200'; // the same flows, no opening balance
const E = '991300'; // opening 1500; Jan–Jun 90 in, 100 out: a deficit under a high balance
const F = '991400'; // no policy; 1000 in (Oct), 100 out in Oct, Nov, Dec: a three-month year
const G = '991500'; // no policy; 100 in, 300 out in January: below zero
const H = '991600'; // employee and resident in separate accounts, opening 600 each; Jan–Jun 100 in, 100 out each
const J = '991700'; // a 50 expense in 2026-06 (an old assessment fee, say), then opening 1000 as of 2026-12-31; Jan–Jun 100 in, 100 out

function ledger(city: string, scheme: string, entries: [string, string, string][]): Row[] {
  return entries.map(([date, category, amount], i) => ({ entry_id: `${city}-${scheme}-${i}`, admdvs: city, scheme, entry_date: date, category, amount, load_id: 'l', source_file: 'f', source_line: i }));
}
const firstHalf = (income: string, expense: string): [string, string, string][] =>
  ['01', '02', '03', '04', '05', '06'].flatMap((m) => [[`2027-${m}-10`, 'other_income', income], [`2027-${m}-20`, 'other_expense', expense]] as [string, string, string][]);

async function seedCases(conn: Parameters<typeof insert>[0]): Promise<void> {
  await insert(conn, 'policy_scheme', [
    ...[D, D2, E].map((city) => ({ ...POLICY, policy_id: `p-${city}`, city, scheme: 'resident' })),
    { ...POLICY, policy_id: `p-${H}-e`, city: H, scheme: 'employee' },
    { ...POLICY, policy_id: `p-${H}-r`, city: H, scheme: 'resident' },
    { ...POLICY, policy_id: `p-${J}`, city: J, scheme: 'resident' },
  ]);
  await insert(conn, 'raw_ledger', [
    ...ledger(D, 'resident', [['2026-12-31', 'opening_balance', '900.00'], ...firstHalf('100.00', '100.00')]),
    ...ledger(D2, 'resident', firstHalf('100.00', '100.00')),
    ...ledger(E, 'resident', [['2026-12-31', 'opening_balance', '1500.00'], ...firstHalf('90.00', '100.00')]),
    ...ledger(F, 'resident', [['2027-10-05', 'other_income', '1000.00'], ['2027-10-20', 'other_expense', '100.00'], ['2027-11-20', 'other_expense', '100.00'], ['2027-12-20', 'other_expense', '100.00']]),
    ...ledger(G, 'resident', [['2027-01-05', 'other_income', '100.00'], ['2027-01-20', 'other_expense', '300.00']]),
    ...ledger(H, 'employee', [['2026-12-31', 'opening_balance', '600.00'], ...firstHalf('100.00', '100.00')]),
    ...ledger(H, 'resident', [['2026-12-31', 'opening_balance', '600.00'], ...firstHalf('100.00', '100.00')]),
    ...ledger(J, 'resident', [['2026-06-15', 'other_expense', '50.00'], ['2026-12-31', 'opening_balance', '1000.00'], ...firstHalf('100.00', '100.00')]),
  ]);
}

describe('the surplus principle, one rule per city', () => {
  it('judges each case by hand', async () => {
    await buildFixture(seedCases, async ({ conn, rows, tests }) => {
      expect(failedTests(tests)).toEqual([]);
      const cols = 'city, scheme, net, deficit, balance_end, expenditure_months, months_payable, surplus_status, status_note, status_basis, is_fund, months_covered';
      expect(await rows(`select ${cols} from mart_fund_annual where year = 2027 order by city, scheme`)).toEqual([
        // D: opening 900, net 0 → 900; six months of 100 → M = 900 × 6 / 600 = 9.00 → reasonable (6 ≤ M ≤ 9).
        { city: D, scheme: 'all', net: '0.00', deficit: false, balance_end: '900.00', expenditure_months: 6, months_payable: '9.00', surplus_status: 'reasonable', status_note: null, status_basis: 'scheme', is_fund: false, months_covered: 6 },
        { city: D, scheme: 'resident', net: '0.00', deficit: false, balance_end: '900.00', expenditure_months: 6, months_payable: '9.00', surplus_status: 'reasonable', status_note: null, status_basis: 'own', is_fund: true, months_covered: 6 },
        // D2: the same flows, no opening balance: its policy dates from 2020, so a balance was carried in: 期初结余未提供.
        { city: D2, scheme: 'all', net: '0.00', deficit: false, balance_end: null, expenditure_months: 6, months_payable: null, surplus_status: null, status_note: 'opening_balance_missing', status_basis: 'scheme', is_fund: false, months_covered: 6 },
        { city: D2, scheme: 'resident', net: '0.00', deficit: false, balance_end: null, expenditure_months: 6, months_payable: null, surplus_status: null, status_note: 'opening_balance_missing', status_basis: 'own', is_fund: true, months_covered: 6 },
        // E: 540 in, 600 out → net −60, 当年收不抵支; balance 1500 − 60 = 1440; M = 1440 × 6 / 600 = 14.40 → high: both at once.
        { city: E, scheme: 'all', net: '-60.00', deficit: true, balance_end: '1440.00', expenditure_months: 6, months_payable: '14.40', surplus_status: 'high', status_note: null, status_basis: 'scheme', is_fund: false, months_covered: 6 },
        { city: E, scheme: 'resident', net: '-60.00', deficit: true, balance_end: '1440.00', expenditure_months: 6, months_payable: '14.40', surplus_status: 'high', status_note: null, status_basis: 'own', is_fund: true, months_covered: 6 },
        // F: Oct–Dec only; 1000 − 300 = 700; M = 700 × 3 / 300 = 7.00 (a twelve-month divisor would say 28.00); 3 < 6 → no status.
        { city: F, scheme: 'all', net: '700.00', deficit: false, balance_end: '700.00', expenditure_months: 3, months_payable: '7.00', surplus_status: null, status_note: 'few_expenditure_months', status_basis: 'scheme', is_fund: false, months_covered: 3 },
        { city: F, scheme: 'resident', net: '700.00', deficit: false, balance_end: '700.00', expenditure_months: 3, months_payable: '7.00', surplus_status: null, status_note: 'few_expenditure_months', status_basis: 'own', is_fund: true, months_covered: 3 },
        // G: 100 − 300 = −200: 累计结余穿底 whatever the months, and no months payable (not −200 × 1 / 300 = −0.67).
        { city: G, scheme: 'all', net: '-200.00', deficit: true, balance_end: '-200.00', expenditure_months: 1, months_payable: null, surplus_status: 'overdrawn', status_note: null, status_basis: 'scheme', is_fund: false, months_covered: 1 },
        { city: G, scheme: 'resident', net: '-200.00', deficit: true, balance_end: '-200.00', expenditure_months: 1, months_payable: null, surplus_status: 'overdrawn', status_note: null, status_basis: 'own', is_fund: true, months_covered: 1 },
        // H: two funds in separate accounts, each 600 × 6 / 600 = 6.00 → reasonable; their sum is no fund and is not judged.
        { city: H, scheme: 'all', net: '0.00', deficit: false, balance_end: '1200.00', expenditure_months: 6, months_payable: '6.00', surplus_status: null, status_note: 'separate_accounts', status_basis: 'none', is_fund: false, months_covered: 6 },
        { city: H, scheme: 'employee', net: '0.00', deficit: false, balance_end: '600.00', expenditure_months: 6, months_payable: '6.00', surplus_status: 'reasonable', status_note: null, status_basis: 'own', is_fund: true, months_covered: 6 },
        { city: H, scheme: 'resident', net: '0.00', deficit: false, balance_end: '600.00', expenditure_months: 6, months_payable: '6.00', surplus_status: 'reasonable', status_note: null, status_basis: 'own', is_fund: true, months_covered: 6 },
        // J: the 2026-06 expense is inside the opening balance of 2026-12-31: 1000 + 0 = 1000 (not 950); M = 1000 × 6 / 600 = 10.00 → high.
        { city: J, scheme: 'all', net: '0.00', deficit: false, balance_end: '1000.00', expenditure_months: 6, months_payable: '10.00', surplus_status: 'high', status_note: null, status_basis: 'scheme', is_fund: false, months_covered: 6 },
        { city: J, scheme: 'resident', net: '0.00', deficit: false, balance_end: '1000.00', expenditure_months: 6, months_payable: '10.00', surplus_status: 'high', status_note: null, status_basis: 'own', is_fund: true, months_covered: 6 },
      ]);
      // J in 2026: a flow before its opening balance opens, in a fund that began in 2020: no balance that year.
      expect(await rows(`select year, expenditure_total, balance_end, status_note from mart_fund_annual where city = '${J}' and scheme = 'resident' and year = 2026`))
        .toEqual([{ year: 2026, expenditure_total: '50.00', balance_end: null, status_note: 'opening_balance_missing' }]);
      // Funds: one row each (D, D2, E, F, G, H employee, H resident, J) = 8; judged: D, E, G, H × 2, J = 6.
      expect(await rows(`select count(*) filter (where is_fund)::integer as funds, count(*) filter (where is_fund and surplus_status is not null)::integer as judged from mart_fund_annual where year = 2027`))
        .toEqual([{ funds: 8, judged: 6 }]);
      // mart_fund_status_count, the one home of these counts (总览 and 结余原则): of the 8, reasonable
      // D, H employee, H resident = 3; out of band E (high), G (overdrawn), J (high) = 3; unjudged D2,
      // F = 2; in deficit E, G = 2; needing attention: the 3 out of band and the 2 unjudged = 5.
      expect(await rows(`select * from mart_fund_status_count where year = 2027`)).toEqual([
        { year: 2027, funds: '8', funds_judged: '6', funds_unjudged: '2', funds_reasonable: '3', funds_out_of_band: '3', funds_deficit: '2', funds_attention: '5' },
      ]);
      // The opening balance is carried from the month after its date: D starts 2027-01 at 900.
      expect(await rows(`select month, opening_balance, opening_date, cumulative_balance from mart_fund_monthly where city = '${D}' and scheme = 'resident' order by month limit 1`))
        .toEqual([{ month: '2027-01-01', opening_balance: '900.00', opening_date: '2026-12-31', cumulative_balance: '900.00' }]);
      // Three months are enough once the config says so: F → 7.00, reasonable.
      await judgeOnMonths(conn, 3);
      expect(await rows(`select surplus_status from mart_fund_annual where city = '${F}' and scheme = 'resident'`)).toEqual([{ surplus_status: 'reasonable' }]);
    });
  });

  it('takes the earliest opening balance and counts a later one as superseded', async () => {
    const seed = async (conn: Parameters<typeof insert>[0]) => {
      await seedCases(conn);
      // A second opening for D dated 2027-03-31 (a later extract's): the flows since 2026-12-31 are delivered, so it is not added.
      await insert(conn, 'raw_ledger', ledger(D, 'resident', [['2027-03-31', 'opening_balance', '555.00']]).map((r) => ({ ...r, entry_id: 'late-opening' })));
    };
    await buildFixture(seed, async ({ rows, tests }) => {
      expect(failedTests(tests)).toEqual([]);
      expect(await rows(`select balance_end from mart_fund_annual where city = '${D}' and scheme = 'resident'`)).toEqual([{ balance_end: '900.00' }]);
      const checks = Object.fromEntries((await rows(`select check_name, expected, actual from mart_reconciliation where check_name like '%opening%'`)).map((r) => [r.check_name, [r.expected, r.actual]]));
      expect(checks).toEqual({
        // D, E, H × 2, J: 1000 + 900 + 1500 + 600 + 600 = 4600 opening; flows since: D 0, E −60, H 0, J 0 (its 2026-06 −50 is
        // inside its opening), F 700, G −200 (no opening needed); D2 unknown → 4600 − 60 + 700 − 200 = 5040.
        'closing balances = opening balances + sum of net': ['5040.00', '5040.00'],
        // D, E, H × 2, J and the late one: 6 delivered, 5 used + 1 superseded.
        'opening balances delivered': ['6.00', '6.00'],
        // D2: a fund with no opening balance.
        'funds without an opening balance': ['0.00', '1.00'],
        'opening balances superseded by an earlier one': ['0.00', '1.00'],
        // J's 2026-06 expense.
        "flows dated before their fund's opening balance": ['0.00', '1.00'],
      });
    });
  });

  it('does not ask an opening balance of a city whose fund began with its first flow (the real seed B)', async () => {
    await buildFixture(async (conn) => { await seedPolicies(conn); await seedRaw(conn); }, async ({ rows }) => {
      expect(await rows(`select scheme, bool_or(opening_required) as required, bool_and(balance_known) as known from mart_fund_monthly where city = '${B}' group by scheme order by scheme`)).toEqual([
        { scheme: 'all', required: false, known: true },
        // B's employee flows start 2027-01, three months after its policy (2026-10-01), but within the city's delivery.
        { scheme: 'employee', required: false, known: true },
        { scheme: 'resident', required: false, known: true },
      ]);
    });
  });
});
