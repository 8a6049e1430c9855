// The annual report (年报) on the demo warehouse: its projection lines are mart_projection's and its
// words mart_projection_summary's; `ltci report --year` prints them.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows, withWarehouse } from '../../data-loaders/db.ts';
import { annualReportData, type ReportData } from '../../data-loaders/report/index.ts';
import { decimalText, SCHEMES } from '../../vocabulary/index.ts';
import { run, sharedWarehouse, type DemoWarehouse } from '../support/demoWarehouse.ts';

let wh: DemoWarehouse;
let funds: Record<string, unknown>[];
const reports = new Map<string, ReportData>();

beforeAll(async () => {
  wh = sharedWarehouse('ltci-report-annual-');
  await withWarehouse(wh.db, async ({ conn }) => {
    funds = await queryRows(conn, `select * from mart_projection_summary where scenario = 'baseline' order by city, scheme`);
    for (const city of new Set(funds.map((f) => String(f.city)))) {
      const year = Number(funds.find((f) => f.city === city)!.base_year);
      reports.set(city, await annualReportData(conn, { city, year }));
    }
  }, { readOnly: true });
});
afterAll(() => rmSync(wh.tmp, { recursive: true, force: true }));

const fundName = (scheme: string) => (scheme === 'all' ? '基金' : `${SCHEMES[scheme]}基金`);

describe('the annual report of each city\'s projection base year', () => {
  it('概要 gives months payable of the total where it is a fund, of each scheme where accounts are separate', async () => {
    let separate = 0;
    for (const [city, d] of reports) {
      const year = Number(funds.find((f) => f.city === city)!.base_year);
      const annual = await withWarehouse(wh.db, ({ conn }) => queryRows(conn, `
          select scheme, is_fund, months_payable from mart_fund_annual where city = '${city}' and year = ${year}`), { readOnly: true });
      const total = annual.find((a) => a.scheme === 'all')!;
      const shown = d.sections.find((s) => s.id === 'summary')!.tables[0].rows.find((r) => r.item === '可支付月数')!;
      if (total.is_fund === false) {
        separate++;
        // hand-made text: 职工 16.5个月；城乡居民 11.8个月 (months as the balance section rounds them)
        const each = annual.filter((a) => a.scheme !== 'all' && a.is_fund).sort((a, b) => (a.scheme === 'employee' ? -1 : b.scheme === 'employee' ? 1 : 0))
          .map((a) => `${SCHEMES[String(a.scheme)]} ${a.months_payable === null ? '' : `${Number(a.months_payable).toFixed(1)}个月`}`);
        for (const part of each) expect(String(shown.value), city).toContain(part.trim());
        expect(shown.value__kind).toBe('text');
      } else if (total.months_payable !== null) {
        expect(Number(shown.value), city).toBeCloseTo(Number(total.months_payable), 2);
      }
    }
    // 南京 keeps 职工 and 居民 apart in the demo
    expect(separate).toBeGreaterThan(0);
  });

  it('prints every baseline year of mart_projection, figure for figure', async () => {
    expect(funds.length).toBeGreaterThan(1);
    for (const f of funds) {
      const d = reports.get(String(f.city))!;
      const t = d.sections.find((s) => s.id === 'projection')!.tables.find((x) => x.id === `projection-${f.scheme}`)!;
      const mart = await withWarehouse(wh.db, ({ conn }) => queryRows(conn, `
          select year, participants, financing_per_head, income_total, expenditure_total, net, balance_end, months_payable, break_even_per_head
          from mart_projection where city = '${f.city}' and scheme = '${f.scheme}' and scenario = 'baseline' order by year`), { readOnly: true });
      expect(t.rows.map((r) => String(r.year).slice(0, 5))).toEqual(mart.map((m) => `${m.year}年`));
      const known = f.healthy_financing_low !== null;
      t.rows.forEach((r, i) => {
        const m = mart[i];
        expect([r.participants, r.financing_per_head, r.income_total, r.expenditure_total, r.net, r.break_even_per_head], `${f.city} ${m.year}`)
          .toEqual([Number(m.participants), m.financing_per_head, m.income_total, m.expenditure_total, m.net, m.break_even_per_head]);
        if (known) {
          expect(r.balance_end).toBe(m.balance_end);
          expect(r.months_payable).toBe(m.months_payable ?? '—（累计结余穿底）');
        } else expect(r.balance_end).toBe('期初结余未提供');
      });
    }
  });

  it('says the depletion year and the break-even and healthy financing of mart_projection_summary in words', () => {
    for (const f of funds) {
      const lead = reports.get(String(f.city))!.sections[0].lead!.join('');
      const words = lead.slice(lead.indexOf(fundName(String(f.scheme)), lead.indexOf('按基准情景预测')));
      if (f.healthy_financing_low === null) expect(words).toContain('期初结余未提供，只预测收支');
      else if (f.depletion_year !== null && Number(f.depletion_year) === Number(f.base_year)) expect(words).toContain(`${f.base_year}年末累计结余已穿底`);
      else if (f.depletion_year !== null) expect(words).toContain(`累计结余预计于${f.depletion_year}年穿底`);
      else expect(words).toContain('预测期内累计结余不穿底');
      expect(words).toContain(`当年收支平衡所需的人均筹资${Number(f.base_year) + 1}年为${decimalText(String(f.break_even_first_year))}元、${f.horizon_end}年为${decimalText(String(f.break_even_last_year))}元`);
      if (f.healthy_financing_low !== null && !String(f.healthy_financing_low).startsWith('-')) {
        expect(words).toContain(`人均筹资保持在${decimalText(String(f.healthy_financing_low))}至${decimalText(String(f.healthy_financing_high))}元`);
      }
    }
  });

  it('ltci report --year writes the PDF with the projection and the workbook', async () => {
    const f = funds.find((x) => x.depletion_year !== null) ?? funds[0];
    const out = join(wh.tmp, 'annual');
    await run(['bin/ltci.mjs', 'report', '--year', String(f.base_year), '--city', String(f.city), '--db', wh.db, '--out', out]);
    const text = execFileSync('pdftotext', ['-layout', join(out, `${f.city}-${f.base_year}.pdf`), '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(text).toContain(`长期护理保险基金运行年报（${f.base_year}年）`);
    expect(text).toContain('八、基金运行预测');
    expect(text).toContain(`按基准情景预测（以${f.base_year}年为基年，预测至${f.horizon_end}年）`);
    // a fund below zero at the base year's end is said so; a later depletion year by its year
    if (f.depletion_year !== null && Number(f.depletion_year) === Number(f.base_year)) expect(text).toContain(`${f.base_year}年末累计结余已穿底`);
    else if (f.depletion_year !== null) expect(text).toContain(`累计结余预计于${f.depletion_year}年穿底`);
    expect(text).toContain(`${decimalText(String(f.break_even_last_year))}`);
    // the workbook has the projection's sheet, its balances in exact yuan
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(out, `${f.city}-${f.base_year}.xlsx`));
    const ws = wb.worksheets.find((w) => w.name.endsWith('基金运行预测'))!;
    const cells: unknown[] = [];
    ws.eachRow((r) => r.eachCell((c) => cells.push(c.value)));
    expect(cells).toContain(Number(f.horizon_balance_end ?? f.break_even_last_year));
  });
});
