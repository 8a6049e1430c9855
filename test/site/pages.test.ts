// Browser tests: every page of the built site in Debian Chromium (playwright-core), offline.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ltciSql, REPO } from '../support/demoWarehouse.ts';
import { serveStatic, type StaticServer } from './server.ts';
import { count, percent, yuan, yuanExact } from '../../vocabulary/index.ts';
import { annualPayable } from '../../vocabulary/index.ts';

const SITE = JSON.parse(readFileSync(join(REPO, 'config/site.json'), 'utf8'));
const PUBLISHER = SITE.publisher as string;

/** Each page and the least number of Plot charts it must draw with the demo data. */
const PAGES: { path: string; title: string; charts: number }[] = [
  { path: '/', title: '总览', charts: 2 },
  { path: '/fund', title: '基金收支', charts: 4 },
  { path: '/surplus', title: '结余原则', charts: 2 },
  { path: '/simulate', title: '政策模拟', charts: 2 },
  { path: '/services', title: '服务类型', charts: 3 },
  { path: '/assessment', title: '失能评估', charts: 1 },
  { path: '/cities', title: '试点城市对比', charts: 8 },
  // opens on the latest month, which may have no finding: the charts are counted over every month below
  { path: '/audit', title: '基金监管', charts: 0 },
  { path: '/policies', title: '政策目录', charts: 0 },
  { path: '/data-quality', title: '数据质量', charts: 1 },
  { path: '/methodology', title: '方法说明', charts: 0 },
];

const SHOTS = join(REPO, 'test-results/screenshots');
/** A desktop screen and a phone. */
const DESKTOP = 1440;
const PHONE = 390;
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
  knownCodes = ltciSql(site.db, `
    select admdvs as code from int_areas_named
    union select city from policy_scheme
    union select institution_code from stg_institution where institution_code is not null`).map((r) => String(r.code));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/**
 * Codes that have a name in the warehouse: city and area codes (行政区划) and institution codes. A
 * page shows the name; a code may appear only inside a closed fold (details) or a CSV.
 */
let knownCodes: string[] = [];

interface Seen {
  scrolledTables: string[];
  clippedCells: string[];
  codes: string[];
  chartWords: string[];
}

