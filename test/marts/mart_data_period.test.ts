// mart_data_period: the as-of date, each city's period and the period the dashboards open on.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { queryRows, withWarehouse } from '../../data-loaders/db.ts';
import { buildFixture, failedTests } from './fixture.ts';
import { createMart } from './model.ts';
import { A, B, seedAll } from './seed.ts';

const COLS = `city, first_month, last_month, last_flow_month, latest_complete_month, default_month,
    flows_after_as_of, months_after_as_of, last_settled_date, as_of_date, default_city`;

describe('mart_data_period on the hand-made delivery', () => {
  it('dates the data, each city and the warehouse', async () => {
    await buildFixture(seedAll, async ({ rows, tests }) => {
      expect(failedTests(tests)).toEqual([]);
      // As-of: settlements up to S5R 2027-04-20, ledger up to L2 2027-04-30 → 2027-04-30 (L0, the
      //   opening balance of 2026-11-30, dates no month of the series: A's still starts 2026-12).
      // A's series (scheme all = resident): 2026-12 (P1's contribution) … 2027-04 (S3, L2).
      //   Complete months (income > 0 and benefits > 0): 2027-01 (6020 / 700) only — 2027-02 has
      //   income 1.50 but benefits −70 (S1R −700 + S2 630), 2027-04 no income.
      // B's series: 2026-10 (Q2 paid 2026-10-15) … 2027-02 (T1–T3). No month has both: 2027-01
      //   income 1240 (Q1 200, Q3 40, lottery 1000) but no benefits, 2027-02 benefits 840 but no
      //   income → it opens on its last month, 2027-02.
      // Default city: B's 2027-02 is later than A's 2027-01.
      const common = { flows_after_as_of: 0, months_after_as_of: 0, as_of_date: '2027-04-30', default_city: B };
      expect(await rows(`select ${COLS} from mart_data_period order by city = 'all', city`)).toEqual([
        { city: B, first_month: '2026-10-01', last_month: '2027-02-01', last_flow_month: '2027-02-01', latest_complete_month: null, default_month: '2027-02-01', last_settled_date: '2027-02-20', ...common },
        { city: A, first_month: '2026-12-01', last_month: '2027-04-01', last_flow_month: '2027-04-01', latest_complete_month: '2027-01-01', default_month: '2027-01-01', last_settled_date: '2027-04-20', ...common },
        { city: 'all', first_month: '2026-10-01', last_month: '2027-04-01', last_flow_month: '2027-04-01', latest_complete_month: '2027-01-01', default_month: '2027-02-01', last_settled_date: '2027-04-20', ...common },
      ]);
    });
  });
});

describe('mart_data_period on hand-made marts', () => {
  it('never offers a month after the as-of date, and breaks a tie by the smaller city code', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ltci-period-'));
    try {
      await withWarehouse(join(dir, 'w.duckdb'), async ({ conn }) => {
        await conn.run(`create table stg_settlement as select * from (values
            ('370800', date '2027-12-23'), ('320800', date '2027-12-20')) as t(city, settled_date)`);
        await conn.run(`create table stg_ledger as select date '2027-12-28' as entry_date`);
        // 370800: complete through 2027-12, then a stray fee in 2028-01 (after the as-of date 2027-12-28).
        // 320800: complete through 2027-12 too: a tie, the smaller code wins.
        // 320700: 2027-12 has income but no benefit expenditure, so its latest complete month is 2027-11.
        await conn.run(`create table mart_fund_monthly as select * from (values
            ('370800', 'all', date '2027-11-01', 2550.00, 672889.61, 500),
            ('370800', 'all', date '2027-12-01', 2580.00, 665125.81, 512),
            ('370800', 'all', date '2028-01-01', 0.00, 0.00, 1),
            ('370800', 'resident', date '2028-01-01', 0.00, 0.00, 1),
            ('320800', 'all', date '2027-12-01', 37950.02, 95450.00, 689),
            ('320700', 'all', date '2027-11-01', 2000.00, 198969.00, 369),
            ('320700', 'all', date '2027-12-01', 5559.49, 0.00, 12)
        ) as t(city, scheme, month, income_total, expenditure_benefits, flows)`);
        await createMart(conn, 'mart_data_period');
        const rows = await queryRows(conn, `select city, last_month, last_flow_month, default_month, flows_after_as_of, months_after_as_of, last_settled_date, as_of_date, default_city
            from mart_data_period order by city`);
        const common = { as_of_date: '2027-12-28', default_city: '320800' };
        expect(rows).toEqual([
          { city: '320700', last_month: '2027-12-01', last_flow_month: '2027-12-01', default_month: '2027-11-01', flows_after_as_of: 0, months_after_as_of: 0, last_settled_date: null, ...common },
          { city: '320800', last_month: '2027-12-01', last_flow_month: '2027-12-01', default_month: '2027-12-01', flows_after_as_of: 0, months_after_as_of: 0, last_settled_date: '2027-12-20', ...common },
          // The stray 2028-01 month is counted (one flow, scheme all only), never the period's end.
          { city: '370800', last_month: '2027-12-01', last_flow_month: '2028-01-01', default_month: '2027-12-01', flows_after_as_of: 1, months_after_as_of: 1, last_settled_date: '2027-12-23', ...common },
          { city: 'all', last_month: '2027-12-01', last_flow_month: '2028-01-01', default_month: '2027-12-01', flows_after_as_of: 1, months_after_as_of: 1, last_settled_date: '2027-12-23', ...common },
        ]);
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
