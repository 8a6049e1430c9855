// mart_public_fund_persons on the hand-made delivery of seed.ts: how many persons' records make up
// each fund amount the public site publishes (it hides an amount of 1–10 persons).
import { describe, expect, it } from 'vitest';
import { buildFixture, failedTests } from './fixture.ts';
import { A, B, seedAll } from './seed.ts';

const COLS = `scheme, period_kind, strftime(period_start, '%Y-%m') as period, income_individual, income_medical_fund, income_fiscal,
  income_employer, income_other, income_total, expenditure_benefits, expenditure_assessment, expenditure_total, net`;
const row = (scheme: string, kind: string, period: string, n: (number | null)[]) => {
  const keys = ['income_individual', 'income_medical_fund', 'income_fiscal', 'income_employer', 'income_other', 'income_total',
    'expenditure_benefits', 'expenditure_assessment', 'expenditure_total', 'net'];
  return { scheme, period_kind: kind, period, ...Object.fromEntries(keys.map((k, i) => [k, n[i]])) };
};

describe('mart_public_fund_persons', () => {
  it('counts the persons behind each month\'s amounts, a settlement and its reversal in one month counting no one', async () => {
    await buildFixture(seedAll, async ({ rows, tests }) => {
      expect(failedTests(tests)).toEqual([]);
      expect(await rows(`select ${COLS} from mart_public_fund_persons where city = '${A}' and period_kind = 'month' order by period_start`)).toEqual([
        //                      indiv  med  fisc  empl  other  inc  benef  assess  exp  net
        // 2026-12: P1's 2027 contribution paid 2026-12-20 (medical fund, fiscal); A1's fee for P1.
        row('all', 'month', '2026-12', [0, 1, 1, 0, 0, 1, 0, 1, 1, 1]),
        // 2027-01: P2 and P3 pay (P3 also 20.00 other); S1 pays P1; A2's fee is P2's. P1, P2, P3 in all.
        row('all', 'month', '2027-01', [0, 2, 2, 0, 1, 2, 1, 1, 2, 3]),
        // 2027-02: S1R −700 and S2 +630 for P1 net −70: P1 is behind it; A3's fee is P3's; the interest is nobody's.
        row('all', 'month', '2027-02', [0, 0, 0, 0, 0, 0, 1, 1, 2, 2]),
        // 2027-03: no flow. 2027-04: S3 pays P2; S5 +70 and S5R −70 net 0: P3 is behind nothing; the operator fee is nobody's.
        row('all', 'month', '2027-04', [0, 0, 0, 0, 0, 0, 1, 0, 1, 1]),
      ]);
      expect(await rows(`select ${COLS} from mart_public_fund_persons where city = '${B}' and period_kind = 'month' order by period_start`)).toEqual([
        row('all', 'month', '2026-10', [1, 0, 1, 0, 0, 1, 0, 0, 0, 1]), // Q2 pays 20 + 20 fiscal
        // (R1's fee is not the fund's: B's policy does not pay assessments; the lottery income is nobody's)
        row('all', 'month', '2027-01', [2, 0, 1, 1, 0, 2, 0, 0, 0, 2]), // Q1 (individual, employer), Q3 (individual, fiscal)
        row('all', 'month', '2027-02', [0, 0, 0, 0, 0, 0, 3, 0, 3, 3]), // T1 Q1, T2 Q3, T3 X9 (no fund: counts in all)
      ]);
    });
  });

  it('counts the persons behind each fund\'s annual totals, netting a person\'s payments over the year', async () => {
    await buildFixture(seedAll, async ({ rows }) => {
      const years = await rows(`select ${COLS} from mart_public_fund_persons where period_kind = 'year' order by city, period_start, scheme`);
      const y = (scheme: string, period: string, inc: number, exp: number, net: number) =>
        row(scheme, 'year', period, [null, null, null, null, null, inc, null, null, exp, net]);
      expect(years).toEqual([
        // B (320700). 2026: Q2 pays. 2027: Q1 and Q3 pay; T1 (Q1), T2 (Q3), T3 (X9, in all only).
        y('all', '2026-01', 1, 0, 1), y('resident', '2026-01', 1, 0, 1),
        y('all', '2027-01', 2, 3, 3), y('employee', '2027-01', 1, 1, 1), y('resident', '2027-01', 1, 1, 1),
        // A (370800), residents only. 2026: P1 pays, A1's fee. 2027: P2, P3 pay; P1's 700 − 700 + 630 ≠ 0,
        // P2's 280 and fee, P3's fee (P3's settlement and reversal net 0): 3 behind the expenditure.
        y('all', '2026-01', 1, 1, 1), y('resident', '2026-01', 1, 1, 1),
        y('all', '2027-01', 2, 3, 3), y('resident', '2027-01', 2, 3, 3),
      ]);
      expect(await rows(`select count(*)::integer as n from mart_public_fund_persons where scheme = 'unassigned'`)).toEqual([{ n: 0 }]);
    });
  });
});
