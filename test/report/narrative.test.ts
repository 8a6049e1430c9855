// The report's first paragraph and its changes, on the hand-made warehouse (fixture.ts), worked by
// hand: every figure in the sentences is a mart column printed in the tables below, in 万元.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withWarehouse } from '../../data-loaders/db.ts';
import { createMart } from '../marts/model.ts';
import { annualReportData, renderReportHtml, reportData, type ReportData } from '../../data-loaders/report/index.ts';
import { changeWhy } from '../../data-loaders/report/change.ts';
import { chartCsv } from '../../data-loaders/report/chartCsv.ts';
import { changePhrase } from '../../data-loaders/report/narrative.ts';
import { decimalRounded, wanText } from '../../vocabulary/index.ts';
import { CITY, createReportFixture } from './fixture.ts';

let dir: string;
let db: string;
let report: ReportData;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ltci-report-narrative-'));
  db = join(dir, 'w.duckdb');
  await withWarehouse(db, async ({ conn }) => {
    await createReportFixture(conn);
    report = await reportData(conn, { city: CITY, month: '2027-02' });
  });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const table = (d: ReportData, id: string) => d.sections.flatMap((s) => s.tables).find((t) => t.id === id)!;

describe('the narrative of 2027年2月', () => {
  it('says the month\'s income, expenditure, balance and audit as a bureau writes it', () => {
    expect(report.sections[0].lead).toEqual([
      // income 1200.50 + 3000.00 + 800.25 + 10.00 = 5010.75 元 = 0.501075 万元 → 0.50; against 2026-02's
      // 4500.00: 510.75 / 4500 = 0.1135 → 11.3 %. Expenditure 4000.40 + 100.00 + 50.00 = 4150.40 → 0.42
      // 万元; against 3500.00: 650.40 / 3500 = 0.1858 → 18.6 %. Net 860.35 → 0.09 万元.
      // Year to date: income 4000.00 + 5010.75 = 9010.75 → 0.90 万元, against 3000 + 4500 = 7500: 0.2014
      // → 20.1 %; expenditure 3000.00 + 4150.40 = 7150.40 → 0.72 万元, against 3000 + 3500 = 6500:
      // 650.40 / 6500 = 0.1001 → 10.0 %.
      '本月基金收入0.50万元，同比增长11.3%；基金支出0.42万元，同比增长18.6%；当期结余0.09万元。'
        + '1—2月累计基金收入0.90万元，同比增长20.1%；累计支出0.72万元，同比增长10.0%。',
      // balance 12860.35 → 1.29 万元; months payable 4.15 → 4.2; 3 ≤ M < 6: 结余偏低, in the band's words
      '月末累计结余1.29万元，可支付4.2个月，结余状态为“结余偏低”（可支付3至6个月，略低于合理区间）。',
      // S1, S2 and S6 paid in February; S6 rests on an assumed price (apart); 1500.00 + 150.50 = 1650.50
      // → 0.16505 万元 → 0.17
      '本月监管发现疑点结算3笔（其中1笔按假设标准核定或政策未录入，未计入多付金额），涉及多付金额0.17万元。',
    ]);
  });

  it('prints each amount in 万元 from the exact yuan, digit by digit', () => {
    expect(wanText('5010.75')).toBe('0.50');
    expect(wanText('12860.35')).toBe('1.29');
    expect(wanText('1650.50')).toBe('0.17'); // 0.16505 rounds half up
    expect(wanText('-43770.00')).toBe('-4.38');
    expect(wanText('123456789012.99')).toBe('12,345,678.90');
    expect(decimalRounded('4.15', { digits: 1 })).toBe('4.2'); // not 4.1 as a float would give
  });

  it('says why a figure is missing: a balance not known, a fund below zero, no status yet', async () => {
    await withWarehouse(db, async ({ conn }) => {
      await conn.run('begin');
      await conn.run(`alter table mart_fund_monthly add column balance_known boolean default true`);
      await conn.run(`alter table mart_fund_monthly add column status_note_12m varchar`);
      await conn.run(`alter table mart_fund_monthly add column deficit_ytd boolean default false`);
      await conn.run(`update mart_fund_monthly set balance_known = false, cumulative_balance = null, months_payable_12m = null,
          surplus_status_12m = null, status_note_12m = 'opening_balance_missing'
          where city = '${CITY}' and scheme = 'all' and month = date '2027-02-01'`);
      const unknown = await reportData(conn, { city: CITY, month: '2027-02' });
      expect(unknown.sections[0].lead![1]).toBe('期初结余未提供，累计结余和可支付月数无法计算，不判断结余状态。');
      await conn.run(`update mart_fund_monthly set balance_known = true, cumulative_balance = -43770.00, months_payable_12m = null,
          surplus_status_12m = 'overdrawn', status_note_12m = null, deficit_ytd = true
          where city = '${CITY}' and scheme = 'all' and month = date '2027-02-01'`);
      const overdrawn = await reportData(conn, { city: CITY, month: '2027-02' });
      expect(overdrawn.sections[0].lead![1]).toBe('月末累计结余-4.38万元，累计结余穿底，不计算可支付月数。');
      expect(overdrawn.sections[0].lead![0]).toMatch(/同比增长10\.0%，累计收不抵支。$/);
      await conn.run(`update mart_fund_monthly set cumulative_balance = 12860.35, months_payable_12m = 4.15,
          surplus_status_12m = null, status_note_12m = 'few_expenditure_months'
          where city = '${CITY}' and scheme = 'all' and month = date '2027-02-01'`);
      const young = await reportData(conn, { city: CITY, month: '2027-02' });
      expect(young.sections[0].lead![1]).toBe('月末累计结余1.29万元，可支付4.2个月，有支出的月份不足6个月，不判断结余状态。');
      await conn.run('rollback');
    });
  });
});

