// The first-render measurement of `npm run bench -- --site` (bench/firstRender.ts, bench/site.ts) on
// the site the test run builds (test/globalSetup.ts): every page gets a positive measurement and the
// fields of the JSON's `pages` entries; a page with a console error or a request to another host is
// reported, not measured quietly. No assertion on time (tests never do).
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { htmlPages, measureFirstRender } from '../../bench/firstRender.ts';
import { pageData, sitePages } from '../../bench/site.ts';

const work = mkdtempSync(join(tmpdir(), 'ltci-first-render-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const site = () => {
  const dir = process.env.LTCI_TEST_SITE;
  if (!dir) throw new Error('LTCI_TEST_SITE is not set: run the tests through vitest (test/globalSetup.ts builds the site)');
  return dir;
};

test('the bench measures every page; a sample of them gets a first render, with the fields of the bench JSON', async () => {
  const dir = site();
  const all = htmlPages(dir);
  expect(all).toContain('index.html');
  expect(all).toContain('fund.html');
  // the bench's page list is every built page (test/site opens them all in the browser tests)
  expect(pageData(dir).map((p) => p.page).sort()).toEqual(all);
  // a sample here, to keep the suite quick: the overview, the heaviest dashboards, a monthly report
  const sample = ['index.html', 'fund.html', 'surplus.html', all.find((p) => p.startsWith('reports/') && p !== 'reports/index.html')!];
  const r = await sitePages(dir, { runs: 1, concurrency: 2, only: sample }); // two at once: quicker, and times are not asserted

  expect(r.pages.map((p) => p.page).sort()).toEqual([...sample].sort());
  expect(r.error).toBeNull();
  for (const p of r.pages) {
    expect(Object.keys(p).sort(), p.page).toEqual(['content_ms', 'errors', 'fcp_ms', 'files', 'first_render_ms', 'first_render_runs_ms', 'kb', 'page']);
    expect(p.errors, p.page).toEqual([]);
    expect(p.fcp_ms, p.page).toBeGreaterThan(0);
    expect(p.content_ms, p.page).toBeGreaterThan(0);
    expect(p.first_render_runs_ms, p.page).toHaveLength(1);
    // the worse of first contentful paint and every cell rendered
    expect(p.first_render_ms, p.page).toBe(Math.max(p.fcp_ms, p.content_ms));
    expect(p.first_render_runs_ms[0], p.page).toBe(p.first_render_ms);
  }
  expect(r.max_first_render_ms).toBe(Math.max(...r.pages.map((p) => p.first_render_ms)));
}, 180_000);

test('a page that logs a console error or asks another host is reported with its errors', async () => {
  // A site of its own: the built site's assets linked in, index.html as built, and a copy of it
  // that logs an error and loads an image from another host.
  const dir = site();
  const own = join(work, 'site');
  mkdirSync(own);
  // every asset folder the build wrote (_observablehq, _import, _file; _node only with bare imports)
  for (const sub of readdirSync(dir).filter((n) => n.startsWith('_'))) symlinkSync(join(dir, sub), join(own, sub), 'dir');
  copyFileSync(join(dir, 'index.html'), join(own, 'index.html'));
  const bad = readFileSync(join(dir, 'index.html'), 'utf8').replace('</body>', '<img src="http://example.com/x.png"><script>console.error("boom")</script></body>');
  writeFileSync(join(own, 'bad.html'), bad);

  const [good, wrong] = await measureFirstRender(own, { pages: ['index.html', 'bad.html'], runs: 2 });
  expect(good.errors).toEqual([]);
  expect(good.first_render_runs_ms).toHaveLength(2);
  expect(good.first_render_ms).toBe(good.first_render_runs_ms[1]);
  expect(wrong.errors.some((e) => e.includes('console error: boom'))).toBe(true);
  expect(wrong.errors.some((e) => e.includes('request to another host: http://example.com/x.png'))).toBe(true);
}, 120_000);
