// HTML → PDF with Debian's Chromium through playwright-core. Nothing is fetched: the page is set
// from a string, and any request the page would still make is refused and reported.
import { chromium, type Browser } from 'playwright-core';
import { UserError } from '../errors.ts';

export const CHROMIUM_PATH = process.env.LTCI_CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'];

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

/** Print `html` to an A4 PDF at `path`, with `footer` (a Chromium footerTemplate) on every page. */
export async function writePdf(browser: Browser, html: string, path: string, { footer }: { footer: string }): Promise<void> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const refused: string[] = [];
    await page.route('**/*', (route) => {
      refused.push(route.request().url());
      return route.abort();
    });
    await page.setContent(html, { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready);
    if (refused.length) throw new Error(`the report page tried to fetch ${refused.join(', ')}; everything must be inline`);
    await page.pdf({
      path,
      format: 'A4',
      printBackground: true,
      preferCSSPageSize: true,
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate: footer,
    });
  } finally {
    await context.close();
  }
}
