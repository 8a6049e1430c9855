// `ltci report`'s files: the PDF (pages, text via pdftotext) and the workbook (read back with
// exceljs) show the marts' figures for the month.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows, withWarehouse } from '../../data-loaders/db.ts';
import { decimalText as formatMoney, wanText } from '../../vocabulary/index.ts';
import { writeReports, type WrittenReport } from '../../data-loaders/report/index.ts';
import { CITY, createReportFixture } from './fixture.ts';

let dir: string;
let db: string;
let written: WrittenReport[];
let mart: Record<string, unknown>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ltci-report-files-'));
  db = join(dir, 'w.duckdb');
  await withWarehouse(db, async ({ conn }) => {
    await createReportFixture(conn);
    [mart] = await queryRows(conn, `select * from mart_fund_monthly where city = '${CITY}' and scheme = 'all' and month = date '2027-02-01'`);
  });
  written = await writeReports({ dbPath: db, month: '2027-02', outDir: join(dir, 'out') });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const pdfText = (path: string) => execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });

describe('the PDF', () => {
  it('is written as <city>-<YYYY-MM>.pdf, A4, with numbered pages', () => {
    expect(written.map((w) => w.pdf)).toEqual([join(dir, 'out', `${CITY}-2027-02.pdf`)]);
    const info = execFileSync('pdfinfo', [written[0].pdf], { encoding: 'utf8' });
    const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
    expect(info).toMatch(/Page size:\s+59[45](\.\d+)? x 84[12](\.\d+)? pts \(A4\)/);
    expect(pages).toBeGreaterThanOrEqual(3);
    const text = pdfText(written[0].pdf);
    // Chromium's footer on every page: 第 n 页 / 共 N 页.
    for (let p = 1; p <= pages; p++) expect(text).toMatch(new RegExp(`第\\s*${p}\\s*页\\s*/\\s*共\\s*${pages}\\s*页`));
    expect(text.split('\f').filter((t) => t.trim()).length).toBe(pages);
  });

  it('shows every section and the month\'s figures as the marts hold them', () => {
    const text = pdfText(written[0].pdf);
    expect(text).toContain('连云港市长期护理保险基金运行月报（2027年2月）');
    for (const h of ['一、概要', '二、参保情况', '三、失能评估', '四、待遇享受', '五、基金收支', '六、结余与可支付月数', '七、基金监管', '八、数据说明']) {
      expect(text).toContain(h);
    }
    expect(text).toContain('初步数');
    // The fund row of 2027-02 from mart_fund_monthly, each figure in 万元 from its DECIMAL string.
    const line = (label: string) => text.split('\n').find((l) => l.trim().startsWith(label))!;
    expect(line('基金收入合计')).toContain(wanText(String(mart.income_total)));
    expect(line('基金支出合计')).toContain(wanText(String(mart.expenditure_total)));
    expect(line('当期结余')).toContain(wanText(String(mart.net)));
    expect(wanText(String(mart.income_total))).toBe('0.50'); // 5,010.75 元
    expect(line('月末累计结余（万元）')).toContain(wanText(String(mart.cumulative_balance))); // 1.29
    expect(line('基金收入合计')).toMatch(/\+25\.3%.*\+11\.3%/); // month-on-month, year-on-year
    // 万元 in the tables' headers, never the exact yuan of the workbook
    expect(text).toMatch(/本月（万元）/);
    expect(text).toContain('金额单位：万元');
    expect(text).not.toContain(formatMoney(String(mart.income_total)));
  });

  it('opens with the narrative and carries the two charts', () => {
    const flat = pdfText(written[0].pdf).replace(/\s+/g, '');
    expect(flat).toContain('本月基金收入0.50万元，同比增长11.3%；基金支出0.42万元，同比增长18.6%；当期结余0.09万元。');
    expect(flat).toContain('月末累计结余1.29万元，可支付4.2个月，结余状态为“结余偏低”');
    expect(flat).toContain('本月监管发现疑点结算3笔');
    // the charts' titles and axis words (SVG text is text in the PDF)
    expect(flat).toContain('近12个月基金收入与支出（2026年3月—2027年2月）');
    expect(flat).toContain('月末累计结余与可支付月数（2026年3月—2027年2月）');
    expect(flat).toMatch(/可支付月数（右轴）/);
  });

  it('gives the same bytes for the same report (the data\'s date, not the clock\'s)', async () => {
    const again = await writeReports({ dbPath: db, month: '2027-02', outDir: join(dir, 'again') });
    expect(readFileSync(again[0].pdf).equals(readFileSync(written[0].pdf))).toBe(true);
    expect(readFileSync(again[0].xlsx).equals(readFileSync(written[0].xlsx))).toBe(true);
    expect(execFileSync('pdfinfo', [written[0].pdf], { encoding: 'utf8' })).toMatch(/CreationDate:.*2027/);
  });
});

describe('the workbook', () => {
  it('has one sheet per section with the marts\' numbers as numbers', async () => {
    expect(existsSync(written[0].xlsx)).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(written[0].xlsx);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['1 概要', '2 参保情况', '3 失能评估', '4 待遇享受', '5 基金收支', '6 结余与可支付月数', '7 基金监管', '8 数据说明']);
    const ws = wb.getWorksheet('5 基金收支')!;
    const rows: { label: string; row: ExcelJS.Row }[] = [];
    ws.eachRow((r) => rows.push({ label: String(r.getCell(1).value ?? ''), row: r }));
    const header = rows.find((r) => r.label === '项目')!.row;
    const col = (name: string) => (header.values as unknown[]).indexOf(name);
    // the workbook keeps exact yuan: its headers say 元
    expect(header.values).toContain('本月（元）');
    const income = rows.find((r) => r.label === '基金收入合计')!.row;
    const current = income.getCell(col('本月（元）'));
    expect(current.value).toBe(Number(mart.income_total));
    expect(current.numFmt).toBe('#,##0.00');
    expect(income.getCell(col('本年累计（元）')).value).toBe(9010.75);
    expect(income.getCell(col('环比')).value).toBe(0.2527);
    const net = rows.find((r) => r.label === '当期结余')!.row;
    expect(net.getCell(col('本月（元）')).value).toBe(Number(mart.net));
    // Counts are integers.
    const assess = wb.getWorksheet('3 失能评估')!;
    let all: ExcelJS.Row | undefined;
    assess.eachRow((r) => { if (r.getCell(1).value === '合计') all = r; });
    expect(all!.getCell(2).value).toBe(40);
    expect(all!.getCell(2).numFmt).toBe('#,##0');
    // The balance sheet carries the month-end balance from the mart.
    const bal = wb.getWorksheet('6 结余与可支付月数')!;
    let balRow: ExcelJS.Row | undefined;
    bal.eachRow((r) => { if (r.getCell(1).value === '合计') balRow = r; });
    expect(balRow!.getCell(2).value).toBe(Number(mart.cumulative_balance));
  });
});
