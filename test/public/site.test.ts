// The public disclosure site, built from a tiny demo warehouse: only public pages, nothing that
// names a person or an internal table, counts suppressed, and every page clean in Chromium.
import { readFileSync, rmSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows, withWarehouse } from '../../data-loaders/db.ts';
import { checkPublicOutput, walkFiles } from '../../data-loaders/public/checkPublicOutput.ts';
import { SCHEMES } from '../../vocabulary/index.ts';
import { serveStatic, type StaticServer } from '../site/server.ts';
import { buildPublic, sharedWarehouse, type DemoWarehouse } from '../support/demoWarehouse.ts';
import { attack, hiddenCells, readPublishedTables } from './attacker.ts';
import { sideKnowledge } from './sideKnowledge.ts';

const PAGES = ['/index.html', '/fund.html', '/people.html', '/institutions.html', '/policies.html', '/data.html', '/about.html'];

let wh: DemoWarehouse;
let out: string;
let files: string[];
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  wh = sharedWarehouse('ltci-public-');
  out = join(wh.tmp, 'dist-public');
  await buildPublic(wh.db, out);
  files = walkFiles(out);
  server = await serveStatic(out);
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (wh) rmSync(wh.tmp, { recursive: true, force: true });
});

/** A published table by name, from its JSON file (Framework adds a content hash to the file name). */
function table(name: string): { columns: { key: string; label: string }[]; rows: Record<string, unknown>[] } {
  const file = files.find((f) => new RegExp(`[\\\\/]${name}\\.[0-9a-f]+\\.json$`).test(f));
  if (!file) throw new Error(`no ${name}.json in ${out}`);
  return JSON.parse(readFileSync(file, 'utf8'));
}

/** A published CSV by table name (Framework adds a content hash to the file name). */
function csv(name: string): string[][] {
  const file = files.find((f) => new RegExp(`[\\\\/]${name}\\.[0-9a-f]+\\.csv$`).test(f));
  if (!file) throw new Error(`no ${name}.csv in ${out}`);
  const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  // The loaders quote only fields with commas or quotes; these tables have none in the checked columns.
  return text.trim().split(/\r?\n/).map((l) => l.split(','));
}

/** Every alphanumeric token of length ≥ 8 in a text. */
function tokens(text: string): Set<string> {
  return new Set(text.match(/[A-Za-z0-9]{8,}/g) ?? []);
}

