// `npm run build:site`: the dashboards (observablehq.config.js, src/) → dist/ (LTCI_SITE_OUT overrides),
// built offline on the current warehouse (LTCI_DB or warehouse/ltci.duckdb) beside the output and
// swapped in whole (site/publishDir.ts); the footer gets the data's as-of date from data/meta.json.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { buildFramework, REPO } from './framework.ts';
import { writeVendorBundle } from './vendor.ts';

const out = resolve(REPO, process.env.LTCI_SITE_OUT ?? 'dist');
try {
  await writeVendorBundle(join(REPO, 'src'));
  let asOf: string | null = null;
  const files = await buildFramework({
    root: join(REPO, 'src'),
    out,
    outEnv: 'LTCI_SITE_OUT',
    clear: ['data', 'reports'],
    finish(built) {
      const metaFile = built.find((f) => /[\\/]_file[\\/]data[\\/]meta\.[0-9a-f]+\.json$/.test(f));
      const meta = metaFile ? JSON.parse(readFileSync(metaFile, 'utf8')) : null;
      asOf = meta?.asOf ? String(meta.asOf).replace(/^(\d{4})-(\d{2})-(\d{2}).*/, (_, y, m, d) => `${y}年${+m}月${+d}日`) : null;
      if (!asOf) return;
      for (const f of built.filter((f) => f.endsWith('.html'))) {
        writeFileSync(f, readFileSync(f, 'utf8').replace(/(<span id="ltci-asof">)[^<]*(<\/span>)/, `$1${asOf}$2`));
      }
    },
  });
  const pages = files.filter((f) => f.endsWith('.html'));
  console.log(`build-site: ${pages.length} pages in ${relative(REPO, out) || '.'}, lang=zh-CN, as of ${asOf ?? '(unknown)'}, no external hosts`);
} catch (err) {
  console.error(`build-site: ${(err as Error).message}${existsSync(out) ? `\n${relative(REPO, out) || out} is unchanged` : ''}`);
  process.exit(1);
}
