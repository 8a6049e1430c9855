// `npm run build:site`: the dashboards (observablehq.config.js, src/) → dist/ (LTCI_SITE_OUT
// overrides), built offline on the current warehouse (LTCI_DB or warehouse/ltci.duckdb); the
// footer gets the data's as-of date from data/meta.json.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { buildFramework, REPO } from './framework.ts';
import { writeVendorBundle } from './vendor.ts';

const out = resolve(REPO, process.env.LTCI_SITE_OUT ?? 'dist');
try {
  await writeVendorBundle(join(REPO, 'src'));
  const files = await buildFramework({ root: join(REPO, 'src'), out, env: { LTCI_SITE_OUT: out }, clear: ['data', 'reports'] });
  const metaFile = files.find((f) => /[\\/]_file[\\/]data[\\/]meta\.[0-9a-f]+\.json$/.test(f));
  const meta = metaFile ? JSON.parse(readFileSync(metaFile, 'utf8')) : null;
  const asOf = meta?.asOf ? String(meta.asOf).replace(/^(\d{4})-(\d{2})-(\d{2}).*/, (_, y, m, d) => `${y}年${+m}月${+d}日`) : null;
  const pages = files.filter((f) => f.endsWith('.html'));
  if (asOf) {
    for (const f of pages) writeFileSync(f, readFileSync(f, 'utf8').replace(/(<span id="ltci-asof">)[^<]*(<\/span>)/, `$1${asOf}$2`));
  }
  console.log(`build-site: ${pages.length} pages in ${relative(REPO, out) || '.'}, lang=zh-CN, as of ${asOf ?? '(unknown)'}, no external hosts`);
} catch (err) {
  console.error(`build-site: ${(err as Error).message}`);
  process.exit(1);
}