describe('dist-public', () => {
  it('holds the public pages and nothing internal', () => {
    const pages = files.filter((f) => f.endsWith('.html')).map((f) => relative(out, f)).sort();
    expect(pages).toEqual(['about.html', 'data.html', 'fund.html', 'index.html', 'institutions.html', 'people.html', 'policies.html']);
    expect(files.filter((f) => /audit|quality|reconcil|finding/i.test(basename(f)))).toEqual([]);
  });

  it('names no person number, certificate hash or number, settlement or assessment id, and no internal table', async () => {
    const secrets = new Set<string>();
    await withWarehouse(wh.db, async ({ conn }) => {
      const q = async (sql: string) => (await queryRows(conn, sql)).forEach((r) => secrets.add(String(Object.values(r)[0])));
      await q(`select distinct person_no from raw_enrolment`);
      await q(`select distinct person_no from raw_settlement`);
      await q(`select distinct person_no from raw_assessment`);
      await q(`select distinct cert_hash from raw_enrolment where cert_hash is not null`);
      await q(`select settlement_id from raw_settlement`);
      await q(`select assessment_id from raw_assessment`);
    }, { readOnly: true });
    if (wh.delivery) {
      const enrolment = readFileSync(join(wh.delivery, 'enrolment.csv'), 'utf8').split('\n').slice(1);
      for (const line of enrolment) if (line.split(',')[1]) secrets.add(line.split(',')[1]);
      // The scan works: the delivery itself is full of them.
      const raw = tokens(readFileSync(join(wh.delivery, 'settlement.csv'), 'utf8'));
      expect([...raw].filter((t) => secrets.has(t)).length).toBeGreaterThan(10);
    }
    expect(secrets.size).toBeGreaterThan(100);
    const leaks = files.flatMap((f) => [...tokens(readFileSync(f, 'latin1'))].filter((t) => secrets.has(t)).map((t) => `${relative(out, f)}: ${t}`));
    expect(leaks).toEqual([]);
    expect(checkPublicOutput(out)).toEqual([]);
  });

  it('shows no count from 1 to 10, and each "<10" stands for one', async () => {
    const rows = csv('participants-beneficiaries');
    const header = rows[0];
    const [cityCol, yearCol, schemeCol, pCol, bCol] = ['医保区划', '年度', '险种', '参保人数', '待遇享受人数'].map((h) => header.indexOf(h));
    const body = rows.slice(1);
    const cells = body.flatMap((r) => [r[pCol], r[bCol]]);
    expect(cells.filter((v) => /^\d+$/.test(v) && Number(v) >= 1 && Number(v) <= 10)).toEqual([]);
    expect(cells.filter((v) => v === '<10').length).toBeGreaterThan(0); // the tiny demo has small counts
    const truth = await withWarehouse(wh.db, ({ conn }) => queryRows(conn, `select city, year::varchar as year, scheme, participants, beneficiaries from mart_city_comparison`), { readOnly: true });
    const label = SCHEMES; // the one labels module (vocabulary/labels.ts)
    for (const r of body) {
      const t = truth.find((x) => x.city === r[cityCol] && x.year === r[yearCol] && label[String(x.scheme)] === r[schemeCol])!;
      if (r[bCol] === '<10') expect(Number(t.beneficiaries)).toBeGreaterThanOrEqual(1), expect(Number(t.beneficiaries)).toBeLessThanOrEqual(10);
      else if (r[bCol] !== '*') expect(Number(r[bCol])).toBe(Number(t.beneficiaries));
    }
  });

  it('never leaves a total with exactly one hidden part (schemes; districts against the city total)', () => {
    const schemes = csv('participants-beneficiaries');
    const districts = csv('districts');
    const hidden = (v: string) => v === '<10' || v === '*';
    const h = schemes[0];
    const hd = districts[0];
    const groups = new Map<string, { total: string[]; schemes: string[][]; districts: string[][] }>();
    for (const r of schemes.slice(1)) {
      const key = `${r[h.indexOf('医保区划')]}|${r[h.indexOf('年度')]}`;
      const g = groups.get(key) ?? { total: [], schemes: [], districts: [] };
      if (r[h.indexOf('险种')] === '合计') g.total = r;
      else g.schemes.push(r);
      groups.set(key, g);
    }
    for (const r of districts.slice(1)) groups.get(`${r[hd.indexOf('医保区划')]}|${r[hd.indexOf('年度')]}`)?.districts.push(r);
    let checked = 0;
    for (const g of groups.values()) {
      for (const [col, colD] of [[h.indexOf('参保人数'), hd.indexOf('参保人数')], [h.indexOf('待遇享受人数'), hd.indexOf('待遇享受人数')]]) {
        const schemeLine = [g.total[col], ...g.schemes.map((r) => r[col])];
        const districtLine = [g.total[col], ...g.districts.map((r) => r[colD])];
        for (const line of [schemeLine, ...(g.districts.length ? [districtLine] : [])]) {
          const n = line.filter(hidden).length;
          expect(n === 0 || n >= 2, JSON.stringify(line)).toBe(true);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(10);
  });

  it('hides the rates and amounts computed from a hidden count', () => {
    const rows = csv('service-types');
    const h = rows[0];
    for (const r of rows.slice(1)) {
      if (r[h.indexOf('待遇享受人数')] === '<10') {
        expect([r[h.indexOf('基金支付（元）')], r[h.indexOf('人均月基金支付（元）')]]).toEqual(['*', '*']);
      }
    }
    expect(rows.slice(1).some((r) => r[h.indexOf('待遇享受人数')] === '<10')).toBe(true);
  });
});

describe('what the tables publish', () => {
  it('gives an attacker with every table and every sum they imply no hidden cell', async () => {
    const tables = readPublishedTables(out);
    expect(hiddenCells(tables)).toBeGreaterThan(100); // the tiny demo is mostly small cells
    expect(attack(tables, await sideKnowledge(wh.db))).toEqual([]);
  });

  it('lists the institutions designated on the as-of date, each once', async () => {
    const list = table('institutions').rows;
    const truth = await withWarehouse(wh.db, ({ conn }) => queryRows(conn, `
        select institution_name as name, admdvs from mart_institution, (select as_of_date from mart_data_period where city = 'all')
        where designated_from <= as_of_date and coalesce(designated_to, date '9999-12-31') >= as_of_date`), { readOnly: true });
    expect(list.map((r) => `${r.admdvs} ${r.name}`).sort()).toEqual(truth.map((r) => `${r.admdvs} ${r.name}`).sort());
    expect(new Set(list.map((r) => `${r.admdvs} ${r.name}`)).size).toBe(list.length);
    const all = await withWarehouse(wh.db, ({ conn }) => queryRows(conn, `select count(*)::integer as n from mart_institution`), { readOnly: true });
    expect(Number(all[0].n)).toBeGreaterThan(list.length); // the demo has ended designations: they are left out
  });

  it('puts the newest year first, and never a fund of no scheme', () => {
    for (const name of ['fund-annual', 'participants-beneficiaries', 'service-types']) {
      const years = table(name).rows.filter((r) => r.city === '320100').map((r) => Number(r.year));
      expect(years, name).toEqual([...years].sort((a, b) => b - a));
    }
    const schemes = new Set(table('fund-annual').rows.map((r) => r.scheme));
    expect([...schemes].sort()).toEqual(['合计', '城乡居民', '职工'].sort());
  });
});

describe('the public pages in Chromium', () => {
  for (const path of PAGES) {
    it(`${path}: zh-CN, no console error, no request to another host, tables drawn`, async () => {
      const page = await browser.newPage();
      const errors: string[] = [];
      const external: string[] = [];
      page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
      page.on('pageerror', (e) => errors.push(String(e)));
      page.on('request', (r) => { if (!r.url().startsWith(server.url) && !/^(data|blob):/.test(r.url())) external.push(r.url()); });
      await page.goto(server.url + path, { waitUntil: 'networkidle' });
      await page.waitForFunction(() => !document.querySelector('.observablehq--loading, observablehq-loading'), null, { timeout: 15_000 }).catch(() => {});
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
      expect(errors).toEqual([]);
      expect(external).toEqual([]);
      expect(await page.locator('.observablehq--error').count()).toBe(0);
      if (!['/about.html', '/index.html'].includes(path)) expect(await page.locator('table').count()).toBeGreaterThan(0);
      // for citizens: the dates, no data artefact in words, money in 万元, Chinese axes
      const text = await page.locator('main').innerText();
      expect(text).toMatch(/数据截至\d{4}年\d{1,2}月\d{1,2}日/);
      expect(text).toMatch(/发布日期\d{4}年\d{1,2}月\d{1,2}日/);
      expect(text).not.toMatch(/未分险种|穿底/);
      const headers = await page.locator('th').allInnerTexts();
      expect(headers.filter((h) => h.includes('（元）') && !h.includes('人均'))).toEqual([]);
      const ticks = await page.locator('svg text').allInnerTexts();
      expect(ticks.filter((t) => /^\s*-?[\d.,]+\s*[kMGTµ]\s*$/.test(t))).toEqual([]);
      const links = await page.locator('a[download]').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
      for (const href of links) {
        const res = await page.request.get(href);
        expect(res.status(), href).toBe(200);
        expect((await res.text()).startsWith('\uFEFF'), href).toBe(true);
      }
      await page.close();
    });
  }
});
