// The period a page opens on (mart_data_period → src/data/meta.json.ts + src/components/period.ts) and how months
// payable and part years read (vocabulary/payable.ts). Review finding: 总览 opened on 济宁市
// 2028年1月, a month after the as-of date (2027-12-28) holding one stray 260-yuan flow.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { withWarehouse } from '../../data-loaders/db.ts';
import { REPO } from '../support/demoWarehouse.ts';
import { createMart } from '../marts/model.ts';
import { defaultCity, defaultMonth, defaultYear, notAfterAsOf, yearNotAfterAsOf } from '../../src/components/period.ts';
import { annualPayable, OVERDRAWN_TEXT, payableText, yearLabel } from '../../vocabulary/index.ts';

describe('meta.json: the default period and city', () => {
  let dir: string;
  let meta: Record<string, any>;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ltci-meta-'));
    const db = join(dir, 'w.duckdb');
    await withWarehouse(db, async ({ conn }) => {
      await conn.run(`create table stg_settlement as select '370800' as city, date '2027-12-23' as settled_date`);
      await conn.run(`create table stg_ledger as select date '2027-12-28' as entry_date`);
      // 370800: complete through 2027-12, then a stray fee in 2028-01 (after the as-of date).
      // 320800: complete through 2027-12 too (a tie: the smaller code wins).
      // 320700: 2027-12 has income but no benefit expenditure, so its latest complete month is 2027-11.
      await conn.run(`create table mart_fund_monthly as select * from (values
        ('370800', 'all', date '2027-11-01', 2550.00, 672889.61, 500),
        ('370800', 'all', date '2027-12-01', 2580.00, 665125.81, 512),
        ('370800', 'all', date '2028-01-01', 0.00, 0.00, 1),
        ('320800', 'all', date '2027-12-01', 37950.02, 95450.00, 689),
        ('320700', 'all', date '2027-11-01', 2000.00, 198969.00, 369),
        ('320700', 'all', date '2027-12-01', 5559.49, 0.00, 12)
      ) as t(city, scheme, month, income_total, expenditure_benefits, flows)`);
      await conn.run(`create table mart_load_file as select * from (values
        ('l1', 8, 5, 3, 0, timestamp '2027-12-30 09:00:00'), ('l1', 2, 2, 0, 0, timestamp '2027-12-30 09:01:00')
      ) as t(load_id, rows_read, rows_loaded, rows_rejected, rows_replaced, loaded_at)`);
      // The marts' own SQL on these rows (test/marts/mart_data_period.test.ts checks it on a delivery).
      await createMart(conn, 'mart_data_period');
      await createMart(conn, 'mart_load_batch');
    });
    const out = execFileSync(join(REPO, 'node_modules/.bin/tsx'), [join(REPO, 'src/data/meta.json.ts')], { env: { ...process.env, LTCI_DB: db }, encoding: 'utf8' });
    meta = JSON.parse(out);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('the as-of date is the latest settled or entry date', () => {
    expect(meta.asOf).toBe('2027-12-28');
  });
  test('a month after the as-of date is never a default, nor the period end', () => {
    const jining = meta.cities.find((c: { city: string }) => c.city === '370800');
    expect(jining.default_month).toBe('2027-12-01');
    expect(jining.months_after_as_of).toBe(1);
    expect(meta.last_month).toBe('2027-12-01');
    expect(meta.flowsAfterAsOf).toBe(1);
  });
  test('a month without benefit expenditure is not complete', () => {
    expect(meta.cities.find((c: { city: string }) => c.city === '320700').default_month).toBe('2027-11-01');
  });
  test('the default city has the latest complete month; a tie goes to the smallest city code', () => {
    expect(meta.defaultCity).toBe('320800');
    expect(meta.defaultMonth).toBe('2027-12-01');
  });
  test('the period runs from the first month of any city to the last month before the as-of date', () => {
    expect(meta.first_month).toBe('2027-11-01');
    expect(meta.cities.map((c: { city: string }) => c.city)).toEqual(['320800', '370800', '320700']);
  });
  test('the loads: one per ingest, its files and rows', () => {
    expect(meta.loads).toEqual([{ load_id: 'l1', loaded_at: '2027-12-30 09:00:00', files: 2, rows_loaded: 7, rows_rejected: 3 }]);
  });
});

