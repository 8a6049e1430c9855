// runBench: the measurements behind `npm run bench` (docs/performance.md). Every step is a child
// process (wall time, peak RSS): (a) `ltci ingest` of the delivery into a fresh warehouse, (b)
// `ltci build`, (c) each Framework data loader in src/data/, (d) the raw limit (bench/rawLoad.ts),
// (e) a month added to a warehouse that holds 24 months and was built incrementally after its last
// month: ingest + build of the increment, against ingest + build of the same months from scratch.
import { cpus, freemem, totalmem } from 'node:os';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import type { DemoScale } from '../data-loaders/demo/index.ts';
import { DEMO_SCALES } from '../data-loaders/demo/scales.ts';
import { CACHE_DIR, cachedDemo, incrementDelivery, type DemoSpec } from './deliveries.ts';
import { measureChild, nodeTs, REPO, type ChildRun } from './measure.ts';

/** The issue's targets on a 2-core machine. */
export const TARGETS = {
  ingest_build_s: 60,
  ratio_to_raw: 2,
  incremental_ratio: 0.1,
  peak_rss_mb: 4096,
} as const;

/**
 * The increment scenario. The `city` scale is one mature year, so the warehouse with history is
 * the demo's history shape (`small`) at the measured scale's population (for `city` its factor
 * 4.3, ≈ 5 million participants; the third session used factor 1): data from 2021-01 (Nanjing) and
 * 2022-01 (Jining) up to INCREMENT_BASE_END, at least 24 months, plus one ordinary month. Not
 * January: January's delivery carries every participant's new contribution year (about a third of
 * the rows of a 24-month warehouse), a yearly event rather than a month's work (docs/performance.md).
 */
export const INCREMENT_BASE_END = '2023-05';
export const INCREMENT_NEXT_END = '2023-06';
/** The measured month: added after INCREMENT_NEXT_END's month was added and built, as a bureau does. */
export const INCREMENT_LAST_END = '2023-07';

/** The history deliveries of the increment scenario for `scale` (tiny stays tiny: the tests). */
export function incrementHistory(scale: DemoScale): DemoSpec {
  return scale === 'tiny' ? { scale } : { scale: 'small', factor: DEMO_SCALES[scale].factor };
}

export interface BenchOptions {
  scale?: DemoScale;
  /** Skip (e), the increment scenario (it generates two more deliveries). */
  increment?: boolean;
  /** The loaders to run (default: every one in src/data/). */
  loaders?: string[];
  /** Where the warehouses go (default: a temp folder, deleted afterwards). */
  workDir?: string;
  cacheDir?: string;
  log?: (line: string) => void;
}

export interface StepTiming {
  seconds: number;
  peak_rss_mb: number | null;
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
  incremental_s: number | null;
  incremental_ingest_s: number | null;
  incremental_build_s: number | null;
  incremental_rows: number | null;
  /** Rows of the history delivery the month is added to. */
  incremental_base_rows: number | null;
  /** The plan line of the build after the month (`incremental build: …` or `full build: <why>`). */
  incremental_plan: string | null;
  /**
   * The month before the measured one (ingest + build), added right after the full build of the
   * history: cheaper than a month added to a warehouse built month after month (docs/performance.md).
   */
  incremental_first_s: number | null;
  rebuild_s: number | null;
  incremental_ratio: number | null;
  peak_rss_mb: number;
  data_tests_pass: boolean;
  slowest_models: { name: string; rows: number; seconds: number }[];
  ingest_files: { file: string; rows: number; seconds: number }[];
  loaders: { loader: string; seconds: number; bytes: number }[];
  raw_files: { file: string; rows: number; seconds: number }[];
  steps: Record<string, StepTiming>;
  targets: typeof TARGETS;
  met: { ingest_build_s: boolean; ratio_to_raw: boolean; incremental_ratio: boolean | null; peak_rss_mb: boolean };
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
    steps[name] = { seconds: round(r.seconds), peak_rss_mb: r.peakRssMb === null ? null : round(r.peakRssMb, 0) };
    log(`  ${name.padEnd(22)} ${r.seconds.toFixed(1).padStart(7)} s   peak ${r.peakRssMb === null ? '?' : r.peakRssMb.toFixed(0)} MB`);
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

