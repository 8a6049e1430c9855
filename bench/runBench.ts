// runBench: the measurements behind `npm run bench` (docs/performance.md). Every step is a child
// process (wall time, peak RSS): (a) `ltci ingest` of the delivery into a fresh warehouse, (b)
// `ltci build`, (c) each Framework data loader in src/data/, (d) the raw limit (bench/rawLoad.ts),
// (e) growth: the city's population over 1, 2 and 3 years of history, each ingested and built from
// scratch, (f) a month added to the 3 years: its ingest and the (full) build after it.
import { cpus, freemem, totalmem } from 'node:os';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { DEFAULT_END, type DemoScale } from '../data-loaders/demo/index.ts';
import { DEMO_SCALES } from '../data-loaders/demo/scales.ts';
import { CACHE_DIR, cachedDemo, monthDelivery, type DemoSpec } from './deliveries.ts';
import { measureChild, nodeTs, REPO, type ChildRun } from './measure.ts';

/** The issue's targets on a 2-core machine. */
export const TARGETS = {
  ingest_build_s: 60,
  ratio_to_raw: 2,
  /** build_s of the longest history over build_s of one year: about linear. */
  growth_build_ratio: 3.5,
  peak_rss_mb: 4096,
} as const;

/** The histories of the growth scenario, in years; the month is added to the longest. */
export const GROWTH_YEARS = [1, 2, 3] as const;

/** The month before `month` (YYYY-MM). */
export function monthBefore(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/**
 * The growth scenario's delivery: the `city` scale's shape (its population, service mix and
 * visits) over `years` calendar years up to `end` (default: the demo's), at the measured scale's
 * population (tiny and small: their factor, so the test stays small). One year of `city` is the
 * city delivery itself.
 */
export function growthSpec(scale: DemoScale, years: number, end?: string): DemoSpec {
  return {
    scale: 'city',
    ...(scale === 'city' ? {} : { factor: DEMO_SCALES[scale].factor }),
    ...(years > 1 ? { years } : {}),
    ...(end ? { end } : {}),
  };
}

export interface BenchOptions {
  scale?: DemoScale;
  /** Skip (e) and (f), growth and the month (they generate and load four more deliveries). */
  growth?: boolean;
  /** The loaders to run (default: every one in src/data/). */
  loaders?: string[];
  /** Where the warehouses go (default: a temp folder, deleted afterwards). */
  workDir?: string;
  cacheDir?: string;
  log?: (line: string) => void;
}

export interface StepTiming {
  seconds: number;
  /** User + system CPU seconds, all threads. */
  cpu_s: number | null;
  peak_rss_mb: number | null;
}

export interface GrowthPoint {
  years: number;
  /** Rows read by the ingest (load_report.rows_read). */
  rows: number;
  ingest_s: number;
  build_s: number;
  /** CPU seconds of the build, all threads: what grows with the rows when the machine is busy. */
  build_cpu_s: number | null;
  /** The larger of the ingest's and the build's. */
  peak_rss_mb: number;
}

export interface BenchResult {
  scale: DemoScale;
  rows: number;
  delivery_mb: number;
  ingest_s: number;
  build_s: number;
  ingest_build_s: number;
  loaders_s: number;
  raw_s: number;
  ratio_to_raw: number;
  /** (e) one entry per history length (empty without growth). */
  growth: GrowthPoint[];
  /** build_s of the longest history / build_s of one year. */
  growth_build_ratio: number | null;
  /** The same for the builds' CPU seconds. */
  growth_build_cpu_ratio: number | null;
  /** (f) a month added to the longest history: ingest of the month + `ltci build`. */
  month_s: number | null;
  month_ingest_s: number | null;
  month_build_s: number | null;
  /** Rows of the month's delivery, and of the history it is added to. */
  month_rows: number | null;
  month_base_rows: number | null;
  peak_rss_mb: number;
  data_tests_pass: boolean;
  slowest_models: { name: string; rows: number; seconds: number }[];
  ingest_files: { file: string; rows: number; seconds: number }[];
  loaders: { loader: string; seconds: number; bytes: number }[];
  raw_files: { file: string; rows: number; seconds: number }[];
  steps: Record<string, StepTiming>;
  targets: typeof TARGETS;
  met: { ingest_build_s: boolean; ratio_to_raw: boolean; growth_build_ratio: boolean | null; peak_rss_mb: boolean };
  /** load_avg: at the end of the run; load_avg_start: before it (1 / 5 / 15 minutes). */
  machine: { nproc: number; cpu: string; mem_gb: number; free_gb: number; load_avg: number[]; load_avg_start: number[]; node: string; duckdb: string };
}

const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

function loadAvg(): number[] {
  try {
    return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).map(Number);
  } catch {
    return [];
  }
}

