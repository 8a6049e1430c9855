// Profile models on a built warehouse: `node --import tsx bench/explain.ts <db> [--sql DIR] [model…]`
// prints each model's wall time (materialised as a temp table) and, for the models named, DuckDB's
// EXPLAIN ANALYZE (operators with their time and cardinality). Read-only: the warehouse is not
// changed. Default: every int_ and mart_ model. --sql: the models of another sql/ folder (A/B of
// an older version: `git archive <commit> sql | tar -x -C /tmp/old`, then --sql /tmp/old/sql).
import { DuckDBInstance } from '@duckdb/node-api';
import { discoverModels } from '../data-loaders/models.ts';

const args = process.argv.slice(2);
const sqlAt = args.indexOf('--sql');
const sqlDir = sqlAt >= 0 ? args.splice(sqlAt, 2)[1] : undefined;
const [db, ...names] = args;
if (!db) {
  console.error('usage: bench/explain.ts <warehouse.duckdb> [model…]');
  process.exit(1);
}
const instance = await DuckDBInstance.create(db, { access_mode: 'READ_ONLY' });
const conn = await instance.connect();
try {
  const models = discoverModels(sqlDir).filter((m) => (names.length ? names.includes(m.name) : m.layer !== 'staging'));
  for (const m of models) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    await conn.run(`create or replace temp table __profile as ${m.sql}`);
    const s = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(c0);
    // CPU seconds (all DuckDB threads) move less than wall time on a machine shared with others
    console.log(`\n=== ${m.name}: ${s.toFixed(2)} s wall, ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s CPU (materialised as a temp table)`);
    if (names.length) {
      const plan = await conn.runAndReadAll(`explain analyze ${m.sql}`);
      console.log(String(plan.getRows()[0][1]));
    }
  }
} finally {
  conn.closeSync();
  instance.closeSync();
}
