// First render of every page of a built site, on loopback, in headless Chromium (playwright-core).
//
// First render of a page = the later of
//   (a) its first contentful paint (the browser's `first-contentful-paint` paint entry), and
//   (b) "content rendered": every Observable cell of the page has settled — the Framework runtime
//       has nothing left to compute (`runtime._computing` null, `runtime._dirty` empty) and the
//       promise of every reachable variable is settled (the FileAttachments fetched and parsed,
//       every chart and table displayed), and no `<observablehq-loading>` placeholder is left —
//       followed by the next animation frame and a task after it, so what was displayed has been
//       painted;
// in milliseconds from navigation start (`performance.now()` in the page, whose origin is the
// navigation's start). Measured in the page itself (an init script), so Playwright's round trips
// do not count.
//
// Each page is opened in a fresh browser context (its own, empty HTTP cache), `runs` times in a row
// (default 2); `first_render_ms` is the LAST run: the first pays for the server's and the OS's cold
// file cache and Chromium's first use of each code path; all runs are kept in
// `first_render_runs_ms`.
//
// Like the browser tests, a page fails loudly: a console error, an uncaught exception, a cell in
// error (`.observablehq--error`), a failed request, an HTTP error or a request to a host that is
// not 127.0.0.1 / localhost makes its `errors` non-empty. Other hosts are not intercepted (request
// interception would add a round trip to Playwright per request, and so to the time measured):
// they are recorded from the `request` event, and Chromium cannot reach them anyway
// (`--host-resolver-rules` maps every other host to "not found").
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { serveStatic } from '../test/site/server.ts';

export const FIRST_RENDER_TARGET_MS = 1000;

export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost',
];

export interface FirstRender {
  page: string;
  /** The last run's first render, ms (see the top of this file). */
  first_render_ms: number;
  /** Every run, in order. */
  first_render_runs_ms: number[];
  /** The last run's first contentful paint and content-rendered times, ms. */
  fcp_ms: number;
  content_ms: number;
  /** Console errors, uncaught exceptions, failed cells and requests, foreign hosts; [] when clean. */
  errors: string[];
}

export interface FirstRenderOptions {
  /** Runs per page, each in a fresh context (default 2; the last is kept). */
  runs?: number;
  /** Pages (paths relative to the site, e.g. `fund.html`); default every .html page. */
  pages?: string[];
  /** Pages measured at once (default 1: the bench measures one page at a time; tests may run more). */
  concurrency?: number;
  /** Give up on a page after this long (default 30 s): an error, not a time. */
  timeoutMs?: number;
  log?: (line: string) => void;
}

/** Every .html page of a built site, relative to it, sorted. */
export function htmlPages(siteDir: string): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const p = join(dir, name);
      return statSync(p).isDirectory() ? walk(p) : [p];
    });
  return walk(siteDir)
    .filter((f) => f.endsWith('.html'))
    .map((f) => relative(siteDir, f))
    .sort();
}

interface InPage {
  fcp: number;
  content: number;
}

/**
 * Runs in the page before its own scripts (an init script). It imports the site's Observable
 * runtime module (`RUNTIME_URL`: the same URL as the page's, so the same module instance) and wraps
 * `Runtime.prototype._computeNow`, which the runtime first calls a frame after the cells are
 * defined, to learn the page's runtime; then it waits for the cells to settle (`_computing`,
 * `_dirty`, `_variables`, `_reachable`, `_promise`: the internals of @observablehq/runtime 5, which
 * Framework 1.13 bundles). Plain JavaScript in a string: a function compiled by tsx would carry
 * helpers (`__name`) the page does not have.
 */
const IN_PAGE_PROBE = `(() => {
  const tick = () => new Promise((ok) => setTimeout(ok, 0));
  const frame = () => new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 0)));
  let runtime = null;
  import(new URL(RUNTIME_URL, location.href).href).then(({ Runtime }) => {
    const computeNow = Runtime.prototype._computeNow;
    Runtime.prototype._computeNow = function () {
      runtime = this;
      return computeNow.apply(this, arguments);
    };
  }, (e) => { window.__ltciFirstRender = { error: 'runtime module: ' + e }; });
  const fcp = () => new Promise((ok) => {
    const entry = performance.getEntriesByName('first-contentful-paint')[0];
    if (entry) return ok(entry.startTime);
    new PerformanceObserver((list, observer) => {
      const e = list.getEntriesByName('first-contentful-paint')[0];
      if (e) { observer.disconnect(); ok(e.startTime); }
    }).observe({ type: 'paint', buffered: true });
  });
  const reachable = () => [...runtime._variables].filter((v) => v._reachable).map((v) => v._promise);
  const settle = async () => {
    while (!runtime) await frame();
    for (;;) {
      await tick();
      if (runtime._computing) { await runtime._computing; continue; }
      if (runtime._dirty.size) continue;
      const promises = reachable();
      await Promise.allSettled(promises);
      await tick();
      const now = reachable();
      const same = now.length === promises.length && now.every((p, i) => p === promises[i]);
      if (!same || runtime._computing || runtime._dirty.size) continue;
      if (document.querySelector('observablehq-loading')) { await frame(); continue; }
      return;
    }
  };
  document.addEventListener('DOMContentLoaded', async () => {
    try {
      await settle();
      await frame();
      const content = performance.now();
      window.__ltciFirstRender = { fcp: await fcp(), content };
    } catch (e) {
      window.__ltciFirstRender = { error: String(e) };
    }
  });
})();`;