export function machineInfo(loadAvgStart: number[] = []): BenchResult['machine'] {
  let cpu = cpus()[0]?.model ?? 'unknown';
  try {
    const m = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    if (m) cpu = m[1].trim();
  } catch {
    // not Linux: os.cpus() model
  }
  const pkg = JSON.parse(readFileSync(join(REPO, 'node_modules/@duckdb/node-api/package.json'), 'utf8')) as { version: string };
  return {
    nproc: cpus().length,
    cpu,
    mem_gb: round(totalmem() / 2 ** 30, 1),
    free_gb: round(freemem() / 2 ** 30, 1),
    load_avg: loadAvg(),
    load_avg_start: loadAvgStart,
    node: process.version,
    duckdb: `@duckdb/node-api ${pkg.version}`,
  };
}

/** The Framework data loaders: src/data/*.<ext>.ts|js (the helpers in src/data/lib are not loaders). */
export function dataLoaders(): string[] {
  const dir = join(REPO, 'src', 'data');
  return readdirSync(dir)
    .filter((f) => /\.[a-z0-9]+\.(ts|js|mjs)$/.test(f) && statSync(join(dir, f)).isFile())
    .sort()
    .map((f) => join('src', 'data', f));
}

/** `  intermediate int_x    123 rows   1.23 s` lines of `ltci build`. */
function modelLines(stdout: string): { name: string; rows: number; seconds: number }[] {
  return [...stdout.matchAll(/^\s+(?:staging|intermediate|marts)\s+(\S+)\s+(\d+) rows\s+([\d.]+) s(?:\s+\(.*\))?$/gm)].map((m) => ({
    name: m[1],
    rows: Number(m[2]),
    seconds: Number(m[3]),
  }));
}

/** `  dir/file  kind: read 1,234, … in 1.2 s (…)` lines of `ltci ingest`. */
function ingestLines(stdout: string): { file: string; rows: number; seconds: number }[] {
  return [...stdout.matchAll(/^\s+(\S+)\s+\w+: read ([\d,]+),.* in ([\d.]+) s/gm)].map((m) => ({
    file: m[1],
    rows: Number(m[2].replaceAll(',', '')),
    seconds: Number(m[3]),
  }));
}

