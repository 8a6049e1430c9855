// The data test that holds mart_fund_monthly to the extract period (sql/tests/
// mart_fund_monthly__within_extract_period.sql): rows loaded before the contract bounded dates — or
// written by hand — must not stretch the fund's months over centuries with every sum still adding up.
import { describe, expect, it } from 'vitest';
import { buildFixture, insert } from '../marts/fixture.ts';
import { seedAll } from '../marts/seed.ts';

const TEST = 'mart_fund_monthly__within_extract_period';
const LOADED = { load_id: 'l1', file: 'ledger.csv', kind: 'ledger', rows_read: 1, rows_loaded: 1, rows_rejected: 0, rows_replaced: 0, rows_unchanged: 0, bytes: 1, encoding: 'utf8', file_sha256: 'x', loaded_at: '2027-05-02 09:00:00' };
const entry = (entry_id: string, entry_date: string) => ({ entry_id, admdvs: '370800', scheme: 'resident', entry_date, category: 'interest', amount: '1.00', load_id: 'l1', source_file: 'ledger.csv', source_line: 9 });

const failures = (extra: (ReturnType<typeof entry>)[]) =>
  buildFixture(async (conn) => {
    await seedAll(conn);
    await insert(conn, 'load_report', [LOADED]);
    await insert(conn, 'raw_ledger', extra);
  }, async ({ tests, rows }) => ({
    test: tests.find((t) => t.name === TEST),
    span: (await rows(`select min(month)::varchar as first, max(month)::varchar as last from mart_fund_monthly where city = '370800' and scheme = 'all'`))[0],
  }));

describe(TEST, () => {
  it('passes on the hand-made delivery (months 2026-12 … 2027-04, loaded 2027-05-02)', async () => {
    const { test, span } = await failures([]);
    expect(span).toEqual({ first: '2026-12-01', last: '2027-04-01' });
    expect(test?.failures).toBe(0);
  });

  it('fails on a flow dated 2207 (after the load date + 2 years) and on one dated 0027 (before 2012)', async () => {
    const late = await failures([entry('L9', '2207-01-31')]);
    expect(late.span).toEqual({ first: '2026-12-01', last: '2207-01-01' });
    // months 2029-06 … 2207-01 of the city's scheme rows and its `all` rows are past 2027-05-02 + 2 years
    expect(late.test?.failures).toBeGreaterThan(2 * 12 * 170);
    expect(late.test?.sample[0]).toMatchObject({ city: '370800', earliest: '2012-01-01', last_load: '2027-05-02' });
    const early = await failures([entry('L0', '0027-01-31')]);
    expect(early.span.first).toBe('0027-01-01');
    expect(early.test?.failures).toBeGreaterThan(0);
  });
});
