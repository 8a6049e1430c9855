// `npm run bench -- --site`: the site build on the default warehouse (the small demo of
// `ltci refresh`), timed as a child process, and the data each page loads: the sum of the files
// its FileAttachments register (`registerFile(…, {"path": "./_file/…", …})` in the built HTML).
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { measureChild, REPO } from './measure.ts';

export const PAGE_DATA_TARGET_KB = 500;
export const SITE_BUILD_TARGET_S = 120;

export interface PageData {
  page: string;
  files: number;
  kb: number;
}

export interface SiteResult {
  db: string;
  site_build_s: number;
  peak_rss_mb: number | null;
  pages: PageData[];
  max_page_kb: number;
  met: { site_build_s: boolean; page_data_kb: boolean };
}

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

export async function measureSite(log: (line: string) => void = () => {}): Promise<SiteResult> {
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
    const pages = pageData(site);
    const max = Math.max(0, ...pages.map((p) => p.kb));
    log(`  site build ${r.seconds.toFixed(1)} s, ${pages.length} pages, largest page data ${max} KB`);
    return {
      db: relative(REPO, db),
      site_build_s: Math.round(r.seconds * 100) / 100,
      peak_rss_mb: r.peakRssMb === null ? null : Math.round(r.peakRssMb),
      pages,
      max_page_kb: max,
      met: { site_build_s: r.seconds <= SITE_BUILD_TARGET_S, page_data_kb: max <= PAGE_DATA_TARGET_KB },
    };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