/** The site's Observable runtime module, as a URL path from the site's root. */
function runtimeUrl(siteDir: string): string {
  const dir = join(siteDir, '_observablehq');
  const names = existsSync(dir) ? readdirSync(dir).filter((n) => /^runtime\.[0-9a-f]+\.js$/.test(n)) : [];
  if (names.length !== 1) throw new Error(`expected one _observablehq/runtime.<hash>.js in ${siteDir}, found ${names.length}: is it a built Observable Framework site?`);
  return `/_observablehq/${names[0]}`;
}

async function openOnce(browser: Browser, url: string, probe: string, timeoutMs: number): Promise<{ fcp: number; content: number; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const errors: string[] = [];
  try {
    const page = await context.newPage();
    await page.addInitScript({ content: probe });
    page.on('console', (msg) => {
      if (msg.type() === 'error') errors.push(`console error: ${msg.text()}`);
    });
    page.on('pageerror', (err) => errors.push(`uncaught: ${err.message}`));
    page.on('request', (req) => {
      const { hostname, protocol } = new URL(req.url());
      if (protocol === 'blob:' || protocol === 'data:' || hostname === '127.0.0.1' || hostname === 'localhost') return;
      errors.push(`request to another host: ${req.url()}`);
    });
    page.on('requestfailed', (req) => errors.push(`request failed: ${req.url()} (${req.failure()?.errorText ?? '?'})`));
    page.on('response', (res) => {
      if (res.status() >= 400) errors.push(`HTTP ${res.status()}: ${res.url()}`);
    });
    await page.goto(url, { waitUntil: 'commit', timeout: timeoutMs });
    const handle = await page.waitForFunction('window.__ltciFirstRender', null, { timeout: timeoutMs, polling: 50 });
    const r = (await handle.jsonValue()) as InPage | { error: string };
    if ('error' in r) {
      errors.push(`first-render probe: ${r.error}`);
      return { fcp: 0, content: 0, errors };
    }
    const failed = await page.locator('.observablehq--error').count();
    if (failed) errors.push(`${failed} cell(s) in error (.observablehq--error)`);
    return { ...r, errors };
  } catch (e) {
    errors.push(`not rendered within ${timeoutMs} ms: ${(e as Error).message.split('\n')[0]}`);
    return { fcp: 0, content: 0, errors };
  } finally {
    await context.close();
  }
}

const round = (ms: number) => Math.round(ms * 10) / 10;

/** Serve `siteDir` on 127.0.0.1 and measure the first render of each page (see the top of this file). */
export async function measureFirstRender(siteDir: string, opts: FirstRenderOptions = {}): Promise<FirstRender[]> {
  const runs = opts.runs ?? 2;
  const timeoutMs = opts.timeoutMs ?? 30_000;
  const pages = opts.pages ?? htmlPages(siteDir);
  const probe = IN_PAGE_PROBE.replace('RUNTIME_URL', JSON.stringify(runtimeUrl(siteDir)));
  const server = await serveStatic(siteDir);
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    const out: FirstRender[] = new Array(pages.length);
    const measure = async (i: number) => {
      const page = pages[i];
      const url = `${server.url}/${page.split('/').map(encodeURIComponent).join('/')}`;
      const all: { fcp: number; content: number; errors: string[] }[] = [];
      for (let k = 0; k < runs; k++) all.push(await openOnce(browser!, url, probe, timeoutMs));
      const last = all[all.length - 1];
      const errors = [...new Set(all.flatMap((r) => r.errors))];
      const r: FirstRender = {
        page,
        first_render_ms: round(Math.max(last.fcp, last.content)),
        first_render_runs_ms: all.map((x) => round(Math.max(x.fcp, x.content))),
        fcp_ms: round(last.fcp),
        content_ms: round(last.content),
        errors,
      };
      opts.log?.(`  ${page.padEnd(28)} first render ${r.first_render_runs_ms.join(' / ')} ms${errors.length ? `  ERRORS: ${errors.join('; ')}` : ''}`);
      out[i] = r;
    };
    let next = 0;
    const worker = async () => {
      while (next < pages.length) await measure(next++);
    };
    await Promise.all(Array.from({ length: Math.max(1, opts.concurrency ?? 1) }, worker));
    return out;
  } finally {
    await browser?.close();
    await server.close();
  }
}