    log('(d) raw limit: create table … as select * from read_csv(…):');
    const raw = await step('raw', nodeTs(['bench/rawLoad.ts', delivery, join(work, 'raw.duckdb')]));
    const rawOut = JSON.parse(raw.stdout.trim().split('\n').pop()!) as { rows: number; files: { file: string; rows: number; seconds: number }[] };
    rmSync(join(work, 'raw.duckdb'), { force: true });

    let inc: {
      s: number; ingest: number; build: number; rows: number; baseRows: number; rebuild: number; ok: boolean; plan: string; first: number;
    } | null = null;
    if (opts.increment !== false) {
      const history = incrementHistory(scale);
      log(`(e) a month added to ≥ 24 months built month by month (history deliveries up to ${INCREMENT_BASE_END}, ${INCREMENT_NEXT_END} and ${INCREMENT_LAST_END}, population factor ${history.factor ?? scale}):`);
      const ends: string[] = [];
      for (const end of [INCREMENT_BASE_END, INCREMENT_NEXT_END, INCREMENT_LAST_END]) ends.push(await cachedDemo({ ...history, end }, log, cacheDir));
      const firstDir = await incrementDelivery(ends[0], ends[1], log);
      const monthDir = await incrementDelivery(ends[1], ends[2], log);
      // the full rebuild of the same months, for comparison
      const fullDb = join(work, 'rebuild.duckdb');
      const full = await ingestBuild('rebuild ', [ends[2]], fullDb);
      rmSync(fullDb, { force: true });
      // the warehouse holding 24 months, its next month added and built, then the measured month
      const incDb = join(work, 'increment.duckdb');
      await ingestBuild('24 months ', [ends[0]], incDb);
      const first = await ingestBuild('first month ', [firstDir], incDb);
      const baseRows = await rowsRead(incDb);
      const addIngest = await step('month ingest', nodeTs(['bin/ltci.mjs', 'ingest', monthDir, '--db', incDb]));
      const addBuild = await step('month build', nodeTs(['bin/ltci.mjs', 'build', '--db', incDb]), {}, false);
      inc = {
        s: addIngest.seconds + addBuild.seconds,
        ingest: addIngest.seconds,
        build: addBuild.seconds,
        rows: ingestLines(addIngest.stdout).reduce((a, f) => a + f.rows, 0),
        baseRows,
        rebuild: full.ingest.seconds + full.build.seconds,
        ok: full.ok && first.ok && addBuild.code === 0,
        plan: addBuild.stdout.split('\n').find((l) => /^(full|incremental) build/.test(l)) ?? '',
        first: first.ingest.seconds + first.build.seconds,
      };
    }

    const ingestS = main.ingest.seconds;
    const buildS = main.build.seconds;
    const peak = Math.max(...Object.values(steps).map((s) => s.peak_rss_mb ?? 0));
    const ratio = (ingestS + buildS) / raw.seconds;
    const incRatio = inc ? inc.s / inc.rebuild : null;
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
      incremental_s: inc && round(inc.s),
      incremental_ingest_s: inc && round(inc.ingest),
      incremental_build_s: inc && round(inc.build),
      incremental_rows: inc && inc.rows,
      incremental_base_rows: inc && inc.baseRows,
      incremental_plan: inc && inc.plan,
      incremental_first_s: inc && round(inc.first),
      rebuild_s: inc && round(inc.rebuild),
      incremental_ratio: incRatio === null ? null : round(incRatio, 3),
      peak_rss_mb: round(peak, 0),
      data_tests_pass: main.ok && (inc?.ok ?? true),
      slowest_models: slowest,
      ingest_files: ingestLines(main.ingest.stdout),
      loaders,
      raw_files: rawOut.files.map((f) => ({ file: f.file, rows: f.rows, seconds: round(f.seconds) })),
      steps,
      targets: TARGETS,
      met: {
        ingest_build_s: ingestS + buildS <= TARGETS.ingest_build_s,
        ratio_to_raw: ratio <= TARGETS.ratio_to_raw,
        incremental_ratio: incRatio === null ? null : incRatio <= TARGETS.incremental_ratio,
        peak_rss_mb: peak <= TARGETS.peak_rss_mb,
      },
      machine: machineInfo(loadAvgStart),
    };
  } finally {
    if (!opts.workDir) rmSync(work, { recursive: true, force: true });
    else if (existsSync(work)) log(`  warehouses kept in ${relative(REPO, work)}`);
  }
}
