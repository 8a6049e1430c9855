// The monthly report's figures, on a hand-made warehouse (fixture.ts) with hand-worked expectations.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../../data-loaders/errors.ts';
import { withWarehouse } from '../../data-loaders/db.ts';
import { monthStatus, reportData, type ReportData, type Row } from '../../data-loaders/report/index.ts';
import { AUDIT_RULES, cellText, OVERDRAWN_TEXT, SCHEMES } from '../../vocabulary/index.ts';
import { CITY, createReportFixture } from './fixture.ts';

let dir: string;
let db: string;
let report: ReportData;

const table = (id: string) => report.sections.flatMap((s) => s.tables).find((t) => t.id === id)!;
const row = (id: string, key: string, value: string): Row => table(id).rows.find((r) => r[key] === value)!;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ltci-report-data-'));
  db = join(dir, 'w.duckdb');
  await withWarehouse(db, async ({ conn }) => {
    await createReportFixture(conn);
    report = await reportData(conn, { city: CITY, month: '2027-02' });
  });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('reportData', () => {
  it('has the eight sections in order', () => {
    expect(report.sections.map((s) => s.title)).toEqual(['概要', '参保情况', '失能评估', '待遇享受', '基金收支', '结余与可支付月数', '基金监管', '数据说明']);
    expect(report.cityName).toBe('连云港市');
    expect(report.monthLabel).toBe('2027年2月');
  });

  it('gives income with month-on-month, year-on-year and year-to-date change', () => {
    // 2027-02 income 1200.50 + 3000.00 + 800.25 + 10.00 = 5010.75; 2027-01 4000.00; 2026-02 4500.00.
    // YTD 4000.00 + 5010.75 = 9010.75 against 3000.00 + 4500.00 = 7500.00.
    expect(row('fund-all', 'item', '基金收入合计')).toMatchObject({
      item: '基金收入合计',
      current: '5010.75', prev_month: '4000.00', mom_pct: 0.2527, // 1010.75 / 4000
      prev_year: '4500.00', yoy_pct: 0.1135, // 510.75 / 4500
      ytd: '9010.75', ytd_prev_year: '7500.00', ytd_yoy_pct: 0.2014, // 1510.75 / 7500
      mom_pct__why: null, yoy_pct__why: null, ytd_yoy_pct__why: null,
    });
    // Amounts are 万元 in the PDF and on the site, exact yuan in the workbook: the column says so.
    expect(table('fund-all').columns.filter((c) => c.kind === 'amount').map((c) => c.key)).toEqual(['current', 'prev_month', 'prev_year', 'ytd', 'ytd_prev_year']);
    // Expenditure 4000.40 + 100.00 + 50.00 = 4150.40; net 860.35.
    expect(row('fund-all', 'item', '基金支出合计').current).toBe('4150.40');
    expect(row('fund-all', 'item', '当期结余').current).toBe('860.35');
    // No change ratio against a zero base, and the row says why.
    expect(row('fund-all', 'item', '评估费支出')).toMatchObject({ mom_pct: null, mom_pct__why: 'zero_base' });
    // One table per scheme present, `all` first.
    expect(report.sections[4].tables.map((t) => t.id)).toEqual(['fund-all', 'fund-employee', 'fund-resident']);
  });

  it('gives the month-end balance, months payable and surplus status', () => {
    // Balance: 2026 net 11000.00, 2027-01 +1000.00, 2027-02 +860.35 = 12860.35.
    // 12 months Mar 2026–Feb 2027 spent 10 × 3000.00 + 3000.00 + 4150.40 = 37150.40;
    // 12860.35 × 12 / 37150.40 = 4.154 → 4.15 months: 3 ≤ M < 6, 结余偏低.
    const all = row('balance', 'scheme', '合计');
    expect(all.cumulative_balance).toBe('12860.35');
    expect(all.balance_prev_year).toBe('1000.00');
    expect(all.expenditure_12m).toBe('37150.40');
    expect(all.months_payable_12m).toBe('4.15');
    expect(all.surplus_status_12m).toBe('结余偏低');
    // 2026: balance 11000.00 over 36500.00 / 12 = 3.62 months.
    expect(all.balance_end_prev).toBe('11000.00');
    expect(all.months_payable_prev).toBe('3.62');
  });

  it('sums assessments over the year to date and takes the month for the rest', () => {
    // January 30 / 25 / 20 and February 40 / 36 / 27; the December row stays out of 2027.
    const all = row('assessments', 'scheme', '合计');
    expect(all).toMatchObject({ applications: 40, concluded: 36, approved: 27, approval_rate: 0.75 });
    expect(all).toMatchObject({ applications_ytd: 70, concluded_ytd: 61, approved_ytd: 47, approval_rate_ytd: 0.7705 });
    // 概要 pairs the month's approvals with its conclusions, not with its applications
    const items = table('key-figures').rows.filter((r) => String(r.item).includes('评估'));
    expect(items.map((r) => [r.item, r.value])).toEqual([
      ['本月评估申请（人次）', 40], ['本月评估出结论（人次）', 36], ['其中评估通过（人次）', 27],
    ]);
    expect(all).toMatchObject({ median_days: '18.5', reviews_overdue: 3 });
  });

  it('counts audit findings by the month the settlement was paid', () => {
    // over_cap: S2 (Feb, 750.50 − 600.00) this month; S3 (Jan, 100.00) adds to the year; S4 (2026) does not.
    // Rules are named in Chinese from the one labels module (vocabulary/labels.ts), never by code.
    expect(table('audit-rules').columns.map((c) => c.key)).toEqual(['rule', 'settlements', 'excess', 'settlements_ytd', 'excess_ytd']);
    expect(row('audit-rules', 'rule', AUDIT_RULES.cap_exceeded)).toEqual({
      rule: '超过月度支付限额', settlements: 1, excess: '150.50', settlements_ytd: 2, excess_ytd: '250.50',
    });
    expect(row('audit-rules', 'rule', AUDIT_RULES.not_enrolled)).toMatchObject({ rule: '服务月份无有效参保', settlements: 1, excess: '1500.00' });
    // S5 was paid in March, after the report month.
    expect(table('audit-rules').rows.map((r) => r.rule)).not.toContain(AUDIT_RULES.duplicate);
    // one row per flagged settlement (mart_audit_settlements): February 1,500.00 + 150.50 = 1,650.50; the year adds
    // S3's 100.00; S6's 300.00 rests on an assumed price: counted apart, not in the amount
    expect(table('audit-total').rows.map((r) => [r.item, r.current, r.ytd])).toEqual([
      ['疑点结算（笔）', 3, 4], ['多付金额（元）', '1650.50', '1750.50'], ['少付金额（元）', '0.00', '0.00'],
      ['另列结算（笔，假设标准或政策未录入）', 1, 1],
    ]);
    // 概要 prints the same two cells
    const summary = table('key-figures').rows.filter((r) => String(r.item).startsWith('本月疑点'));
    expect(summary.map((r) => [r.item, r.value, r.value__kind])).toEqual([
      ['本月疑点结算（笔）', 3, 'count'], ['本月疑点多付金额（元）', '1650.50', 'amount'],
    ]);
  });

  it('is Chinese throughout: no English word in titles, notes, headers or cells', () => {
    const texts = report.sections.flatMap((s) => [
      s.title, ...(s.notes ?? []),
      ...s.tables.flatMap((t) => [t.title, t.note ?? '', ...t.columns.map((c) => c.label),
        ...t.rows.flatMap((r) => t.columns.map((c) => (typeof r[c.key] === 'string' ? String(r[c.key]) : '')))]),
    ]);
    expect(texts.filter((x) => /[A-Za-z]{2,}/.test(x.replace(/ltci build|ltci/g, '')))).toEqual([]);
    // Section 六 quotes the bands and their source in Chinese (config/thresholds.json source_zh).
    const bandNote = report.sections[5].notes!.find((n) => n.startsWith('结余状态分档'))!;
    expect(bandNote).toContain('结余偏低：3≤M<6');
    expect(bandNote).toContain('2026年11月22日设定');
    expect(bandNote).toMatch(/分档依据：.*人社部发〔2009〕67号/);
  });

  it('shows a fund below zero as —（累计结余穿底） and a part year with its months, as the site does', async () => {
    await withWarehouse(db, async ({ conn }) => {
      await conn.run('begin');
      // The `all` fund ends February 2027 below zero; 2026 covered only October to December.
      await conn.run(`update mart_fund_monthly set cumulative_balance = -1.00, surplus_status_12m = 'overdrawn'
          where city = '${CITY}' and scheme = 'all' and month = date '2027-02-01'`);
      await conn.run(`update mart_fund_annual set year_complete = false, first_month = date '2026-10-01', last_month = date '2026-12-01'
          where city = '${CITY}' and year = 2026`);
      const d = await reportData(conn, { city: CITY, month: '2027-02' });
      await conn.run('rollback');
      const balance = d.sections[5].tables[0];
      const all = balance.rows.find((r) => r.scheme === SCHEMES.all)!;
      expect(all.months_payable_12m).toBe(OVERDRAWN_TEXT);
      expect(cellText(all.months_payable_12m, all.months_payable_12m__kind as 'text')).toBe('—（累计结余穿底）');
      expect(balance.columns.map((c) => c.label)).toContain('2026年（10–12月）末累计结余（元）');
      // a part year's months payable divides by its months with expenditure: no longer provisional
      expect(balance.columns.map((c) => c.label)).toContain('2026年（10–12月）可支付月数');
      const summary = d.sections[0].tables[0].rows.find((r) => r.item === '可支付月数')!;
      expect([summary.value, summary.value__kind]).toEqual(['—（累计结余穿底）', 'text']);
    });
  });

  it('carries participants with their year-on-year change', () => {
    expect(row('participants', 'scheme', '合计')).toMatchObject({ participants: 1200, participants_prev: 1000, participants_yoy_pct: 0.2 });
  });

  it('marks the months near the latest settlement provisional and older ones final', () => {
    // The latest settlement was paid 2027-03-03; with a lag of 2 months, 2027-01 … 2027-03 and later
    // months are provisional, 2026-12 is final.
    expect(report.asOfDate).toBe('2027-03-03');
    expect(report.status).toBe('provisional');
    expect(report.lastMonth).toBe('2027-03');
    expect(monthStatus('2027-01', '2027-03')).toBe('provisional');
    expect(monthStatus('2027-06', '2027-03')).toBe('provisional');
    expect(monthStatus('2026-12', '2027-03')).toBe('final');
  });

  it('tells the user which months and cities exist', async () => {
    await withWarehouse(db, async ({ conn }) => {
      await expect(reportData(conn, { city: CITY, month: '2025-12' })).rejects.toThrow(/from 2026-01 to 2027-03/);
      await expect(reportData(conn, { city: '999900', month: '2027-02' })).rejects.toThrow(UserError);
      await expect(reportData(conn, { city: CITY, month: '2027-2' })).rejects.toThrow(/YYYY-MM/);
    }, { readOnly: true });
  });
});
