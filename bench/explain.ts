// Profile models on a built warehouse: `node --import tsx bench/explain.ts <db> [model…]` prints
// each model's wall time as a plain select and DuckDB's EXPLAIN ANALYZE (the operators with their
// time and cardinality). Read-only: the warehouse is not changed. Default: every int_ and mart_ model.
import { DuckDBInstance } from '@duckdb/node-api';
import { discoverModels } from '../data-loaders/models.ts';

const [db, ...names] = process.argv.slice(2);
if (!db) {
  console.error('usage: bench/explain.ts <warehouse.duckdb> [model…]');
  process.exit(1);
}
const instance = await DuckDBInstance.create(db, { access_mode: 'READ_ONLY' });
const conn = await instance.connect();
try {
  const models = discoverModels().filter((m) => (names.length ? names.includes(m.name) : m.layer !== 'staging'));
  for (const m of models) {
    const t0 = performance.now();
    await conn.run(`create or replace temp table __profile as ${m.sql}`);
    const s = (performance.now() - t0) / 1000;
    console.log(`\n=== ${m.name}: ${s.toFixed(2)} s (materialised as a temp table)`);
    if (names.length) {
      const plan = await conn.runAndReadAll(`explain analyze ${m.sql}`);
      console.log(String(plan.getRows()[0][1]));
    }
  }
} finally {
  conn.closeSync();
  instance.closeSync();
}