/** What a reader would miss or trip over on the page as it stands. */
async function inspect(page: Page, codes: string[]): Promise<Seen> {
  return page.evaluate((codes) => {
    const main = document.querySelector('main')!;
    const where = (e: Element) => {
      const card = e.closest('.card, section, [id]');
      const head = card?.querySelector('h2, h3')?.textContent ?? card?.id ?? '';
      return `${e.tagName.toLowerCase()}${head ? ` in “${head.trim().slice(0, 30)}”` : ''}`;
    };
    // A table hides columns when it, or a box it scrolls in, is wider than the box shows.
    const scrolledTables = [...main.querySelectorAll('table')].flatMap((t) => {
      const out: string[] = [];
      for (let a: Element | null = t; a && a !== main; a = a.parentElement) {
        if (a !== t && !/auto|scroll|hidden|clip/.test(getComputedStyle(a).overflowX)) continue;
        if (a.scrollWidth > a.clientWidth + 1) out.push(`${where(t)}: ${a.scrollWidth} px in ${a.clientWidth} px`);
      }
      return out.slice(0, 1);
    });
    // A cell hides text when its content is wider than the cell and overflow is cut (ellipsis).
    const clippedCells = [...main.querySelectorAll('td, th')]
      .filter((c) => /hidden|clip/.test(getComputedStyle(c).overflowX) && c.scrollWidth > c.clientWidth + 1)
      .map((c) => `${where(c)}: “${(c.textContent ?? '').trim().slice(0, 24)}”`)
      .slice(0, 10);
    // Visible text (innerText leaves out closed details) and the charts' text.
    const text = `${main.innerText}\n${[...main.querySelectorAll('svg text')].map((t) => t.textContent).join('\n')}`;
    const token = (c: string) => new RegExp(`(?<![0-9A-Za-z])${c}(?![0-9A-Za-z])`);
    const found = codes.filter((c) => token(c).test(text));
    // Six digits standing alone read as an area code (or an unformatted count): either way not for a reader.
    const sixDigits = [...text.matchAll(/.{0,12}(?<![0-9A-Za-z.,_])\d{6}(?![0-9A-Za-z.,_]).{0,12}/g)].map((m) => m[0]);
    const codesSeen = [...found.map((c) => `${c}: “${text.slice(Math.max(0, text.search(token(c)) - 12), text.search(token(c)) + c.length + 12).replace(/\s+/g, ' ')}”`), ...sixDigits.map((t) => t.replace(/\s+/g, ' '))];
    // Axis text: Chinese words, 万/亿 for large numbers, whole numbers on an axis that counts.
    const chartWords: string[] = [];
    for (const svg of main.querySelectorAll('svg[class^="plot"]')) {
      const labels = [...svg.querySelectorAll('[aria-label$="axis label"] text')].map((t) => t.textContent ?? '');
      const ticks = [...svg.querySelectorAll('[aria-label$="tick label"] text')].map((t) => t.textContent ?? '');
      for (const t of [...labels, ...ticks]) {
        // a delivery's file name (enrolment.csv) is a name, not English
        if (/[A-Za-z]{2,}/.test(t.replace(/[\w.-]+\.(csv|xlsx?|txt)\b/g, ''))) chartWords.push(`English: “${t}”`);
        if (/^[−-]?[\d.,]+\s*[kKMGTµ]$/.test(t.trim())) chartWords.push(`SI suffix: “${t}”`);
        if (/^[−-]?[\d,]+(\.\d+)?$/.test(t.trim()) && Math.abs(Number(t.trim().replace(/[,−]/g, (c) => (c === ',' ? '' : '-')))) >= 1e4) chartWords.push(`large number without 万/亿: “${t}”`);
      }
      const counting = labels.some((l) => /(行数|笔数|人数|人次|次数|城市数|个数|家数)/.test(l));
      if (counting) for (const t of ticks) if (/\d\.\d/.test(t)) chartWords.push(`fraction on a count axis (${labels.join(' ')}): “${t}”`);
    }
    return { scrolledTables, clippedCells, codes: codesSeen, chartWords: [...new Set(chartWords)] };
  }, codes);
}

interface Visit {
  page: Page;
  errors: string[];
  foreign: string[];
  dataBytes: number;
}