async function rowsRead(db: string): Promise<number> {
  const instance = await DuckDBInstance.create(db, { access_mode: 'READ_ONLY' });
  const conn = await instance.connect();
  try {
    const r = await conn.runAndReadAll('select coalesce(sum(rows_read), 0)::bigint from load_report');
    return Number(r.getRows()[0][0]);
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}

function deliveryBytes(dir: string): number {
  return readdirSync(dir)
    .filter((f) => /\.(csv|csv\.gz|parquet)$/i.test(f))
    .reduce((a, f) => a + statSync(join(dir, f)).size, 0);
}

export async function runBench(opts: BenchOptions = {}): Promise<BenchResult> {
  const scale = opts.scale ?? 'city';
  const log = opts.log ?? (() => {});
  const loadAvgStart = loadAvg();
  const cacheDir = opts.cacheDir ?? CACHE_DIR;
  mkdirSync(cacheDir, { recursive: true });
  const work = opts.workDir ?? mkdtempSync(join(cacheDir, 'run-'));
  mkdirSync(work, { recursive: true });
  const steps: Record<string, StepTiming> = {};
  const env = { LTCI_ID_KEY: 'ltci-bench-key', OBSERVABLE_TELEMETRY_DISABLE: '1' };
  /** `check: false` for `ltci build`, which exits 1 when a data test fails: that is a result, reported. */
  const step = async (name: string, argv: string[], extraEnv: NodeJS.ProcessEnv = {}, check = true): Promise<ChildRun> => {
    const r = await measureChild(argv, { env: { ...env, ...extraEnv }, label: name, check });
    if (!check && r.code !== 0) log(`  ${name}: exit ${r.code}\n${(r.stderr || r.stdout).trim().split('\n').slice(-8).join('\n')}`);
    steps[name] = { seconds: round(r.seconds), cpu_s: r.cpuSeconds === null ? null : round(r.cpuSeconds, 1), peak_rss_mb: r.peakRssMb === null ? null : round(r.peakRssMb, 0) };
    log(`  ${name.padEnd(22)} ${r.seconds.toFixed(1).padStart(7)} s   CPU ${r.cpuSeconds === null ? '?' : r.cpuSeconds.toFixed(1)} s   peak ${r.peakRssMb === null ? '?' : r.peakRssMb.toFixed(0)} MB`);
    return r;
  };
  const ingestBuild = async (prefix: string, dirs: string[], db: string) => {
    const ingest = await step(`${prefix}ingest`, nodeTs(['bin/ltci.mjs', 'ingest', ...dirs, '--db', db]));
    const build = await step(`${prefix}build`, nodeTs(['bin/ltci.mjs', 'build', '--db', db]), {}, false);
    return { ingest, build, ok: build.code === 0 };
  };

  try {
    log(`deliveries (${scale}):`);
    const delivery = await cachedDemo({ scale }, log, cacheDir);

    log('(a) ingest, (b) build:');
    const db = join(work, 'bench.duckdb');
    const main = await ingestBuild('', [delivery], db);
    const models = modelLines(main.build.stdout);
    const slowest = [...models].sort((a, b) => b.seconds - a.seconds).slice(0, 8);
    log(`  slowest models: ${slowest.map((m) => `${m.name} ${m.seconds.toFixed(1)} s`).join(', ')}`);
    const rows = await rowsRead(db);

    log('(c) Framework data loaders:');
    const loaders: BenchResult['loaders'] = [];
    let loadersS = 0;
    for (const loader of opts.loaders ?? dataLoaders()) {
      const r = await step(`loader ${loader.replace(/^src\/data\//, '')}`, nodeTs([loader]), { LTCI_DB: db });
      loaders.push({ loader, seconds: round(r.seconds), bytes: Buffer.byteLength(r.stdout) });
      loadersS += r.seconds;
    }
    if (!opts.workDir) rmSync(db, { force: true });

    log('(d) raw limit: create table … as select * from read_csv(…):');
    const raw = await step('raw', nodeTs(['bench/rawLoad.ts', delivery, join(work, 'raw.duckdb')]));
    const rawOut = JSON.parse(raw.stdout.trim().split('\n').pop()!) as { rows: number; files: { file: string; rows: number; seconds: number }[] };
    rmSync(join(work, 'raw.duckdb'), { force: true });

    const growth: GrowthPoint[] = [];
    let growthOk = true;
    let month: { ingest: ChildRun; build: ChildRun; rows: number; baseRows: number } | null = null;
    if (opts.growth !== false) {
      log(`(e) growth: the city's population over ${GROWTH_YEARS.join(', ')} years, each from scratch:`);
      const longest = GROWTH_YEARS[GROWTH_YEARS.length - 1];
      let longestDir = '';
      for (const years of GROWTH_YEARS) {
        const dir = await cachedDemo(growthSpec(scale, years), log, cacheDir);
        if (years === longest) longestDir = dir;
        let run = main;
        let n = rows;
        // one year of the city is the city delivery, measured above
        if (dir !== delivery) {
          const gdb = join(work, `growth-${years}y.duckdb`);
          run = await ingestBuild(`${years} years `, [dir], gdb);
          n = await rowsRead(gdb);
          if (!opts.workDir) rmSync(gdb, { force: true });
        }
        growthOk &&= run.ok;
        const peakOf = (r: ChildRun) => r.peakRssMb ?? 0;
        growth.push({
          years,
          rows: n,
          ingest_s: round(run.ingest.seconds),
          build_s: round(run.build.seconds),
          build_cpu_s: run.build.cpuSeconds === null ? null : round(run.build.cpuSeconds, 1),
          peak_rss_mb: round(Math.max(peakOf(run.ingest), peakOf(run.build)), 0),
        });
      }

      const historyEnd = monthBefore(DEFAULT_END);
      log(`(f) a month added: ${longest} years up to ${historyEnd} ingested and built, then the month to ${DEFAULT_END}:`);
      const historyDir = await cachedDemo(growthSpec(scale, longest, historyEnd), log, cacheDir);
      const monthDir = await monthDelivery(historyDir, longestDir, log);
      const mdb = join(work, 'month.duckdb');
      const history = await ingestBuild('history ', [historyDir], mdb);
      const baseRows = await rowsRead(mdb);
      const ingest = await step('month ingest', nodeTs(['bin/ltci.mjs', 'ingest', monthDir, '--db', mdb]));
      const build = await step('month build', nodeTs(['bin/ltci.mjs', 'build', '--db', mdb]), {}, false);
      growthOk &&= history.ok && build.code === 0;
      month = { ingest, build, rows: (await rowsRead(mdb)) - baseRows, baseRows };
      if (!opts.workDir) rmSync(mdb, { force: true });
    }

    const ingestS = main.ingest.seconds;
    const buildS = main.build.seconds;
    const peak = Math.max(...Object.values(steps).map((s) => s.peak_rss_mb ?? 0));
    const ratio = (ingestS + buildS) / raw.seconds;
    const last = growth[growth.length - 1];
    const growthRatio = growth.length > 1 ? last.build_s / growth[0].build_s : null;
    const cpuRatio = growth.length > 1 && last.build_cpu_s && growth[0].build_cpu_s ? last.build_cpu_s / growth[0].build_cpu_s : null;
    return {
      scale,
      rows,
      delivery_mb: round(deliveryBytes(delivery) / 1e6, 1),
      ingest_s: round(ingestS),
      build_s: round(buildS),
      ingest_build_s: round(ingestS + buildS),
      loaders_s: round(loadersS),
      raw_s: round(raw.seconds),
      ratio_to_raw: round(ratio),
      growth,
      growth_build_ratio: growthRatio === null ? null : round(growthRatio),
      growth_build_cpu_ratio: cpuRatio === null ? null : round(cpuRatio),
      month_s: month && round(month.ingest.seconds + month.build.seconds),
      month_ingest_s: month && round(month.ingest.seconds),
      month_build_s: month && round(month.build.seconds),
      month_rows: month && month.rows,
      month_base_rows: month && month.baseRows,
      peak_rss_mb: round(peak, 0),
      data_tests_pass: main.ok && growthOk,
      slowest_models: slowest,
      ingest_files: ingestLines(main.ingest.stdout),
      loaders,
      raw_files: rawOut.files.map((f) => ({ file: f.file, rows: f.rows, seconds: round(f.seconds) })),
      steps,
      targets: TARGETS,
      met: {
        ingest_build_s: ingestS + buildS <= TARGETS.ingest_build_s,
        ratio_to_raw: ratio <= TARGETS.ratio_to_raw,
        growth_build_ratio: growthRatio === null ? null : growthRatio <= TARGETS.growth_build_ratio,
        peak_rss_mb: peak <= TARGETS.peak_rss_mb,
      },
      machine: machineInfo(loadAvgStart),
    };
  } finally {
    if (!opts.workDir) rmSync(work, { recursive: true, force: true });
    else if (existsSync(work)) log(`  warehouses kept in ${relative(REPO, work)}`);
  }
}
