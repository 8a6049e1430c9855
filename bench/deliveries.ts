// The bench's deliveries: demo deliveries generated once and cached under bench/.cache/ by the
// generator's fingerprint (its code, the contract, the policy catalog and the options), and the
// one-month delivery between two of them.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import type { DemoScale } from '../data-loaders/demo/index.ts';
import { listDelivery } from '../data-loaders/ingest/delivery.ts';
import { measureChild, nodeTs, REPO } from './measure.ts';

export const CACHE_DIR = join(REPO, 'bench', '.cache');

/** What the generated files depend on: change any of these and the cache is regenerated. */
const GENERATOR_INPUTS = ['data-loaders/demo', 'data-loaders/contract', 'data-loaders/policy', 'policies'];

function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  if (!statSync(dir).isDirectory()) return [dir];
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const p = join(dir, name);
      return statSync(p).isDirectory() ? walk(p) : [p];
    });
}

export interface DemoSpec {
  scale: DemoScale;
  seed?: number;
  /** Last month, YYYY-MM (default: the demo's default end). */
  end?: string;
  /** Population multiplier instead of the scale's own (the scale's shape stays). */
  factor?: number;
  /** The `city` scale: calendar years delivered, ending with `end`'s (default 1). */
  years?: number;
}

export function demoFingerprint(spec: DemoSpec): string {
  const h = createHash('sha256');
  const factor = spec.factor === undefined ? {} : { factor: spec.factor };
  const years = spec.years === undefined ? {} : { years: spec.years };
  h.update(JSON.stringify({ scale: spec.scale, seed: spec.seed ?? 1, end: spec.end ?? null, format: 'csv', ...factor, ...years }));
  for (const f of GENERATOR_INPUTS.flatMap((d) => walk(join(REPO, d)))) {
    h.update(relative(REPO, f));
    h.update(readFileSync(f));
  }
  return h.digest('hex').slice(0, 12);
}

/** The demo delivery for `spec`, generated (in a child process) unless the cache holds it. */
export async function cachedDemo(spec: DemoSpec, log: (line: string) => void, cacheDir = CACHE_DIR): Promise<string> {
  const prefix = `${spec.scale}${spec.factor === undefined ? '' : `x${spec.factor}`}${spec.years === undefined ? '' : `-${spec.years}y`}-${spec.end ?? 'default'}-s${spec.seed ?? 1}-`;
  const dir = join(cacheDir, prefix + demoFingerprint(spec));
  if (existsSync(join(dir, '.complete'))) {
    log(`  cached ${relative(REPO, dir)}`);
    return dir;
  }
  mkdirSync(cacheDir, { recursive: true });
  // an older generator's output of the same spec is stale: drop it
  for (const old of readdirSync(cacheDir).filter((n) => n.startsWith(prefix))) rmSync(join(cacheDir, old), { recursive: true, force: true });
  const tmp = `${dir}.tmp`;
  rmSync(tmp, { recursive: true, force: true });
  log(`  generating ${relative(REPO, dir)} (once; cached by generator fingerprint)`);
  const args = ['bench/generate.ts', tmp, spec.scale, String(spec.seed ?? 1), spec.end ?? '-', spec.factor === undefined ? '-' : String(spec.factor), String(spec.years ?? 1)];
  const run = await measureChild(nodeTs(args), { label: `demo ${spec.scale} ${spec.end ?? ''}` });
  log(`  generated in ${run.seconds.toFixed(1)} s`);
  renameSync(tmp, dir);
  writeFileSync(join(dir, '.complete'), new Date().toISOString() + '\n');
  return dir;
}

/**
 * The one-month delivery that takes a warehouse from `base` to `next`: for each kind file, the
 * rows of `next` that `base` does not hold byte for byte (new rows and rows whose content
 * changed), as a bureau's monthly extract of new and corrected records would be. The deliberately
 * malformed demo files are left out. Cached beside `next`.
 */
export async function monthDelivery(base: string, next: string, log: (line: string) => void): Promise<string> {
  const out = join(next, `month-from-${relative(join(next, '..'), base).replace(/[^\w.-]/g, '_')}`);
  if (existsSync(join(out, '.complete'))) return out;
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const t0 = performance.now();
  const instance = await DuckDBInstance.create(':memory:', { memory_limit: '2GB', temp_directory: join(out, '.spill') });
  const conn = await instance.connect();
  try {
    const baseFiles = new Map(listDelivery(base).files.map((f) => [f.name, f.path]));
    for (const f of listDelivery(next).files) {
      if (f.name.includes('-malformed')) continue;
      const from = baseFiles.get(f.name);
      const read = (p: string) => `read_csv('${p.replaceAll("'", "''")}', all_varchar = true, header = true, delim = ',', quote = '"')`;
      const rows = from ? `select * from ${read(f.path)} except all select * from ${read(from)}` : `select * from ${read(f.path)}`;
      await conn.run(`copy (${rows} order by all) to '${join(out, f.name).replaceAll("'", "''")}' (format csv, header true)`);
    }
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
  rmSync(join(out, '.spill'), { recursive: true, force: true });
  writeFileSync(join(out, '.complete'), new Date().toISOString() + '\n');
  log(`  month written in ${((performance.now() - t0) / 1000).toFixed(1)} s → ${relative(REPO, out)}`);
  return out;
}