describe('环比 and 同比', () => {
  it('are not printed on a base below zero, a zero base or one below a tenth of the period (hand cases)', () => {
    expect(changeWhy('4000.00', '5010.75')).toBeNull();
    expect(changeWhy(null, '5010.75')).toBe('no_base');
    expect(changeWhy('0.00', '5010.75')).toBe('zero_base');
    expect(changeWhy('-185807.58', '1900985.00')).toBe('negative_base');
    expect(changeWhy('1000.00', '-17.38')).toBe('negative_now');
    // 淮安's January: 2 108 240.00 after 12 136.62; a tenth of this month is 210 824.00 > the base
    expect(changeWhy('12136.62', '2108240.00')).toBe('small_base');
    expect(changeWhy('210824.00', '2108240.00')).toBeNull(); // exactly a tenth: printed
    expect(changeWhy('210823.99', '2108240.00')).toBe('small_base');
    expect(changeWhy('27365', '27307')).toBeNull(); // counts too
    // a change that prints as 0.0 % is said as 持平, not 增长0.0%
    const words = { name: '同比', base: '上年同期' };
    expect([changePhrase(0.0003, null, words), changePhrase(-0.0005, null, words), changePhrase(0.113, null, words)])
      .toEqual(['与上年同期基本持平', '同比下降0.1%', '同比增长11.3%']);
  });

  it('read — with the reason in the table\'s note when the month before ended in deficit', async () => {
    await withWarehouse(db, async ({ conn }) => {
      await conn.run('begin');
      // January 2027 spends 5000.00 instead of 3000.00: its net is 4000.00 − 5000.00 = −1000.00.
      await conn.run(`update mart_fund_monthly set expenditure_benefits = 5000.00, expenditure_total = 5000.00, net = -1000.00
          where city = '${CITY}' and scheme = 'all' and month = date '2027-01-01'`);
      await conn.run('drop table mart_fund_item_monthly');
      await createMart(conn, 'mart_fund_item_monthly');
      const d = await reportData(conn, { city: CITY, month: '2027-02' });
      await conn.run('rollback');
      const net = table(d, 'fund-all').rows.find((r) => r.item === '当期结余')!;
      // the mart computes (860.35 − (−1000.00)) / 1000.00 = 1.8604; the report does not print it
      expect(net).toMatchObject({ prev_month: '-1000.00', mom_pct: null, mom_pct__why: 'negative_base' });
      expect(table(d, 'fund-all').note).toContain('环比未计算：当期结余（上月为负）');
      const spend = table(d, 'fund-all').rows.find((r) => r.item === '基金支出合计')!;
      expect(spend.mom_pct).toBe(-0.1699); // (4150.40 − 5000.00) / 5000.00, printed
    });
  });
  it('read — on a base below a tenth of this month, in the printed table and in the narrative', async () => {
    await withWarehouse(db, async ({ conn }) => {
      await conn.run('begin');
      // February 2026 takes in 100.00 + 200.00 + 100.00 = 400.00 instead of 4500.00: a tenth of February
      // 2027's 5010.75 is 501.075 > 400.00, so the mart's (5010.75 − 400.00) / 400.00 = +1152.7 % is not printed.
      await conn.run(`update mart_fund_monthly set income_individual = 100.00, income_medical_fund = 200.00, income_fiscal = 100.00,
          income_total = 400.00, net = -3100.00
          where city = '${CITY}' and scheme = 'all' and month = date '2026-02-01'`);
      await conn.run('drop table mart_fund_item_monthly');
      await createMart(conn, 'mart_fund_item_monthly');
      const d = await reportData(conn, { city: CITY, month: '2027-02' });
      await conn.run('rollback');
      const income = table(d, 'fund-all').rows.find((r) => r.item === '基金收入合计')!;
      expect(income).toMatchObject({ prev_year: '400.00', yoy_pct: null, yoy_pct__why: 'small_base' });
      // the printed row: 本月, 上月, 环比, 上年同月, 同比 — the 同比 cell is —
      const html = renderReportHtml(d);
      const row = html.split('<tr').find((r) => r.includes('>基金收入合计<'))!;
      const cells = [...row.matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((m) => m[1]);
      expect(cells.slice(0, 6)).toEqual(['基金收入合计', '0.50', '0.40', '+25.3%', '0.04', '—']);
      expect(table(d, 'fund-all').note).toContain('同比未计算：');
      expect(table(d, 'fund-all').note).toContain('基金收入合计（上年同月基数过小）');
      expect(d.sections[0].lead![0]).toMatch(/^本月基金收入0\.50万元，上年同月基数过小，不计算同比；基金支出0\.42万元，同比增长18\.6%/);
    });
  });
});

describe('the annual report of 2026', () => {
  it('says the year against the year before, its year-end balance and its audit', async () => {
    const d = await withWarehouse(db, ({ conn }) => annualReportData(conn, { city: CITY, year: 2026 }), { readOnly: true });
    expect(d.period).toBe('2026');
    expect(d.sections.map((s) => s.title)).toEqual(['概要', '参保情况', '失能评估', '待遇享受', '基金收支', '结余与可支付月数', '基金监管', '基金运行预测', '数据说明']);
    expect(d.sections[0].lead).toEqual([
      // income 3000.00 (Jan) + 4500.00 (Feb) + 10 × 4000.00 = 47500.00 → 4.75 万元; expenditure 3000.00
      // + 3500.00 + 10 × 3000.00 = 36500.00 → 3.65 万元; no 2025 in the data
      '2026年基金收入4.75万元，基金支出3.65万元（上年无数据，不计算增减幅度）；当年结余1.10万元。',
      // 11000.00 / (36500.00 / 12) = 3.616 → 3.62 in the mart → 3.6; 3 ≤ M < 6
      '年末累计结余1.10万元，可支付3.6个月，结余状态为“结余偏低”（可支付3至6个月，略低于合理区间）。',
      // S4, paid December 2026: 9999.00 − 600.00 = 9399.00 → 0.94 万元
      '全年监管发现疑点结算1笔，涉及多付金额0.94万元。',
    ]);
    // the hand-made warehouse has no projection: the section says how to make one
    expect(d.sections[7].notes!.join('')).toContain('mart_projection_summary');
  });
});

describe('the two charts of 2027年2月', () => {
  it('hold the 12 months of mart_fund_monthly, and their CSV the exact yuan', () => {
    const [flows, balance] = report.sections[0].charts!;
    expect(flows.table.rows.map((r) => r.label)).toEqual([
      '2026年3月', '2026年4月', '2026年5月', '2026年6月', '2026年7月', '2026年8月', '2026年9月', '2026年10月',
      '2026年11月', '2026年12月', '2027年1月', '2027年2月',
    ]);
    // February: income 5010.75, expenditure 4150.40 (as in the fund table); balance 12860.35, 4.15 months
    expect(flows.table.rows.at(-1)).toMatchObject({ income_total: '5010.75', expenditure_total: '4150.40' });
    expect(balance.table.rows.at(-1)).toMatchObject({ balance: '12860.35', months_payable: '4.15' });
    const csv = chartCsv(flows);
    expect(csv.startsWith('\uFEFF月份,基金收入（元）,基金支出（元）\r\n')).toBe(true);
    expect(csv.endsWith('2027年2月,5010.75,4150.40\r\n')).toBe(true);
  });
});
