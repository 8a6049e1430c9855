// Browser tests: every page of the built site in Debian Chromium (playwright-core), offline.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ltciSql, REPO } from '../support/demoWarehouse.ts';
import { serveStatic, type StaticServer } from './server.ts';
import { count, percent, yuan } from '../../vocabulary/index.ts';
import { annualPayable } from '../../vocabulary/index.ts';

const PUBLISHER = JSON.parse(readFileSync(join(REPO, 'config/site.json'), 'utf8')).publisher as string;

/** Each page and the least number of Plot charts it must draw with the demo data. */
const PAGES: { path: string; title: string; charts: number }[] = [
  { path: '/', title: '总览', charts: 2 },
  { path: '/fund', title: '基金收支', charts: 4 },
  { path: '/surplus', title: '结余原则', charts: 2 },
  { path: '/simulate', title: '政策模拟', charts: 2 },
  { path: '/services', title: '服务类型', charts: 3 },
  { path: '/assessment', title: '失能评估', charts: 1 },
  { path: '/cities', title: '试点城市对比', charts: 8 },
  { path: '/audit', title: '基金监管', charts: 3 },
  { path: '/policies', title: '政策目录', charts: 0 },
  { path: '/data-quality', title: '数据质量', charts: 1 },
  { path: '/methodology', title: '方法说明', charts: 0 },
];

const SHOTS = join(REPO, 'test-results/screenshots');
const MAX_DATA_BYTES = 500 * 1024;

