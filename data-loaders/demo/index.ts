// generateDemo: a synthetic delivery (contract v1) for the seed cities, generated inside an
// in-memory DuckDB from seeded hashes and written with COPY. See docs/demo.md.
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { UserError } from '../errors.ts';
import { lit, queryRows } from '../db.ts';
import { loadPolicyCatalog } from '../policy/index.ts';
import { anomalySteps, ANSWER_KEY_FILE } from './anomalies.ts';
import { malformedFiles } from './malformed.ts';
import { assessmentSteps, populationSteps, setupSteps, type Step } from './sqlPopulation.ts';
import { ledgerSteps, reversalSteps, visitSteps } from './sqlFinish.ts';
import { serviceSteps } from './sqlServices.ts';
import { KIND_OUTPUTS } from './outputs.ts';
import { DEMO_SCALES, type DemoScale } from './scales.ts';
import { transcodeFile } from './transcode.ts';
import type { DemoHeaders } from './headers.ts';

export type { DemoScale } from './scales.ts';
export type DemoFormat = 'csv' | 'parquet';
export type DemoEncoding = 'utf8' | 'gb18030';

/** Multiplier on the base population (cities.ts) each scale generates. */
export const SCALE_FACTORS: Record<DemoScale, number> = {
  tiny: DEMO_SCALES.tiny.factor,
  small: DEMO_SCALES.small.factor,
  city: DEMO_SCALES.city.factor,
};

export interface DemoOptions {
  out: string;
  scale?: DemoScale;
  /**
   * Overrides the scale's multiplier on the base population of cities.ts (tiny 0.00094, small 0.22,
   * city 4.3); the scale's shape (history or last year, service mix, visits) stays.
   */
  factor?: number;
  seed?: number;
  format?: DemoFormat;
  encoding?: DemoEncoding;
  /** Last month of the delivery, YYYY-MM. */
  end?: string;
  /** Column headers: English names, the contract's Chinese labels (default for GB18030) or the national platform's field names and codes. */
  headers?: DemoHeaders;
  /** The `city` scale only: how many calendar years it delivers, ending with `end`'s (default 1; the bench's growth scenario). */
  years?: number;
  /** DuckDB threads (output is identical whatever the count). */
  threads?: number;
  /** DuckDB memory_limit of the generator (default 2GB; it spills to a temporary folder beyond). */
  memoryLimit?: string;
  /** Fills the policy_* tables of the generator's database (default: policies/*.json). */
  loadCatalog?: (conn: DuckDBConnection) => Promise<void>;
  progress?: (line: string) => void;
  /** Called with the generator's database before it closes (debugging, tests). */
  inspect?: (conn: DuckDBConnection) => Promise<void>;
}

export interface DemoFileResult {
  file: string;
  kind: string;
  rows: number;
  bytes: number;
  seconds: number;
}

export interface DemoResult {
  out: string;
  files: DemoFileResult[];
  answerKey: { file: string; rows: number; byRule: Record<string, number> };
  malformed: { file: string; rows: number }[];
  seconds: number;
}

export const DEFAULT_END = '2027-12';

function lastDayOf(month: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) throw new UserError(`--end must be a month as YYYY-MM (e.g. 2027-12), not "${month}"`);
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]), 0));
  return d.toISOString().slice(0, 10);
}

async function runStep(conn: DuckDBConnection, step: Step, log: (l: string) => void): Promise<void> {
  const t0 = performance.now();
  try {
    await conn.run(step.sql);
  } catch (err) {
    throw new Error(`demo step "${step.name}" failed: ${(err as Error).message}`);
  }
  log(`  generate ${step.name.padEnd(22)} ${((performance.now() - t0) / 1000).toFixed(2).padStart(7)} s`);
}

