// Runs sql/ in layer order (staging views → intermediate tables → mart tables), then the data tests.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';

export const SQL_DIR = resolve(import.meta.dirname, '..', 'sql');
const LAYERS = [
  { dir: 'staging', materialize: 'view' },
  { dir: 'intermediate', materialize: 'table' },
  { dir: 'marts', materialize: 'table' },
] as const;

export interface Model {
  name: string;
  layer: (typeof LAYERS)[number]['dir'];
  materialize: 'view' | 'table';
  sql: string;
  path: string;
  dependsOn: string[];
}

function sqlFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((f) => f.endsWith('.sql')).sort().map((f) => join(dir, f));
}

/** Strip `--` comments so a model named in a comment is not taken for a dependency. */
function withoutComments(sql: string): string {
  return sql.replace(/--[^\n]*/g, '');
}

/** The models under sqlDir, ordered so that every model comes after the models it reads. */
export function discoverModels(sqlDir = SQL_DIR): Model[] {
  const models: Model[] = [];
  for (const layer of LAYERS) {
    for (const path of sqlFiles(join(sqlDir, layer.dir))) {
      const sql = readFileSync(path, 'utf8').trim().replace(/;\s*$/, '');
      models.push({ name: basename(path, '.sql'), layer: layer.dir, materialize: layer.materialize, sql, path, dependsOn: [] });
    }
  }
  const names = new Set(models.map((m) => m.name));
  for (const m of models) {
    const words = new Set(withoutComments(m.sql).match(/\b[a-z_][a-z0-9_]*\b/gi) ?? []);
    m.dependsOn = [...names].filter((n) => n !== m.name && words.has(n));
  }
  // Topological order; layer order breaks ties.
  const ordered: Model[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const byName = new Map(models.map((m) => [m.name, m]));
  const visit = (m: Model, path: string[]) => {
    if (state.get(m.name) === 'done') return;
    if (state.get(m.name) === 'visiting') throw new Error(`models form a cycle: ${[...path, m.name].join(' → ')}`);
    state.set(m.name, 'visiting');
    for (const d of m.dependsOn) visit(byName.get(d)!, [...path, m.name]);
    state.set(m.name, 'done');
    ordered.push(m);
  };
  for (const m of models) visit(m, []);
  return ordered;
}

export interface ModelResult {
  name: string;
  rows: number;
  ms: number;
}

export type Progress = (line: string) => void;

/** The macro files (sql/macros/*.sql), in the order they are created. */
export function macroPaths(sqlDir = SQL_DIR): string[] {
  return sqlFiles(join(sqlDir, 'macros'));
}

/** Create the macros in sql/macros (each file a `create or replace macro …`): rules several models share. */
export async function createMacros(conn: DuckDBConnection, sqlDir = SQL_DIR): Promise<string[]> {
  const names: string[] = [];
  for (const path of macroPaths(sqlDir)) {
    try {
      await conn.run(readFileSync(path, 'utf8'));
    } catch (err) {
      throw new Error(`macro ${basename(path, '.sql')} (${path}) failed: ${(err as Error).message}`);
    }
    names.push(basename(path, '.sql'));
  }
  return names;
}

/** Create the macros, then materialise every model, whole. Throws naming the model (and its file) that failed. */
export async function runModels(
  conn: DuckDBConnection,
  { sqlDir = SQL_DIR, progress = (() => {}) as Progress }: { sqlDir?: string; progress?: Progress } = {},
): Promise<ModelResult[]> {
  const results: ModelResult[] = [];
  const macros = await createMacros(conn, sqlDir);
  if (macros.length) progress(`  macros       ${macros.join(', ')}`);
  const models = discoverModels(sqlDir);
  const existing = await modelOutputs(conn);
  const names = new Set(models.map((m) => m.name));
  for (const [name, kind] of existing) {
    if (names.has(name)) continue;
    await conn.run(`drop ${kind} ${name}`);
    progress(`  dropped      ${name} (its model is gone from sql/)`);
  }
  for (const m of models) {
    const t0 = performance.now();
    try {
      // Drop what is there by its kind: a failed `drop view` of a table would abort the build's transaction.
      const kind = existing.get(m.name);
      if (kind) await conn.run(`drop ${kind} ${m.name}`);
      await conn.run(`create ${m.materialize} ${m.name} as\n${m.sql}`);
    } catch (err) {
      throw new Error(`model ${m.name} (${m.path}) failed: ${(err as Error).message}`);
    }
    const count = await conn.runAndReadAll(`select count(*)::bigint as n from ${m.name}`);
    const rows = Number(count.getRows()[0][0]);
    const ms = performance.now() - t0;
    results.push({ name: m.name, rows, ms });
    progress(`  ${m.layer.padEnd(12)} ${m.name.padEnd(40)} ${String(rows).padStart(10)} rows ${(ms / 1000).toFixed(2).padStart(7)} s`);
  }
  return results;
}

/**
 * Tables and views of the model layers (stg_, int_, mart_) in the warehouse, by name. One whose
 * .sql file no longer exists is dropped: a renamed or removed model would otherwise leave its last
 * output behind for anyone to read.
 */
async function modelOutputs(conn: DuckDBConnection): Promise<Map<string, 'table' | 'view'>> {
  const reader = await conn.runAndReadAll(`select table_name, table_type from information_schema.tables
where table_schema = 'main' and table_catalog = current_database() and regexp_matches(table_name, '^(stg|int|mart)_')`);
  return new Map(reader.getRows().map(([name, type]) => [String(name), String(type) === 'VIEW' ? 'view' : 'table']));
}

export interface DataTestResult {
  name: string;
  failures: number;
  sample: Record<string, unknown>[];
  ms: number;
}

/** Run sql/tests/*.sql: each returns the offending rows; zero rows = pass. */
export async function runDataTests(
  conn: DuckDBConnection,
  { sqlDir = SQL_DIR, progress = (() => {}) as Progress }: { sqlDir?: string; progress?: Progress } = {},
): Promise<DataTestResult[]> {
  const results: DataTestResult[] = [];
  for (const path of sqlFiles(join(sqlDir, 'tests'))) {
    const name = basename(path, '.sql');
    const sql = readFileSync(path, 'utf8').trim().replace(/;\s*$/, '');
    const t0 = performance.now();
    let failures: number;
    let sample: Record<string, unknown>[];
    try {
      const n = await conn.runAndReadAll(`select count(*)::bigint from (\n${sql}\n)`);
      failures = Number(n.getRows()[0][0]);
      sample = failures ? ((await conn.runAndReadAll(`select * from (\n${sql}\n) limit 5`)).getRowObjectsJson() as Record<string, unknown>[]) : [];
    } catch (err) {
      throw new Error(`data test ${name} (${path}) could not run: ${(err as Error).message}`);
    }
    const ms = performance.now() - t0;
    results.push({ name, failures, sample, ms });
    progress(`  ${failures ? 'FAIL' : 'pass'} ${name}${failures ? ` — ${failures} offending rows` : ''}`);
  }
  return results;
}
