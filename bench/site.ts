// `npm run bench -- --site`: the site build on the default warehouse (the small demo of
// `ltci refresh`), timed as a child process, the data each page loads: the sum of the files
// its FileAttachments register (`registerFile(…, {"path": "./_file/…", …})` in the built HTML),
// and each page's first render in headless Chromium on loopback (bench/firstRender.ts).
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { CHROMIUM, FIRST_RENDER_TARGET_MS, measureFirstRender, type FirstRender } from './firstRender.ts';
import { measureChild, REPO } from './measure.ts';

export const PAGE_DATA_TARGET_KB = 500;
export const SITE_BUILD_TARGET_S = 120;
/** Runs of each page's first render (a fresh browser context each); the last is kept. */
export const RENDER_RUNS = 2;

export interface PageData {
  page: string;
  files: number;
  kb: number;
}

export type SitePage = PageData & Omit<FirstRender, 'page'>;

export interface SiteResult {
  db: string;
  site_build_s: number;
  peak_rss_mb: number | null;
  pages: SitePage[];
  max_page_kb: number;
  /** The largest `first_render_ms` of any page (bench/firstRender.ts: the last of `runs` runs). */
  max_first_render_ms: number;
  first_render: { runs: number; kept: 'last'; target_ms: number; chromium: string };
  met: { site_build_s: boolean; page_data_kb: boolean; first_render: boolean };
  /** null, or what went wrong in a page (console errors, foreign hosts…): the bench then exits 1. */
  error: string | null;
  /** Load average (1 / 5 / 15 min) before the site build and at the end of the run. */
  load_avg_start: number[];
  load_avg: number[];
}

const loadAvg = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).map(Number);

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

/** Files each built page registers, and their total size. */
export function pageData(siteDir: string): PageData[] {
  const pages: PageData[] = [];
  for (const html of walk(siteDir).filter((f) => f.endsWith('.html'))) {
    const text = readFileSync(html, 'utf8');
    const paths = new Set([...text.matchAll(/"path":"([^"]*_file\/[^"]+)"/g)].map((m) => resolve(dirname(html), m[1])));
    const bytes = [...paths].reduce((a, p) => a + (existsSync(p) ? statSync(p).size : 0), 0);
    pages.push({ page: relative(siteDir, html), files: paths.size, kb: Math.round(bytes / 102.4) / 10 });
  }
  return pages.sort((a, b) => b.kb - a.kb);
}

export interface SitePages {
  pages: SitePage[];
  max_page_kb: number;
  max_first_render_ms: number;
  /** null, or each page with errors and what they were. */
  error: string | null;
}

/** Each page of a built site: the data it registers and its first render (bench/firstRender.ts). */
export async function sitePages(siteDir: string, opts: { runs?: number; concurrency?: number; log?: (line: string) => void; only?: string[] } = {}): Promise<SitePages> {
  const data = pageData(siteDir).filter((p) => !opts.only || opts.only.includes(p.page));
  const renders = new Map((await measureFirstRender(siteDir, { runs: opts.runs ?? RENDER_RUNS, concurrency: opts.concurrency, pages: data.map((p) => p.page), log: opts.log })).map((f) => [f.page, f]));
  const pages: SitePage[] = data.map((p) => {
    const { page: _, ...f } = renders.get(p.page)!;
    return { ...p, ...f };
  });
  const failed = pages.filter((p) => p.errors.length > 0);
  return {
    pages,
    max_page_kb: Math.max(0, ...pages.map((p) => p.kb)),
    max_first_render_ms: Math.max(0, ...pages.map((p) => p.first_render_ms)),
    error: failed.length ? failed.map((p) => `${p.page}: ${p.errors.join('; ')}`).join('\n') : null,
  };
}

export async function measureSite(log: (line: string) => void = () => {}): Promise<SiteResult> {
  const loadAvgStart = loadAvg();
  const out = mkdtempSync(join(tmpdir(), 'ltci-bench-site-'));
  const db = resolve(process.env.LTCI_DB ?? join(REPO, 'warehouse', 'ltci.duckdb'));
  try {
    // a copy, so the build holds no lock on a warehouse someone may be refreshing
    const copy = join(out, 'warehouse.duckdb');
    copyFileSync(db, copy);
    const site = join(out, 'site');
    log(`site build (npm run build:site) on a copy of ${relative(REPO, db)} → ${site}`);
    const r = await measureChild([process.execPath, '--import', 'tsx', 'data-loaders/site/buildSite.ts'], {
      env: { LTCI_DB: copy, LTCI_SITE_OUT: site, OBSERVABLE_TELEMETRY_DISABLE: '1' },
      label: 'site build',
    });
    log(`  site build ${r.seconds.toFixed(1)} s`);
    log(`first render of each page in headless Chromium on 127.0.0.1 (${RENDER_RUNS} runs, fresh context each; the last is kept)`);
    const { pages, max_page_kb: max, max_first_render_ms: maxRender, error } = await sitePages(site, { runs: RENDER_RUNS, log });
    log(`  largest page data ${max} KB, slowest first render ${maxRender} ms${error ? '; pages with errors' : ''}`);
    return {
      db: relative(REPO, db),
      site_build_s: Math.round(r.seconds * 100) / 100,
      peak_rss_mb: r.peakRssMb === null ? null : Math.round(r.peakRssMb),
      pages,
      max_page_kb: max,
      max_first_render_ms: maxRender,
      first_render: { runs: RENDER_RUNS, kept: 'last', target_ms: FIRST_RENDER_TARGET_MS, chromium: CHROMIUM },
      met: {
        site_build_s: r.seconds <= SITE_BUILD_TARGET_S,
        page_data_kb: max <= PAGE_DATA_TARGET_KB,
        first_render: error === null && maxRender <= FIRST_RENDER_TARGET_MS,
      },
      error,
      load_avg_start: loadAvgStart,
      load_avg: loadAvg(),
    };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