/** Write one delivery for the seed cities into `opts.out` (created; existing demo files replaced). */
export async function generateDemo(opts: DemoOptions): Promise<DemoResult> {
  const t0 = performance.now();
  const scale = opts.scale ?? 'small';
  if (!(scale in DEMO_SCALES)) throw new UserError(`--scale must be tiny, small or city, not "${scale}"`);
  const shape = DEMO_SCALES[scale];
  const factor = opts.factor ?? shape.factor;
  const seed = opts.seed ?? 1;
  if (!Number.isSafeInteger(seed)) throw new UserError(`--seed must be an integer, not "${opts.seed}"`);
  const years = opts.years ?? 1;
  if (!Number.isInteger(years) || years < 1 || (years > 1 && !shape.lastYearOnly)) throw new UserError(`years must be a whole number ≥ 1, and more than 1 only with the city scale, not ${opts.years}`);
  const format = opts.format ?? 'csv';
  const encoding = opts.encoding ?? 'utf8';
  if (format === 'parquet' && encoding !== 'utf8') throw new UserError('--encoding gb18030 applies to CSV only; Parquet text is always UTF-8');
  const headers = opts.headers ?? (encoding === 'gb18030' ? 'zh' : 'en');
  const dataEnd = lastDayOf(opts.end ?? DEFAULT_END);
  const log = opts.progress ?? (() => {});
  const out = resolve(opts.out);
  mkdirSync(out, { recursive: true });
  // a rerun (perhaps in the other format) must not leave a second copy of a kind behind
  for (const k of KIND_OUTPUTS) {
    for (const name of [`${k.kind}.csv`, `${k.kind}.parquet`, `${k.kind}-malformed.csv`]) rmSync(join(out, name), { force: true });
  }
  rmSync(join(out, ANSWER_KEY_FILE), { force: true });

  const spill = mkdtempSync(join(tmpdir(), 'ltci-demo-'));
  const instance = await DuckDBInstance.create(':memory:', {
    threads: String(opts.threads ?? 2),
    memory_limit: opts.memoryLimit ?? '2GB',
    temp_directory: spill,
    preserve_insertion_order: 'true',
  });
  const conn = await instance.connect();
  try {
    await (opts.loadCatalog ?? ((c) => loadPolicyCatalog(c)))(conn);
    const check = await queryRows(conn, `select count(*)::INTEGER as n from information_schema.tables where table_name in ('policy_scheme', 'policy_service', 'policy_financing', 'policy_area')`);
    if (Number(check[0].n) < 4) throw new UserError('the policy catalog is missing (policies/*.json did not load into policy_scheme, policy_service, policy_financing, policy_area)');
    const cols = await queryRows(conn, `select column_name from information_schema.columns where table_name = 'policy_scheme' and column_name = 'benefits_from'`);
    const windowFrom = shape.lastYearOnly ? `${Number(dataEnd.slice(0, 4)) - years + 1}-01-01` : null;
    const params = { seed, factor, dataEnd, hasBenefitsFrom: cols.length > 0, shape, windowFrom };
    log(
      `demo: scale ${scale} (×${factor}${windowFrom ? `, ${years === 1 ? 'the year' : `${years} years`} from ${windowFrom}` : ''}), seed ${seed}, up to ${dataEnd}, ` +
        `${format}${format === 'csv' ? ` ${encoding}` : ''} → ${out}`,
    );
    const steps = [
      ...setupSteps(params),
      ...populationSteps(params),
      ...assessmentSteps(params),
      ...serviceSteps(params),
      ...reversalSteps(),
      ...anomalySteps(),
      ...visitSteps(),
      ...ledgerSteps(factor, windowFrom),
    ];
    for (const step of steps) await runStep(conn, step, log);

    const files: DemoFileResult[] = [];
    for (const o of KIND_OUTPUTS) {
      const t1 = performance.now();
      const file = `${o.kind}.${format}`;
      const path = join(out, file);
      const select = o.select(headers);
      const copyOpts = format === 'parquet' ? `(format parquet, compression zstd)` : `(format csv, header true, delimiter ',', quote '"')`;
      const target = encoding === 'gb18030' ? `${path}.utf8.tmp` : path;
      await conn.run(`copy (${select}) to ${lit(target)} ${copyOpts}`);
      if (encoding === 'gb18030') {
        await transcodeFile(target, path);
        rmSync(target);
      }
      const rows = Number((await queryRows(conn, `select count(*)::BIGINT as n from (${o.count})`))[0].n);
      const seconds = (performance.now() - t1) / 1000;
      const bytes = statSync(path).size;
      files.push({ file, kind: o.kind, rows, bytes, seconds });
      log(`  write ${file.padEnd(20)} ${String(rows).padStart(10)} rows ${(bytes / 1e6).toFixed(1).padStart(8)} MB ${seconds.toFixed(2).padStart(7)} s`);
    }

    // answer key: beside the data, under a name that is no kind's prefix (ingest ignores it)
    const keyPath = join(out, ANSWER_KEY_FILE);
    await conn.run(`copy (select settlement_id, rule from answer_key order by settlement_id, rule) to ${lit(keyPath)} (format csv, header true)`);
    const byRuleRows = await queryRows(conn, `select rule, count(*)::INTEGER as n from answer_key group by rule order by rule`);
    const byRule = Object.fromEntries(byRuleRows.map((r) => [String(r.rule), Number(r.n)]));
    const keyRows = Object.values(byRule).reduce((a, b) => a + b, 0);
    log(`  write ${ANSWER_KEY_FILE.padEnd(20)} ${String(keyRows).padStart(10)} rows (${Object.entries(byRule).map(([r, n]) => `${r} ${n}`).join(', ')})`);

    const malformed: DemoResult['malformed'] = [];
    for (const m of await malformedFiles(conn, headers)) {
      const path = join(out, m.file);
      if (encoding === 'gb18030') {
        writeFileSync(`${path}.utf8.tmp`, m.text);
        await transcodeFile(`${path}.utf8.tmp`, path);
        rmSync(`${path}.utf8.tmp`);
      } else {
        writeFileSync(`${path}.tmp`, m.text);
        renameSync(`${path}.tmp`, path);
      }
      malformed.push({ file: m.file, rows: m.rows });
      log(`  write ${m.file.padEnd(20)} ${String(m.rows).padStart(10)} rows (malformed on purpose; see docs/demo.md)`);
    }
    await opts.inspect?.(conn);
    const seconds = (performance.now() - t0) / 1000;
    log(`demo written in ${seconds.toFixed(1)} s`);
    return { out, files, answerKey: { file: ANSWER_KEY_FILE, rows: keyRows, byRule }, malformed, seconds };
  } finally {
    conn.closeSync();
    instance.closeSync();
    rmSync(spill, { recursive: true, force: true });
  }
}
