import { chromium } from 'playwright-core';
import { serveStatic } from './test/site/server.ts';
const site = process.argv[2];
const page_ = process.argv[3] ?? 'simulate';
const srv = await serveStatic(site);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
for (const width of [1440, 390]) {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  const errors: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${srv.url}/${page_}`);
  await page.waitForTimeout(3000);
  await page.screenshot({ path: `/tmp/proj-${page_}-${width}.png`, fullPage: true });
  console.log(width, 'errors', errors);
  await page.close();
}
await browser.close(); await srv.close();
