// mart_fund_item_monthly on the hand-made delivery of seed.ts (city A's months as in mart_fund.test.ts).
import { describe, expect, it } from 'vitest';
import { buildFixture, failedTests } from './fixture.ts';
import { A, seedAll } from './seed.ts';

const COLS = 'month, item, amount, amount_prev_month, mom_pct, amount_prev_year, yoy_pct, ytd, ytd_prev_year, ytd_yoy_pct';

describe('mart_fund_item_monthly', () => {
  it('gives each fund item with the month before, the year before and the year to date', async () => {
    await buildFixture(seedAll, async ({ rows, tests }) => {
      expect(failedTests(tests)).toEqual([]);
      const items = await rows(`select ${COLS} from mart_fund_item_monthly
          where city = '${A}' and scheme = 'all' and item in ('income_total', 'expenditure_total', 'expenditure_benefits', 'net')
          order by month, item`);
      const at = (month: string, item: string) => items.find((r) => r.month === month && r.item === item);
      // A, 2026-12: income 3000 (P1's contribution), A1's fee 20: the series' first month, nothing before it.
      expect(at('2026-12-01', 'income_total')).toEqual({
        month: '2026-12-01', item: 'income_total', amount: '3000.00', amount_prev_month: null, mom_pct: null,
        amount_prev_year: null, yoy_pct: null, ytd: '3000.00', ytd_prev_year: null, ytd_yoy_pct: null,
      });
      // 2027-01: income 6020; the year to date starts again in January (2026-12's 3000 is not in it).
      // Against 2026-12: (6020 − 3000) / 3000 = 1.0067.
      expect(at('2027-01-01', 'income_total')).toMatchObject({ amount: '6020.00', amount_prev_month: '3000.00', mom_pct: '1.0067', ytd: '6020.00' });
      // Benefits 2026-12 were 0: no change against a zero base.
      expect(at('2027-01-01', 'expenditure_benefits')).toMatchObject({ amount: '700.00', amount_prev_month: '0.00', mom_pct: null });
      // 2027-02: income 1.50, ytd 6020 + 1.50 = 6021.50; (1.50 − 6020) / 6020 = −0.99975 → −0.9998.
      expect(at('2027-02-01', 'income_total')).toMatchObject({ amount: '1.50', mom_pct: '-0.9998', ytd: '6021.50' });
      // Expenditure −50 (S1R −700 + S2 630 + A3's fee 20); (−50 − 720) / 720 = −1.0694; ytd 720 − 50 = 670.
      expect(at('2027-02-01', 'expenditure_total')).toMatchObject({ amount: '-50.00', amount_prev_month: '720.00', mom_pct: '-1.0694', ytd: '670.00' });
      // Net 51.50; ytd (6020 − 720) + 51.50 = 5351.50. 2027-03 (no flows) against 51.50:
      // (0 − 51.50) / 51.50 = −1; 2027-04's −280.60 against 2027-03's 0: none; ytd 5351.50 − 280.60.
      expect(at('2027-02-01', 'net')).toMatchObject({ amount: '51.50', ytd: '5351.50' });
      expect(at('2027-03-01', 'net')).toMatchObject({ amount: '0.00', mom_pct: '-1.0000', ytd: '5351.50' });
      expect(at('2027-04-01', 'net')).toMatchObject({ amount: '-280.60', mom_pct: null, ytd: '5070.90' });
      // Twelve items a month: five income sources, four expenditure kinds, two totals and net.
      expect(await rows(`select count(distinct item)::integer as n from mart_fund_item_monthly`)).toEqual([{ n: 12 }]);
    });
  });
});
