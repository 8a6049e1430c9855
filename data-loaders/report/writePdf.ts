// HTML → PDF with Debian's Chromium through playwright-core. Nothing is fetched: the page is set
// from a string, and any request the page would still make is refused and reported. One Chromium
// prints every report of a run, on up to PRINT_CONCURRENCY pages at once.
import { writeFileSync } from 'node:fs';
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
 * Print many: `jobs`, `done(i, bytes)` as each finishes, on PRINT_CONCURRENCY pages of one Chromium
 * (each page reused from report to report). Every report is printed: a copy kept from an earlier
 * build could outlive a change to the code that prints it.
 */
export async function printAll(browser: Browser, jobs: PdfJob[], done: (i: number, pdf: Buffer) => Promise<void> | void): Promise<void> {
  const todo = jobs.map((_, i) => i);
  let next = 0;
  const worker = async () => {
    const p = await offlinePage(browser);
    try {
      while (next < todo.length) {
        const i = todo[next++];
        const pdf = await print(p, jobs[i]);
        await done(i, pdf);
      }
    } finally {
      await p.close();
    }
  };
  await Promise.all(Array.from({ length: Math.min(PRINT_CONCURRENCY, todo.length) }, worker));
}

/** Print `html` to an A4 PDF at `path`, with `footer` on every page. */
export async function writePdf(browser: Browser, html: string, path: string, { footer, date }: { footer: string; date: string }): Promise<void> {
  writeFileSync(path, await pdfBytes(browser, { html, footer, date }));
}