/** Open a page with every request to another host blocked and recorded. */
async function visit(path: string, width = DESKTOP): Promise<Visit> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
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
    // FileAttachments (/_file/) and the files a page fetches by name (/data/, e.g. 基金监管's months)
    if (/\/_file\/|\/data\//.test(new URL(res.url()).pathname)) v.dataBytes += (await res.body()).length;
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
        expect(look.pageWidth, `page wider than the ${DESKTOP} px window`).toBeLessThanOrEqual(DESKTOP);
        expect(look.overflowing, 'elements past the content column that do not scroll in their card').toEqual([]);
        expect(look.chartsWithoutCsv, 'charts whose card has no CSV button').toBe(0);
        expect(look.latinLegends, 'legends not in Chinese').toEqual([]);
        expect(look.footer, 'footer publisher from config/site.json').toContain(PUBLISHER);
        const seen = await inspect(v.page, knownCodes);
        // scrolledTables: tables hiding columns behind a horizontal scroll at 1440 px; clippedCells: text cut
        // off (ellipsis); codes: raw codes where a name exists (区划、机构、城市代码); chartWords: English
        // or SI-suffixed axis text, large ticks without 万/亿, fractions on an axis that counts.
        expect(seen, `what a reader at ${DESKTOP} px would miss or trip over`).toEqual({ scrolledTables: [], clippedCells: [], codes: [], chartWords: [] });
        const name = p.path === '/' ? 'index' : p.path.slice(1);
        await v.page.screenshot({ path: join(SHOTS, `${name}-${DESKTOP}.png`), fullPage: true });
        await v.page.screenshot({ path: join(SHOTS, `${name}-top.png`) });
      } finally {
        await v.page.context().close();
      }
    });
  }

  for (const p of PAGES) {
    test(`${p.title} (${p.path}) on a ${PHONE} px phone: no errors, nothing wider than the screen`, async () => {
      const v = await visit(p.path, PHONE);
      try {
        expect(v.errors, 'console errors').toEqual([]);
        expect(await v.page.locator('.observablehq--error').count(), 'cells that failed').toBe(0);
        const width = await v.page.evaluate(() => document.documentElement.scrollWidth);
        expect(width, 'page wider than the phone (tables may scroll inside their card)').toBeLessThanOrEqual(PHONE);
        // a chart's label cut at the svg's edge (a long rule or institution name on a phone)
        const cut = await v.page.evaluate(() => [...document.querySelectorAll('svg text')].filter((t) => {
          const svg = (t as SVGTextElement).ownerSVGElement;
          if (!svg || !t.textContent) return false;
          const [a, b] = [t.getBoundingClientRect(), svg.getBoundingClientRect()];
          return a.width > 0 && (a.left < b.left - 1 || a.right > b.right + 1);
        }).map((t) => t.textContent));
        expect(cut, 'chart labels cut at the chart\'s edge').toEqual([]);
        const name = p.path === '/' ? 'index' : p.path.slice(1);
        await v.page.screenshot({ path: join(SHOTS, `${name}-${PHONE}.png`), fullPage: true });
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
        const column_ = v.page.locator(`${card} .ltci-table table`).locator(`tbody tr:not(.ltci-detail) td:nth-child(${column + 1})`);
        // the table is drawn when its cell has run: wait for its first row (allTextContents does not)
        await column_.first().waitFor({ timeout: 10_000 });
        const cells = await column_.allTextContents();
        expect(cells.length).toBeGreaterThan(0);
        expect(cells.filter((c) => !/[\u4e00-\u9fff]/.test(c)), `${path}: cells without Chinese`).toEqual([]);
      } finally {
        await v.page.context().close();
      }
    }
  });

  test('基金监管 opens on the latest month and filters by year and month; every finding is reachable page by page', async () => {
    const v = await visit('/audit');
    try {
      const figures = v.page.locator('#audit-figures');
      const figure = async (name: string) => (await figures.locator(`[data-figure="${name}"]`).textContent())?.trim();
      const period = (p: string, city = '*') => ltciSql(site.db, `select settlements, overpaid_amt, settlements_checked from mart_audit_period
          where city = '${city}' and breakdown = 'total' and period = '${p}'`)[0];
      // "what did we find this month?": the latest month with settlements checked, at or before the as-of date
      const [{ latest }] = ltciSql(site.db, `select max(period) as latest from mart_audit_period, (select as_of_date from mart_data_period where city = 'all')
          where period_kind = 'month' and city = '*' and breakdown = 'total' and period <= strftime(as_of_date, '%Y-%m')`);
      expect(await figures.getAttribute('data-period')).toBe(latest);
      const m = period(String(latest));
      expect(await figure('settlements')).toBe(count(Number(m.settlements), { unit: '笔' }));
      expect(await figure('settlements_checked')).toBe(count(Number(m.settlements_checked), { unit: '笔' }));

      // every month together: the headline of mart_audit_summary, and the list holds every flagged settlement
      await v.page.getByLabel('年度', { exact: true }).selectOption({ label: '全部年度' });
      await v.page.waitForSelector('#audit-figures[data-period="*"]');
      const [all] = ltciSql(site.db, `select settlements, overpaid_amt from mart_audit_summary where city = '*' and breakdown = 'total'`);
      expect(Number(all.settlements)).toBeGreaterThan(0);
      expect(await figure('settlements')).toBe(count(Number(all.settlements), { unit: '笔' }));
      expect(await figure('overpaid_amt')).toBe(yuan(Number(all.overpaid_amt)));
      expect(await v.page.locator('svg[class^="plot"]').count(), 'charts by rule, district and institution').toBeGreaterThanOrEqual(3);
      const list = v.page.locator('#audit-list .ltci-table');
      expect(await list.getAttribute('data-rows')).toBe(String(all.settlements));
      // the last page is reachable, and shows the last rows: pages × 20 ≥ every settlement
      const pager = v.page.locator('#audit-list .ltci-page-select');
      if (await pager.count()) {
        const pages = await pager.locator('option').count();
        await pager.selectOption(String(pages - 1));
        expect(await v.page.locator('#audit-list .ltci-page-info').textContent()).toContain(`共 ${all.settlements} 行`);
        const shown = await v.page.locator('#audit-list tbody tr:not(.ltci-detail)').count();
        expect((pages - 1) * 20 + shown).toBe(Number(all.settlements));
      }
      // 多付 and 依据 are columns a reader sees, not behind a scroll
      const heads = await v.page.locator('#audit-list thead th').allTextContents();
      expect(heads).toEqual(expect.arrayContaining(['多付', '依据']));

      // the month with the most findings: its figures and its list
      const [busy] = ltciSql(site.db, `select period, settlements, overpaid_amt from mart_audit_period
          where city = '*' and breakdown = 'total' and period_kind = 'month' order by settlements desc, period desc limit 1`);
      const year = String(busy.period).slice(0, 4);
      await v.page.getByLabel('年度', { exact: true }).selectOption({ label: `${year}年` });
      await v.page.getByLabel('月份', { exact: true }).selectOption({ label: `${Number(String(busy.period).slice(5))}月` });
      await v.page.waitForSelector(`#audit-figures[data-period="${busy.period}"]`);
      expect(await figure('settlements')).toBe(count(Number(busy.settlements), { unit: '笔' }));
      expect(await figure('overpaid_amt')).toBe(yuan(Number(busy.overpaid_amt)));
      expect(await list.getAttribute('data-rows')).toBe(String(busy.settlements));
      // the biggest overpayment of the month first, its 多付 to the fen
      const [top] = ltciSql(site.db, `select overpaid_amt from mart_audit_settlements where strftime(settled_month, '%Y-%m') = '${busy.period}' order by overpaid_amt desc limit 1`);
      const overpaidColumn = heads.indexOf('多付') + 1;
      expect(await v.page.locator(`#audit-list tbody tr:not(.ltci-detail)`).first().locator(`td:nth-child(${overpaidColumn})`).textContent()).toBe(yuanExact(Number(top.overpaid_amt)));
    } finally {
      await v.page.context().close();
    }
  });

  test('失能评估 pairs approvals with the conclusions of the same month, and shows applications apart', async () => {
    const v = await visit('/assessment');
    try {
      const grid = v.page.locator('#assessment-figures');
      const month = await grid.getAttribute('data-month');
      expect(month).toMatch(/^\d{4}-\d{2}-01$/);
      const figure = async (name: string) => (await grid.locator(`[data-figure="${name}"]`).textContent())?.trim();
      // the city shown is the default city (meta), the scheme the first radio (合计)
      const [{ city }] = ltciSql(site.db, `select default_city as city from mart_data_period where city = 'all'`);
      const [m] = ltciSql(site.db, `select * from mart_assessment where city = '${city}' and scheme = 'all' and month = date '${month}'`);
      expect(await figure('concluded')).toBe(count(Number(m.concluded), { unit: '人次' }));
      expect(await figure('approved')).toBe(count(Number(m.approved), { unit: '人次' }));
      expect(await figure('applications')).toBe(count(Number(m.applications), { unit: '人次' }));
      // the rate is approvals over that month's conclusions, never over its applications
      expect(await figure('approval_rate')).toBe(percent(Number(m.concluded) ? Number(m.approved) / Number(m.concluded) : null));
      // every level's colour reads on the card: contrast with the card's background of at least 1.5
      const contrasts = await v.page.evaluate(() => {
        const card = [...document.querySelectorAll('.card')].find((c) => c.textContent?.includes('享受待遇人员'))!;
        const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
        const hex = (c: string) => (c.startsWith('#') ? [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16)) : rgb(c));
        const lum = ([r, g, b]: number[]) => [r, g, b].map((x) => { const s = x / 255; return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4; }).reduce((a, x, i) => a + x * [0.2126, 0.7152, 0.0722][i], 0);
        const bg = lum(rgb(getComputedStyle(card).backgroundColor));
        return [...card.querySelectorAll('[class$="-swatch"] > svg[fill]')].map((e) => {
          const f = lum(hex(e.getAttribute('fill')!));
          return { label: e.closest('[class*="-swatch"]')?.textContent ?? '', contrast: (Math.max(f, bg) + 0.05) / (Math.min(f, bg) + 0.05) };
        });
      });
      expect(contrasts.length).toBeGreaterThan(1);
      expect(contrasts.filter((c) => c.contrast < 1.5)).toEqual([]);
    } finally {
      await v.page.context().close();
    }
  });

  test('数据质量: a check passes only when its figures agree; counts are whole numbers; cards are the marts', async () => {
    const v = await visit('/data-quality');
    try {
      const rows = await v.page.locator('#reconciliation .ltci-table tbody tr:not(.ltci-detail)').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? '')));
      const checks = ltciSql(site.db, 'select * from mart_reconciliation order by check_order');
      expect(rows.length).toBe(checks.length);
      const text = await v.page.locator('main').innerText();
      expect(text).not.toMatch(/✔\s*通过/);
      checks.forEach((c, i) => {
        const [, , expected, actual, difference, result] = rows[i];
        if (c.unit !== 'yuan') for (const x of [expected, actual]) expect(x, `${c.check_name}: a count`).not.toMatch(/\.\d/);
        if (/✔/.test(result)) expect(Number(c.expected), `${c.check_name} shows ✔ with a difference`).toBe(Number(c.actual));
        if (c.severity === 'info') expect(result).toBe('仅供参考');
        if (c.severity !== 'info' && Number(c.expected) !== Number(c.actual)) expect(result).not.toMatch(/✔/);
        expect(difference.length).toBeGreaterThan(0);
      });
      const [sum] = ltciSql(site.db, 'select * from mart_load_summary');
      expect(await v.page.locator('[data-figure="rows_rejected"]').textContent()).toBe(count(Number(sum.rows_rejected), { unit: '行' }));
      expect(await v.page.locator('[data-figure="files"]').textContent()).toBe(count(Number(sum.files), { unit: '个' }));
    } finally {
      await v.page.context().close();
    }
  });

  test('试点城市对比 draws each city on its own scale, or all on one when asked', async () => {
    const v = await visit('/cities');
    try {
      const tops = async () => v.page.locator('.ltci-city-trend [data-city]').evaluateAll((cells) => cells.map((c) => {
        const ticks = [...c.querySelectorAll('[aria-label="y-axis tick label"] text')].map((t) => t.textContent ?? '');
        return ticks.at(-1) ?? '';
      }));
      const own = await tops();
      expect(own.length).toBeGreaterThan(1);
      expect(new Set(own).size, 'each city on its own scale').toBeGreaterThan(1);
      await v.page.getByLabel('统一刻度（比较规模）').check();
      await v.page.waitForFunction(() => document.querySelectorAll('.ltci-city-trend').length === 1);
      await v.page.waitForTimeout(200);
      expect(new Set(await tops()).size, 'one scale for every city').toBe(1);
    } finally {
      await v.page.context().close();
    }
  });

  test('总览 and 基金收支 mark a month whose income towers over the rest as the year\'s collection', async () => {
    const v = await visit('/');
    try {
      const grid = v.page.locator('#key-figures');
      const [city, scheme, month] = await Promise.all(['data-city', 'data-scheme', 'data-month'].map((a) => grid.getAttribute(a)));
      // the twelve months up to the one shown; a spike: income ≥ ratio × the mean of the other months
      const months = ltciSql(site.db, `select month::varchar as month, income_total from mart_fund_monthly
          where city = '${city}' and scheme = '${scheme}' and month <= date '${month}' order by month desc limit 12`);
      const incomes = months.map((r) => Math.max(0, Number(r.income_total)));
      const total = incomes.reduce((a, b) => a + b, 0);
      const spikes = incomes.filter((x) => x > 0 && x >= SITE.income_spike_ratio * ((total - x) / (incomes.length - 1))).length;
      expect(spikes, 'the demo collects contributions once a year').toBeGreaterThan(0);
      const marks = await v.page.locator('.card', { hasText: '近12个月基金收支' }).locator('svg text', { hasText: '年度集中缴费' }).count();
      expect(marks).toBe(spikes);
      expect(await v.page.locator('.card', { hasText: '近12个月基金收支' }).locator('h3').textContent()).toContain('参保缴费按年度征收');
    } finally {
      await v.page.context().close();
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
