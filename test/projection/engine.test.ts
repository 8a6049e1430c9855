// The browser's engine (src/components/projection.ts) against the SQL marts of the tiny demo
// warehouse (test/globalSetup.ts): the same inputs give the same figures, to the fen, for every
// fund, scenario and year, and the same summary answers.
import { describe, expect, it } from 'vitest';
import { withWarehouse } from '../../data-loaders/db.ts';
import { rowsOf } from '../../src/data/lib/mart.ts';
import { projectionData } from '../../src/data/lib/projection.ts';
import { project, toText, type Band, type Cell, type FundBase, type Scenario } from '../../src/components/projection.ts';

const db = process.env.LTCI_TEST_DB!;

async function load() {
  return withWarehouse(db, async ({ conn }) => ({
    data: await projectionData(conn),
    exact: await rowsOf(conn, `select city, scheme, scenario, year, income_total::varchar as income_total, expenditure_total::varchar as expenditure_total,
        expenditure_benefits::varchar as expenditure_benefits, expenditure_operator::varchar as expenditure_operator, balance_end::varchar as balance_end,
        months_payable::varchar as months_payable, surplus_status, break_even_per_head::varchar as break_even_per_head from mart_projection`),
    bands: (await rowsOf(conn, `select status, sort_order, basis, min_value::varchar as min_value, min_inclusive, max_value::varchar as max_value, max_inclusive from cfg_surplus_band`)) as unknown as Band[],
  }), { readOnly: true });
}

describe('the browser engine equals the SQL projection', () => {
  it('every fund, scenario and year of mart_projection, and mart_projection_summary', async () => {
    const { data, exact, bands } = await load();
    expect(data.funds.length).toBeGreaterThan(0);
    let compared = 0;
    for (const fund of data.funds as unknown as FundBase[]) {
      const cells = (data.inputs as unknown as (Cell & { city: string; scheme: string })[]).filter((c) => c.city === fund.city && c.scheme === fund.scheme);
      for (const s of data.summary.filter((x) => x.city === fund.city && x.scheme === fund.scheme)) {
        const run = project(fund, cells, s as unknown as Scenario, bands, { min: String(s.healthy_min_months), max: String(s.healthy_max_months) });
        const sql = exact.filter((x) => x.city === fund.city && x.scheme === fund.scheme && x.scenario === s.scenario).sort((a, b) => Number(a.year) - Number(b.year));
        expect(run.years.map((y) => y.year)).toEqual(sql.map((x) => Number(x.year)));
        const mine = run.years.map((y) => ({
          income_total: toText(y.income_total), expenditure_total: toText(y.expenditure_total), expenditure_benefits: toText(y.expenditure_benefits),
          expenditure_operator: toText(y.expenditure_operator), balance_end: y.balance_end === null ? null : toText(y.balance_end),
          months_payable: y.months_payable === null ? null : toText(y.months_payable), surplus_status: y.surplus_status,
          break_even_per_head: y.break_even_per_head === null ? null : toText(y.break_even_per_head),
        }));
        const theirs = sql.map(({ city: _c, scheme: _s, scenario: _n, year: _y, ...rest }) => rest);
        expect(mine, `${fund.city} ${fund.scheme} ${s.scenario}`).toEqual(theirs);
        const answer = (x: bigint | null) => (x === null ? null : toText(x));
        expect({
          depletion_year: run.depletion_year, first_deficit_year: run.first_deficit_year,
          break_even_first_year: answer(run.break_even_first_year), break_even_last_year: answer(run.break_even_last_year),
          healthy_financing_low: answer(run.healthy_financing_low), healthy_financing_high: answer(run.healthy_financing_high),
        }, `${fund.city} ${fund.scheme} ${s.scenario} summary`).toEqual({
          depletion_year: s.depletion_year, first_deficit_year: s.first_deficit_year,
          break_even_first_year: s.break_even_first_year, break_even_last_year: s.break_even_last_year,
          healthy_financing_low: s.healthy_financing_low, healthy_financing_high: s.healthy_financing_high,
        });
        compared += run.years.length;
      }
    }
    // 5 demo funds × 4 scenarios × 11 years
    expect(compared).toBe(220);
  });
});
