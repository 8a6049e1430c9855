// `npm run bench [-- --json] [--scale tiny|small|city] [--no-growth] [--keep DIR]`: the city-scale
// benchmark (docs/performance.md). Progress goes to stderr; --json prints one object on stdout.
// `npm run bench -- --site [--json]`: the site build on the default (small demo) warehouse, the
// data each page loads and each page's first render in headless Chromium, instead; exits 1 when a
// page has a console error or asks another host (`error` in the JSON).
import { parseArgs } from 'node:util';
import type { DemoScale } from '../data-loaders/demo/index.ts';
import { runBench, type BenchResult } from './runBench.ts';
import { FIRST_RENDER_TARGET_MS } from './firstRender.ts';
import { measureSite, PAGE_DATA_TARGET_KB, SITE_BUILD_TARGET_S } from './site.ts';

const { values } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    scale: { type: 'string', default: 'city' },
    'no-growth': { type: 'boolean', default: false },
    keep: { type: 'string' },
    site: { type: 'boolean', default: false },
  },
});
const log = (line: string) => process.stderr.write(line + '\n');

if (values.site) {
  const site = await measureSite(log);
  if (values.json) console.log(JSON.stringify(site, null, 2));
  else {
    console.log(`site build ${site.site_build_s} s (target ≤ ${SITE_BUILD_TARGET_S} s: ${site.met.site_build_s ? 'met' : 'NOT met'}), peak ${site.peak_rss_mb} MB`);
    console.log(`data per page (target ≤ ${PAGE_DATA_TARGET_KB} KB: ${site.met.page_data_kb ? 'met' : 'NOT met'}); first render, the last of ${site.first_render.runs} runs (target ≤ ${FIRST_RENDER_TARGET_MS} ms: ${site.met.first_render ? 'met' : 'NOT met'}):`);
    for (const p of site.pages) {
      console.log(`  ${p.page.padEnd(40)} ${String(p.files).padStart(3)} files ${p.kb.toFixed(1).padStart(8)} KB ${p.first_render_ms.toFixed(0).padStart(6)} ms  (runs ${p.first_render_runs_ms.join(' / ')}; FCP ${p.fcp_ms}, cells ${p.content_ms})`);
    }
    console.log(`largest page data ${site.max_page_kb} KB, slowest first render ${site.max_first_render_ms} ms, load average ${site.load_avg_start.join(' ')} → ${site.load_avg.join(' ')}`);
  }
  if (site.error) {
    console.error(`\nFAILED: pages with errors:\n${site.error}`);
    process.exit(1);
  }
  process.exit(0);
}

const scale = values.scale as DemoScale;
if (!['tiny', 'small', 'city'].includes(scale)) {
  console.error(`--scale must be tiny, small or city, not "${scale}"`);
  process.exit(1);
}

const result = await runBench({ scale, growth: !values['no-growth'], workDir: values.keep, log });

function summary(r: BenchResult): string {
  const mark = (ok: boolean | null) => (ok === null ? '—' : ok ? 'met' : 'NOT met');
  const m = r.machine;
  return [
    '',
    `machine: ${m.nproc} cores (${m.cpu}), ${m.mem_gb} GB, load ${m.load_avg_start.join(' ')} → ${m.load_avg.join(' ')}, Node ${m.node}, ${m.duckdb}`,
    `delivery: ${r.scale}, ${r.rows.toLocaleString('en-US')} rows, ${r.delivery_mb} MB`,
    `ingest ${r.ingest_s} s + build ${r.build_s} s = ${r.ingest_build_s} s   (target ≤ ${r.targets.ingest_build_s} s: ${mark(r.met.ingest_build_s)})`,
    `raw load ${r.raw_s} s → ratio ${r.ratio_to_raw}   (target ≤ ${r.targets.ratio_to_raw}: ${mark(r.met.ratio_to_raw)})`,
    `loaders ${r.loaders_s} s`,
    r.growth.length
      ? `growth (ingest + build from scratch): ${r.growth.map((g) => `${g.years} y ${g.rows.toLocaleString('en-US')} rows ${g.ingest_s} + ${g.build_s} s (build ${g.build_cpu_s} CPU-s), peak ${g.peak_rss_mb} MB`).join('; ')}\n` +
        `  build, ${r.growth[r.growth.length - 1].years} years / 1 year: ${r.growth_build_ratio}, in CPU seconds ${r.growth_build_cpu_ratio}   (target ≤ ${r.targets.growth_build_ratio}: ${mark(r.met.growth_build_ratio)})`
      : 'growth: not measured',
    r.month_s === null
      ? 'a month added: not measured'
      : `a month added to ${r.growth[r.growth.length - 1].years} years (${r.month_rows?.toLocaleString('en-US')} rows onto ${r.month_base_rows?.toLocaleString('en-US')}): ingest ${r.month_ingest_s} s + build ${r.month_build_s} s = ${r.month_s} s`,
    `peak memory ${r.peak_rss_mb} MB   (target ≤ ${r.targets.peak_rss_mb} MB: ${mark(r.met.peak_rss_mb)})`,
    `data tests: ${r.data_tests_pass ? 'pass' : 'FAIL'}`,
    `slowest models: ${r.slowest_models.map((x) => `${x.name} ${x.seconds} s`).join(', ')}`,
  ].join('\n');
}

if (values.json) console.log(JSON.stringify(result, null, 2));
else console.log(summary(result));
