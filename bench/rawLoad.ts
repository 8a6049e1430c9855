// The raw limit: a fresh DuckDB file loading a delivery's files with nothing but
// `create table … as select * from read_csv(…)` / `read_parquet(…)` — no checks, no keys, no
// merge. Same files as `ltci ingest` loads, same thread count (DuckDB's default: every core).
// Usage: node --import tsx bench/rawLoad.ts <delivery-dir> <db-file>
// Prints one JSON line: { rows, files: [{ file, rows, seconds, varchar }] }.
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { listDelivery } from '../data-loaders/ingest/delivery.ts';

const [dir, db] = process.argv.slice(2);
if (!dir || !db) {
  console.error('usage: rawLoad.ts <delivery-dir> <db-file>');
  process.exit(1);
}
/** The files `ltci ingest` would load: <kind>*.csv | .csv.gz | .parquet. */
const files = listDelivery(resolve(dir)).files;

rmSync(db, { force: true });
rmSync(`${db}.wal`, { force: true });
const instance = await DuckDBInstance.create(resolve(db));
const conn = await instance.connect();
const out: { file: string; rows: number; seconds: number; varchar: boolean }[] = [];
try {
  for (const [i, f] of files.entries()) {
    const path = f.path.replaceAll("'", "''");
    const read = f.format === 'parquet' ? `read_parquet('${path}')` : `read_csv('${path}')`;
    const t0 = performance.now();
    let varchar = false;
    try {
      await conn.run(`create table t${i} as select * from ${read}`);
    } catch {
      // The demo's *-malformed.csv files break type detection on purpose: read them as text.
      varchar = true;
      await conn.run(`create or replace table t${i} as select * from read_csv('${path}', all_varchar = true, strict_mode = false)`);
    }
    const rows = Number((await conn.runAndReadAll(`select count(*) from t${i}`)).getRows()[0][0]);
    out.push({ file: f.name, rows, seconds: (performance.now() - t0) / 1000, varchar });
  }
  await conn.run('checkpoint');
} finally {
  conn.closeSync();
  instance.closeSync();
}
console.log(JSON.stringify({ rows: out.reduce((a, f) => a + f.rows, 0), files: out }));
