// `ltci report` on a real (tiny demo) warehouse, and the site's report pages built from it: the
// files and pages show the marts' figures, and the pages are clean in Chromium.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows, withWarehouse } from '../../data-loaders/db.ts';
import { AUDIT_RULES, MONTH_STATUS, OVERDRAWN_TEXT, SCHEMES, UNKNOWN_BALANCE_TEXT, wanText } from '../../vocabulary/index.ts';
import { SITE_REPORT_MONTHS, siteReportList, type SiteReport } from '../../data-loaders/report/reportPaths.mjs';
import { REPO, run, sharedWarehouse, type DemoWarehouse } from '../support/demoWarehouse.ts';
import { serveStatic, type StaticServer } from '../site/server.ts';

let wh: DemoWarehouse;
let month: string;
let out: string;
let fund: Record<string, unknown>[];

beforeAll(async () => {
  wh = sharedWarehouse('ltci-report-demo-');
  out = join(wh.tmp, 'reports');
});
afterAll(() => rmSync(wh.tmp, { recursive: true, force: true }));

async function martRows(sql: string) {
  return withWarehouse(wh.db, ({ conn }) => queryRows(conn, sql), { readOnly: true });
}

describe('ltci report on the demo warehouse', () => {
  beforeAll(async () => {
    // The latest month in which every city has fund data, and a settlement somewhere.
    [{ month }] = (await martRows(`
        select strftime(max(settled_month), '%Y-%m') as month from stg_settlement
        where settled_month <= (select min(last) from (select max(month) as last from mart_fund_monthly group by city))`)) as { month: string }[];
    fund = await martRows(`select city, income_total, expenditure_total, net, cumulative_balance from mart_fund_monthly
        where scheme = 'all' and month = date '${month}-01'`);
    await run(['bin/ltci.mjs', 'report', '--month', month, '--db', wh.db, '--out', out]);
  });

  it('writes a PDF and a workbook per city with data that month', () => {
    expect(fund.length).toBeGreaterThan(1);
    for (const { city } of fund) {
      expect(existsSync(join(out, `${city}-${month}.pdf`))).toBe(true);
      expect(existsSync(join(out, `${city}-${month}.xlsx`))).toBe(true);
    }
  });

  it("prints each city's fund figures for the month as the mart holds them", () => {
    for (const f of fund) {
      const text = execFileSync('pdftotext', ['-layout', join(out, `${f.city}-${month}.pdf`), '-'], { encoding: 'utf8' });
      const line = (label: string) => text.split('\n').find((l) => l.trim().startsWith(label)) ?? '';
      // amounts in 万元 with two decimals, rounded from the mart's exact yuan
      expect(line('基金收入合计')).toContain(wanText(String(f.income_total)));
      expect(line('基金支出合计')).toContain(wanText(String(f.expenditure_total)));
      expect(line('当期结余')).toContain(wanText(String(f.net)));
      expect(text).toContain('金额单位：万元');
      // a balance not known (连云港's account: no opening balance delivered) is printed as such
      expect(text).toContain(f.cumulative_balance === null ? UNKNOWN_BALANCE_TEXT : wanText(String(f.cumulative_balance)));
      // the narrative opens the report with the same figures
      const flat = text.replace(/\s+/g, '');
      expect(flat).toContain(`一、概要本月基金收入${wanText(String(f.income_total))}万元`);
    }
  });

  it("keeps the same figures, as numbers, in each city's workbook", async () => {
    for (const f of fund) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(join(out, `${f.city}-${month}.xlsx`));
      const ws = wb.getWorksheet('5 基金收支')!;
      const found: Record<string, unknown> = {};
      ws.eachRow((r) => {
        const label = r.getCell(1).value;
        // The first table of the sheet is the `all` scheme; keep its rows.
        if (typeof label === 'string' && !(label in found)) found[label] = r.getCell(2).value;
      });
      expect(found['基金收入合计']).toBe(Number(f.income_total));
      expect(found['基金支出合计']).toBe(Number(f.expenditure_total));
      expect(found['当期结余']).toBe(Number(f.net));
    }
  });

  it('refuses a bad month or city with a message and a non-zero exit', () => {
    const bad = spawnSync(process.execPath, ['bin/ltci.mjs', 'report', '--month', '2027-13', '--db', wh.db], { cwd: REPO, encoding: 'utf8' });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/YYYY-MM/);
    const city = spawnSync(process.execPath, ['bin/ltci.mjs', 'report', '--month', month, '--city', '999900', '--db', wh.db, '--out', out], { cwd: REPO, encoding: 'utf8' });
    expect(city.status).toBe(2);
    expect(city.stderr).toMatch(/no fund data for city 999900/);
  });
});

