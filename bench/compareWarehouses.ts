// Behaviour unchanged? `node --import tsx bench/compareWarehouses.ts a.duckdb b.duckdb` compares
// every int_ and mart_ table of two warehouses built from the same raw data: same columns and
// types, and the same rows as a multiset (EXCEPT ALL both ways). Exit 1 when any table differs.
import { compareWarehouses, differing } from './compare.ts';

const [a, b] = process.argv.slice(2);
if (!a || !b) {
  console.error('usage: bench/compareWarehouses.ts <a.duckdb> <b.duckdb>');
  process.exit(1);
}
const result = await compareWarehouses(a, b);
for (const t of result) {
  if (t.columns) console.log(`${t.table}: columns differ\n  a: ${t.columns.a}\n  b: ${t.columns.b}`);
  else console.log(`${t.table.padEnd(32)} ${String(t.rows).padStart(9)} rows  only in a ${t.onlyA}, only in b ${t.onlyB}${t.onlyA || t.onlyB ? '  DIFFER' : ''}`);
}
const n = differing(result).length;
console.log(n ? `${n} tables differ` : 'identical');
process.exitCode = n ? 1 : 0;