describe('period selection in the browser', () => {
  const meta = {
    asOf: '2027-12-28',
    defaultCity: '320800',
    defaultMonth: '2027-12-01',
    cities: [{ city: '370800', default_month: '2027-12-01', latest_complete_month: '2027-12-01', last_month: '2027-12-01' }],
  };
  test('months and years after the as-of date are not offered', () => {
    expect(notAfterAsOf(meta, '2027-12-01')).toBe(true);
    expect(notAfterAsOf(meta, '2028-01-01')).toBe(false);
    expect(yearNotAfterAsOf(meta, 2028)).toBe(false);
    expect(yearNotAfterAsOf(meta, 2027)).toBe(true);
  });
  test('defaults follow meta, else the latest month offered up to the as-of date', () => {
    expect(defaultCity(meta, ['320100', '320800'])).toBe('320800');
    expect(defaultCity(meta, ['370800', '320100'])).toBe('320100');
    expect(defaultMonth(meta, '370800', ['2027-11-01', '2027-12-01', '2028-01-01'])).toBe('2027-12-01');
    expect(defaultMonth(meta, '320100', ['2027-11-01', '2028-01-01'])).toBe('2027-11-01');
    expect(defaultYear(meta, '370800', [2026, 2027, 2028])).toBe(2027);
  });
});

describe('months payable and part years', () => {
  test('a negative balance shows —（累计结余穿底）, never negative months', () => {
    expect(payableText({ months_payable: null, balance: -39811825.43, status: 'overdrawn' })).toBe(OVERDRAWN_TEXT);
    expect(payableText({ months_payable: -56.08, balance: -1, status: null })).toBe('—（累计结余穿底）');
    expect(annualPayable({ year: 2027, months_payable: null, balance_end: -39811565.43, surplus_status: 'overdrawn', year_complete: true })).toBe('—（累计结余穿底）');
  });
  test('a balance not known (no opening balance delivered) reads 期初结余未提供', () => {
    expect(payableText({ months_payable: null, balance: null, status: null, known: false })).toBe('期初结余未提供');
    expect(annualPayable({ year: 2027, months_payable: null, balance_end: null, surplus_status: null, balance_known: false })).toBe('期初结余未提供');
  });
  test('a positive balance shows its months, a part year too (the mart divides by its months with expenditure)', () => {
    expect(payableText({ months_payable: 4.19, balance: 463751.64, status: 'low' })).toBe('4.2个月');
    expect(annualPayable({ year: 2027, months_payable: 68.8, balance_end: 6524019.8, surplus_status: 'excessive', year_complete: false, first_month: '2027-01-01', last_month: '2027-11-01' })).toBe('68.8个月');
    expect(payableText({ months_payable: null, balance: 100, status: null })).toBe('—');
  });
  test('a part year is labelled with its months', () => {
    expect(yearLabel({ year: 2027, year_complete: false, first_month: '2027-01-01', last_month: '2027-11-01' })).toBe('2027年（1–11月）');
    expect(yearLabel({ year: 2026, year_complete: false, first_month: '2026-10-01', last_month: '2026-12-01' })).toBe('2026年（10–12月）');
    expect(yearLabel({ year: 2028, year_complete: false, first_month: '2028-01-01', last_month: '2028-01-01' })).toBe('2028年（1月）');
    expect(yearLabel({ year: 2027, year_complete: true, first_month: '2027-01-01', last_month: '2027-12-01' })).toBe('2027年');
    expect(yearLabel(undefined, 2027)).toBe('2027年');
  });
});