describe('the report pages of the site', () => {
  let site: string;
  let server: StaticServer;
  let browser: Browser;
  let latest: string;

  beforeAll(async () => {
    // The dashboards, report pages included, built once for the run by test/globalSetup.ts.
    site = process.env.LTCI_TEST_SITE!;
    [{ latest }] = (await martRows(`select strftime(max(month), '%Y-%m') as latest from mart_fund_monthly`)) as { latest: string }[];
    server = await serveStatic(site);
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('has one page per month, the latest LTCI_REPORT_MONTHS (24 unless set)', async () => {
    const months = (await martRows(`select distinct strftime(month, '%Y-%m') as m from mart_fund_monthly order by 1`)).map((r) => String(r.m));
    const n = SITE_REPORT_MONTHS;
    for (const m of months.slice(-n)) expect(existsSync(join(site, 'reports', `${m}.html`)), m).toBe(true);
    if (months.length > n) expect(existsSync(join(site, 'reports', `${months.at(-n - 1)}.html`))).toBe(false);
    // the test site carries fewer (test/globalSetup.ts); a bureau's build, 24
    const { LTCI_REPORT_MONTHS: _, ...env } = process.env;
    const byDefault = execFileSync(process.execPath, ['--input-type=module', '-e',
      `import('./data-loaders/report/reportPaths.mjs').then((m) => console.log(m.SITE_REPORT_MONTHS))`], { cwd: REPO, env, encoding: 'utf8' });
    expect(byDefault.trim()).toBe('24');
  });

  for (const path of ['/reports/index.html', 'latest']) {
    it(`${path}: no console error, no request to another host`, async () => {
      const page = await browser.newPage();
      const errors: string[] = [];
      const external: string[] = [];
      page.on('console', (m) => { if (m.type() === 'error' && !m.location().url.endsWith('/favicon.ico')) errors.push(m.text()); });
      page.on('pageerror', (e) => errors.push(String(e)));
      page.on('request', (r) => { if (!r.url().startsWith(server.url) && !/^(data|blob):/.test(r.url())) external.push(r.url()); });
      await page.goto(`${server.url}${path === 'latest' ? `/reports/${latest}.html` : path}`, { waitUntil: 'networkidle' });
      expect(errors).toEqual([]);
      expect(external).toEqual([]);
      if (path === 'latest') {
        // The first city's report: its month's income as in the mart.
        const first = await page.locator('.ltci-report h1').textContent();
        expect(first).toContain('长期护理保险基金运行月报');
        const [f] = await martRows(`select m.income_total from mart_fund_monthly as m
            where m.scheme = 'all' and m.month = date '${latest}-01' order by m.city limit 1`);
        const text = (await page.locator('.ltci-report #t-fund-all').textContent()) ?? '';
        expect(text).toContain(wanText(String(f.income_total)));
        // the narrative first, then the two charts
        expect(await page.locator('.ltci-report #s-summary p.lead').first().textContent()).toContain(`本月基金收入${wanText(String(f.income_total))}万元`);
        expect(await page.locator('.ltci-report #s-summary figure.chart svg').count()).toBe(2);
      } else {
        expect(await page.locator(`a[href="./${latest}.html"]`).count()).toBe(1);
      }
      await page.close();
    });
  }

  it('a month page is Chinese for every city: rules by name, no code, no NaN, overdrawn funds as —（累计结余穿底）', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('console', (m) => { if (m.type() === 'error' && !m.location().url.endsWith('/favicon.ico')) errors.push(m.text()); });
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${server.url}/reports/${latest}.html`, { waitUntil: 'networkidle' });
    const cities = await page.locator('.ltci-filters input[type=radio]').count();
    expect(cities).toBeGreaterThan(1);
    const codes = Object.keys(AUDIT_RULES);
    let rulesSeen = 0;
    let overdrawnSeen = 0;
    for (let i = 0; i < cities; i++) {
      const radio = page.locator('.ltci-filters input[type=radio]').nth(i);
      await radio.check();
      const name = (await radio.locator('xpath=..').innerText()).trim();
      await expect.poll(() => page.locator('.ltci-report h1').textContent()).toContain(name);
      const text = (await page.locator('.ltci-report').innerText()) ?? '';
      expect(text).not.toMatch(/NaN|undefined|null|Infinity/);
      // No English word at all in the report body (the audit-rule codes were shown before).
      expect((text.match(/[A-Za-z_]{3,}/g) ?? []).filter((w) => w !== 'ltci' && w !== 'CSV')).toEqual([]); // the warehouse's name and the dashboards' 下载CSV may stay
      for (const c of codes) expect(text).not.toContain(c);
      expect(text).toMatch(new RegExp(`${MONTH_STATUS.provisional}|${MONTH_STATUS.final}`));
      // 七: every rule cell is one of the labels; 六: a negative balance never has months payable.
      const rules = await page.locator('.ltci-report #t-audit-rules tbody tr td:first-child').allInnerTexts();
      for (const r of rules.filter((x) => x !== '本期无数据')) expect(Object.values(AUDIT_RULES)).toContain(r);
      rulesSeen += rules.length;
      const balance = await page.locator('.ltci-report #t-balance tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
      for (const row of balance) {
        expect(Object.values(SCHEMES)).toContain(row[0]);
        if (row[1] === UNKNOWN_BALANCE_TEXT) expect(row[5], row.join(' | ')).toBe(UNKNOWN_BALANCE_TEXT);
        else if (row[1].startsWith('-')) expect(row[5], row.join(' | ')).toBe(OVERDRAWN_TEXT), overdrawnSeen++;
        else expect(row[5]).toMatch(/^(\d[\d,]*\.\d{2}|—)$/);
      }
    }
    expect(rulesSeen).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('the reports to download from the site', () => {
  let site: string;
  let list: SiteReport[];
  let server: StaticServer;
  let browser: Browser;

  beforeAll(async () => {
    site = process.env.LTCI_TEST_SITE!;
    list = await withWarehouse(wh.db, ({ conn }) => siteReportList((sql) => queryRows(conn, sql)), { readOnly: true });
    server = await serveStatic(site);
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('has a 年报 page for each year whose December the site carries', () => {
    const years = list.filter((r) => r.kind === 'year').map((r) => r.period);
    expect(years.length).toBeGreaterThan(0);
    for (const y of years) expect(existsSync(join(site, 'reports', `${y}.html`)), y).toBe(true);
    for (const r of list.filter((x) => x.kind === 'month' && x.period.endsWith('-12'))) expect(years).toContain(r.period.slice(0, 4));
  });

  it('links a PDF and a workbook for every month and city, each a file in the built site', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/reports/index.html`, { waitUntil: 'networkidle' });
    const hrefs = new Set(await page.locator('a[download]').evaluateAll((as) => as.map((a) => a.getAttribute('href'))));
    let files = 0;
    for (const r of list) {
      for (const city of r.cities) {
        for (const ext of ['pdf', 'xlsx']) {
          const href = `./data/files/${city}-${r.period}.${ext}`;
          expect(hrefs.has(href), href).toBe(true);
          const path = join(site, 'reports', 'data', 'files', `${city}-${r.period}.${ext}`);
          expect(existsSync(path), path).toBe(true);
          const res = await page.request.get(`${server.url}/reports/data/files/${city}-${r.period}.${ext}`);
          expect(res.status(), href).toBe(200);
          files++;
        }
      }
    }
    expect(files).toBe(hrefs.size);
    expect(list.filter((r) => r.kind === 'month').length).toBe(Math.min(SITE_REPORT_MONTHS, (await martRows(`select count(distinct month) as n from mart_fund_monthly`)).map((x) => Number(x.n))[0]));
    await page.close();
  });

  it('holds the bytes ltci report writes, for a month and for a year', async () => {
    // `month` (above) is among the site's months; its reports were written by `ltci report` into `out`
    const r = list.find((x) => x.period === month)!;
    expect(r.cities.length).toBeGreaterThan(1);
    for (const city of r.cities) {
      for (const ext of ['pdf', 'xlsx']) {
        const site_ = readFileSync(join(site, 'reports', 'data', 'files', `${city}-${month}.${ext}`));
        expect(site_.equals(readFileSync(join(out, `${city}-${month}.${ext}`))), `${city}-${month}.${ext}`).toBe(true);
      }
    }
    const y = list.find((x) => x.kind === 'year')!;
    const yearOut = join(wh.tmp, 'year');
    await run(['bin/ltci.mjs', 'report', '--year', y.period, '--city', y.cities[0], '--db', wh.db, '--out', yearOut]);
    for (const ext of ['pdf', 'xlsx']) {
      const name = `${y.cities[0]}-${y.period}.${ext}`;
      expect(readFileSync(join(site, 'reports', 'data', 'files', name)).equals(readFileSync(join(yearOut, name))), name).toBe(true);
    }
  });

  it('a report page at 1440 px: nothing needs scrolling sideways; printed: no button, no clipped column', async () => {
    const latest = list.filter((x) => x.kind === 'month').at(-1)!.period;
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    for (const period of [latest, list.find((x) => x.kind === 'year')!.period]) {
      await page.goto(`${server.url}/reports/${period}.html`, { waitUntil: 'networkidle' });
      await page.locator('.ltci-report h1').waitFor();
      const overflow = () => page.evaluate(() => [...document.querySelectorAll('.ltci-report figure')]
        .filter((f) => f.scrollWidth > f.clientWidth + 1).map((f) => `${f.id}: ${f.scrollWidth} > ${f.clientWidth}`));
      expect(await overflow(), `${period} on screen`).toEqual([]);
      expect(await page.locator('.ltci-downloads a[download]').count()).toBe(2);
      await page.emulateMedia({ media: 'print' });
      expect(await overflow(), `${period} printed`).toEqual([]);
      const shown = await page.evaluate(() => [...document.querySelectorAll('button, .ltci-downloads, .ltci-filters, #observablehq-sidebar')]
        .filter((e) => getComputedStyle(e).display !== 'none' && (e as HTMLElement).offsetParent !== null).map((e) => e.outerHTML.slice(0, 60)));
      expect(shown, `${period} printed`).toEqual([]);
      await page.emulateMedia({ media: 'screen' });
    }
    expect(errors).toEqual([]);
    await page.close();
  });
});
