// HTML → PDF with Debian's Chromium through playwright-core. Nothing is fetched: the page is set
// from a string, and any request the page would still make is refused and reported. One Chromium
// prints every report of a run, on up to PRINT_CONCURRENCY pages at once.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { UserError } from '../errors.ts';
import { stablePdf } from './stableBytes.ts';

export const CHROMIUM_PATH = process.env.LTCI_CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'];
/** Pages printing at once: each PDF spends most of its time in Chromium turning CJK glyphs into outlines. */
export const PRINT_CONCURRENCY = 2;

/** Run `fn` with a headless Chromium and close it whatever happens. */
export async function withBrowser<T>(fn: (browser: Browser) => Promise<T>): Promise<T> {
  let browser: Browser;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  } catch (err) {
    throw new UserError(`cannot start Chromium at ${CHROMIUM_PATH} (install Debian's chromium, or set LTCI_CHROMIUM): ${(err as Error).message.split('\n')[0]}`);
  }
  try {
    return await fn(browser);
  } finally {
    await browser.close();
  }
}

export interface PdfJob {
  html: string;
  /** A Chromium footerTemplate, on every page. */
  footer: string;
  /** The document's date (YYYY-MM-DD), written as its creation and modification date. */
  date: string;
}

/** The print options: A4 as the page's CSS says, backgrounds, the footer. */
const printOptions = (footer: string) => ({
  format: 'A4' as const,
  printBackground: true,
  preferCSSPageSize: true,
  displayHeaderFooter: true,
  headerTemplate: '<span></span>',
  footerTemplate: footer,
});

async function offlinePage(browser: Browser): Promise<{ page: Page; refused: string[]; close: () => Promise<void> }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const refused: string[] = [];
  await page.route('**/*', (route) => {
    refused.push(route.request().url());
    return route.abort();
  });
  return { page, refused, close: () => context.close() };
}

async function print(p: { page: Page; refused: string[] }, job: PdfJob): Promise<Buffer> {
  await p.page.setContent(job.html, { waitUntil: 'load' });
  await p.page.evaluate(() => document.fonts.ready);
  if (p.refused.length) throw new Error(`the report page tried to fetch ${p.refused.join(', ')}; everything must be inline`);
  return stablePdf(await p.page.pdf(printOptions(job.footer)), job.date);
}

/** The PDF of one page of HTML. */
export async function pdfBytes(browser: Browser, job: PdfJob): Promise<Buffer> {
  const p = await offlinePage(browser);
  try {
    return await print(p, job);
  } finally {
    await p.close();
  }
}

/**
 * A folder of PDFs by what they were printed from (the HTML, footer, date, print options and
 * Chromium's version): the same input prints to the same bytes (stableBytes.ts), so a report that
 * did not change since the last build is not printed again. Entries unused for CACHE_DAYS go.
 */
export class PdfCache {
  static readonly CACHE_DAYS = 30;
  hits = 0;
  constructor(readonly dir: string) {
    mkdirSync(dir, { recursive: true });
  }
  key(job: PdfJob, version: string): string {
    return createHash('sha256').update(JSON.stringify([job.html, job.footer, job.date, printOptions(job.footer), version])).digest('hex');
  }
  get(key: string): Buffer | null {
    const path = join(this.dir, `${key}.pdf`);
    if (!existsSync(path)) return null;
    const now = new Date();
    utimesSync(path, now, now);
    this.hits++;
    return readFileSync(path);
  }
  put(key: string, pdf: Buffer): void {
    const tmp = join(this.dir, `${key}.${process.pid}.tmp`);
    writeFileSync(tmp, pdf);
    renameSync(tmp, join(this.dir, `${key}.pdf`));
  }
  prune(): void {
    const old = Date.now() - PdfCache.CACHE_DAYS * 86_400_000;
    for (const f of readdirSync(this.dir)) {
      const path = join(this.dir, f);
      if (statSync(path).mtimeMs < old) rmSync(path, { force: true });
    }
  }
}

/**
 * Print many: `jobs`, `done(i, bytes)` as each finishes, on PRINT_CONCURRENCY pages of one Chromium
 * (each page reused from report to report); with a `cache`, unchanged reports are taken from it.
 */
export async function printAll(browser: Browser, jobs: PdfJob[], done: (i: number, pdf: Buffer) => Promise<void> | void, { cache }: { cache?: PdfCache } = {}): Promise<void> {
  const version = browser.version();
  const todo: number[] = [];
  for (let i = 0; i < jobs.length; i++) {
    const hit = cache?.get(cache.key(jobs[i], version));
    if (hit) await done(i, hit);
    else todo.push(i);
  }
  let next = 0;
  const worker = async () => {
    const p = await offlinePage(browser);
    try {
      while (next < todo.length) {
        const i = todo[next++];
        const pdf = await print(p, jobs[i]);
        cache?.put(cache.key(jobs[i], version), pdf);
        await done(i, pdf);
      }
    } finally {
      await p.close();
    }
  };
  await Promise.all(Array.from({ length: Math.min(PRINT_CONCURRENCY, todo.length) }, worker));
  cache?.prune();
}

/** Print `html` to an A4 PDF at `path`, with `footer` on every page. */
export async function writePdf(browser: Browser, html: string, path: string, { footer, date }: { footer: string; date: string }): Promise<void> {
  writeFileSync(path, await pdfBytes(browser, { html, footer, date }));
}
