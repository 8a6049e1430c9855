// The backtest on the demo's history (the shared tiny warehouse, test/globalSetup.ts): every fund
// with two or more complete years is projected from each earlier one and set beside what happened;
// the error is reported, and it is what the columns say it is.
import { describe, expect, it } from 'vitest';
import { queryRows, withWarehouse } from '../../data-loaders/db.ts';

const db = process.env.LTCI_TEST_DB!;

describe('mart_projection_backtest on the demo history', () => {
  it('projects each earlier complete year forward and reports the error', async () => {
    const { rows, funds, errors } = await withWarehouse(db, async ({ conn }) => ({
      rows: await queryRows(conn, `select * from mart_projection_backtest where kind = 'backtest'`),
      // funds with two or more complete years, and the pairs (base, later year) they give
      funds: await queryRows(conn, `select city, scheme, count(*)::integer as years, (count(*) * (count(*) - 1) / 2)::integer as pairs
          from int_projection_funds group by all having count(*) > 1 order by all`),
      errors: await queryRows(conn, `select scenario, round(avg(abs(income_error_pct)), 4)::double as income, round(avg(abs(expenditure_error_pct)), 4)::double as expenditure,
          round(avg(abs(balance_error_pct)), 4)::double as balance, count(*)::integer as n from mart_projection_backtest where kind = 'backtest' and years_ahead = 1 group by all order by all`),
    }), { readOnly: true });
    expect(funds.length).toBeGreaterThanOrEqual(3);
    for (const f of funds) {
      const mine = rows.filter((r) => r.city === f.city && r.scheme === f.scheme && r.scenario === 'baseline');
      expect(mine.length, `${f.city} ${f.scheme}`).toBe(f.pairs);
    }
    // the error is (projected − actual) / |actual|, to 4 decimals
    for (const r of rows) {
      const actual = Number(r.actual_balance_end);
      if (actual === 0) continue;
      expect(Number(r.balance_error_pct)).toBeCloseTo((Number(r.projected_balance_end) - actual) / Math.abs(actual), 4);
      expect(r.year).toBeGreaterThan(r.base_year as number);
    }
    // reported: mean absolute error one year ahead, per scenario
    console.log('backtest, one year ahead, mean |error| (tiny demo):', JSON.stringify(errors));
    expect(errors.map((e) => e.scenario).sort()).toEqual(['baseline', 'high_cost', 'low_cost', 'no_change']);
    for (const e of errors) expect(Number.isFinite(e.income) && Number.isFinite(e.balance)).toBe(true);
  });
});