let site: { dir: string; db: string };
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  // Built once for the whole run by test/globalSetup.ts (offline).
  site = { dir: process.env.LTCI_TEST_SITE!, db: process.env.LTCI_TEST_DB! };
  server = await serveStatic(site.dir);
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
  mkdirSync(SHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface Visit {
  page: Page;
  errors: string[];
  foreign: string[];
  dataBytes: number;
}

/** Open a page with every request to another host blocked and recorded. */
async function visit(path: string): Promise<Visit> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  const v: Visit = { page, errors: [], foreign: [], dataBytes: 0 };
  page.on('console', (msg) => { if (msg.type() === 'error') v.errors.push(msg.text()); });
  page.on('pageerror', (err) => v.errors.push(err.message));
  await page.route('**/*', (route) => {
    const { hostname, protocol } = new URL(route.request().url());
    if (protocol === 'blob:' || protocol === 'data:' || hostname === '127.0.0.1' || hostname === 'localhost') return route.continue();
    v.foreign.push(route.request().url());
    return route.abort();
  });
  page.on('response', async (res) => {
    if (/\/_file\//.test(res.url())) v.dataBytes += (await res.body()).length;
  });
  await page.goto(server.url + path, { waitUntil: 'networkidle' });
  await page.waitForFunction(() => !document.querySelector('.observablehq--running'), null, { timeout: 30_000 });
  return v;
}

describe('the built site', () => {
  test('every page is <html lang="zh-CN"> and names no CDN or font host', () => {
    for (const { path } of PAGES) {
      const html = readFileSync(join(site.dir, path === '/' ? 'index.html' : `${path.slice(1)}.html`), 'utf8');
      expect(html).toMatch(/<html lang="zh-CN">/);
      expect(html).not.toMatch(/jsdelivr|googleapis|gstatic/);
    }
  });

  for (const p of PAGES) {
    test(`${p.title} (${p.path}) loads offline, without errors, and draws its charts`, async () => {
      const v = await visit(p.path);
      try {
        expect(v.foreign, 'requests to other hosts').toEqual([]);
        expect(v.errors, 'console errors').toEqual([]);
        expect(await v.page.locator('.observablehq--error').count(), 'cells that failed').toBe(0);
        expect(await v.page.locator('h1').first().textContent()).toMatch(/[\u4e00-\u9fff]/);
        const charts = await v.page.locator('svg[class^="plot"]').count();
        expect(charts, 'Plot charts drawn').toBeGreaterThanOrEqual(p.charts);
        expect(v.dataBytes, 'data loaded by the page').toBeLessThanOrEqual(MAX_DATA_BYTES);
        const look = await v.page.evaluate(() => {
          const main = document.querySelector('main')!;
          const text = main.innerText;
          const mainRight = main.getBoundingClientRect().right;
          const scrolls = (e: Element | null): boolean => {
            for (let a = e?.parentElement; a && a !== main; a = a.parentElement) if (/auto|scroll|hidden/.test(getComputedStyle(a).overflowX)) return true;
            return false;
          };
          return {
            junk: [...text.matchAll(/.{0,16}(NaN|undefined|null|Infinity).{0,16}/g)].map((m) => m[0]),
            negativeMonths: [...text.matchAll(/.{0,16}-\d[\d.,]*\s*个月.{0,8}/g)].map((m) => m[0]),
            pageWidth: document.documentElement.scrollWidth,
            overflowing: [...main.querySelectorAll('table, svg, figure, .card, .grid')].filter((e) => e.getBoundingClientRect().right > mainRight + 1 && !scrolls(e)).map((e) => e.tagName + '.' + e.getAttribute('class')),
            chartsWithoutCsv: [...main.querySelectorAll('svg[class^="plot"]')].filter((svg) => !svg.closest('.card')?.querySelector('.ltci-csv')).length,
            latinLegends: [...main.querySelectorAll('[class*="-swatches"]')].map((e) => (e as HTMLElement).innerText).filter((t) => /[A-Za-z]{2,}/.test(t)),
            footer: document.querySelector('#observablehq-footer')?.textContent ?? '',
          };
        });
        expect(look.junk, 'NaN / undefined / null in the text').toEqual([]);
        expect(look.negativeMonths, 'negative months payable (a fund below zero shows —（累计结余穿底）)').toEqual([]);
        expect(look.pageWidth, 'page wider than the 1280 px window').toBeLessThanOrEqual(1280);
        expect(look.overflowing, 'elements past the content column that do not scroll in their card').toEqual([]);
        expect(look.chartsWithoutCsv, 'charts whose card has no CSV button').toBe(0);
        expect(look.latinLegends, 'legends not in Chinese').toEqual([]);
        expect(look.footer, 'footer publisher from config/site.json').toContain(PUBLISHER);
        const name = p.path === '/' ? 'index' : p.path.slice(1);
        await v.page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
        await v.page.screenshot({ path: join(SHOTS, `${name}-top.png`) });
      } finally {
        await v.page.context().close();
      }
    });
  }

  test('总览: the key figures equal the marts', async () => {
    const v = await visit('/');
    try {
      const grid = v.page.locator('#key-figures');
      const city = await grid.getAttribute('data-city');
      const scheme = await grid.getAttribute('data-scheme');
      const month = await grid.getAttribute('data-month');
      expect(city).toMatch(/^\d{6}$/);
      const where = `city = '${city}' and scheme = '${scheme}'`;
      const [m] = ltciSql(site.db, `select * from mart_fund_monthly where ${where} and month = date '${month}'`);
      const [ytd] = ltciSql(site.db, `select sum(income_total) as income, sum(expenditure_total) as expenditure from mart_fund_monthly where ${where} and year(month) = year(date '${month}') and month <= date '${month}'`);
      const [a] = ltciSql(site.db, `select * from mart_fund_annual where ${where} and year = year(date '${month}')`);
      const [c] = ltciSql(site.db, `select * from mart_city_comparison where ${where} and year = year(date '${month}')`);
      const figure = (name: string) => v.page.locator(`[data-figure="${name}"]`).textContent();
      expect(await figure('income_total')).toBe(yuan(Number(m.income_total)));
      expect(await figure('expenditure_total')).toBe(yuan(Number(m.expenditure_total)));
      expect(await figure('cumulative_balance')).toBe(yuan(Number(m.cumulative_balance)));
      expect(await figure('income_ytd')).toBe(yuan(Number(ytd.income)));
      expect(await figure('expenditure_ytd')).toBe(yuan(Number(ytd.expenditure)));
      expect(await figure('months_payable')).toBe(annualPayable({ year: Number(a.year), months_payable: a.months_payable === null ? null : Number(a.months_payable), balance_end: Number(a.balance_end), surplus_status: a.surplus_status as string | null, year_complete: a.year_complete as boolean }));
      expect(await figure('surplus_rate')).toBe(percent(a.surplus_rate === null ? null : Number(a.surplus_rate)));
      expect(await figure('participants')).toBe(count(Number(c.participants)));
      expect(await figure('beneficiaries')).toBe(count(Number(c.beneficiaries)));
    } finally {
      await v.page.context().close();
    }
  });

  test('总览 opens on the latest complete month at or before the as-of date, in the city whose data is latest', async () => {
    // As-of date: latest settled_date / entry_date. Complete: income and benefit expenditure both in
    // the month (scheme all). Default city: latest complete month, ties to the smallest city code.
    const [{ as_of }] = ltciSql(site.db, `select max(d)::varchar as as_of from (select max(settled_date) as d from raw_settlement union all select max(entry_date) from raw_ledger)`);
    const [want] = ltciSql(site.db, `
      select city, max(month)::varchar as month from mart_fund_monthly
      where scheme = 'all' and month <= date '${as_of}' and income_total > 0 and expenditure_benefits > 0
      group by city order by month desc, city limit 1`);
    const v = await visit('/');
    try {
      const grid = v.page.locator('#key-figures');
      expect(await grid.getAttribute('data-city')).toBe(want.city);
      expect(await grid.getAttribute('data-month')).toBe(want.month);
      const offered = await v.page.locator('select').evaluateAll((els) => els.flatMap((s) => [...(s as HTMLSelectElement).options].map((o) => o.textContent ?? '')));
      const months = offered.map((t) => /^(\d{4})年(\d{1,2})月$/.exec(t)).filter((m) => m !== null).map((m) => `${m![1]}-${m![2].padStart(2, '0')}-01`);
      expect(months.length).toBeGreaterThan(0);
      expect(months.filter((m) => m > String(as_of)), 'months offered after the as-of date').toEqual([]);
    } finally {
      await v.page.context().close();
    }
  });

  test('数据质量 and 政策目录 show checks and parameters in Chinese', async () => {
    for (const [path, card, column] of [['/data-quality', '#reconciliation', 0], ['/policies', '#params', 1]] as const) {
      const v = await visit(path);
      try {
        const cells = await v.page.locator(`${card} form table`).locator(`tbody tr td:nth-child(${column + 2})`).allTextContents();
        expect(cells.length).toBeGreaterThan(0);
        expect(cells.filter((c) => !/[\u4e00-\u9fff]/.test(c)), `${path}: cells without Chinese`).toEqual([]);
      } finally {
        await v.page.context().close();
      }
    }
  });

  test('a CSV button downloads the rows shown, with Chinese headers and a UTF-8 BOM', async () => {
    const v = await visit('/');
    try {
      const button = v.page.locator('.ltci-csv').first();
      const [download] = await Promise.all([v.page.waitForEvent('download'), button.click()]);
      const text = readFileSync(await download.path(), 'utf8');
      expect(text.charCodeAt(0)).toBe(0xfeff);
      expect(text.split('\r\n')[0]).toBe('\uFEFF月份,基金收入合计,基金支出合计,当期结余,累计结余');
      expect(text.trimEnd().split('\r\n').length - 1).toBe(Number(await button.getAttribute('data-rows')));
    } finally {
      await v.page.context().close();
    }
  });
});
