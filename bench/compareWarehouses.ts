// Behaviour unchanged? `node --import tsx bench/compareWarehouses.ts a.duckdb b.duckdb` compares
// every int_ and mart_ table of two warehouses built from the same raw data: same columns and
// types, and the same rows as a multiset (EXCEPT ALL both ways). Exit 1 when any table differs.
import { DuckDBInstance } from '@duckdb/node-api';

const [a, b] = process.argv.slice(2);
if (!a || !b) {
  console.error('usage: bench/compareWarehouses.ts <a.duckdb> <b.duckdb>');
  process.exit(1);
}
const instance = await DuckDBInstance.create(':memory:');
const conn = await instance.connect();
const rows = async (sql: string) => (await conn.runAndReadAll(sql)).getRows();
let differ = 0;
try {
  await conn.run(`attach '${a.replaceAll("'", "''")}' as a (read_only); attach '${b.replaceAll("'", "''")}' as b (read_only)`);
  const tables = (await rows(`select table_name from duckdb_tables() where database_name = 'a' and regexp_matches(table_name, '^(int|mart)_') order by 1`)).map((r) => String(r[0]));
  for (const t of tables) {
    const cols = async (db: string) => (await rows(`select column_name || ' ' || data_type from duckdb_columns() where database_name = '${db}' and table_name = '${t}' order by column_index`)).map(String).join(', ');
    const [ca, cb] = [await cols('a'), await cols('b')];
    if (ca !== cb) {
      console.log(`${t}: columns differ\n  a: ${ca}\n  b: ${cb}`);
      differ++;
      continue;
    }
    const [onlyA, onlyB, n] = (await rows(`select
        (select count(*) from (select * from a.${t} except all select * from b.${t})),
        (select count(*) from (select * from b.${t} except all select * from a.${t})),
        (select count(*) from a.${t})`))[0].map(Number);
    console.log(`${t.padEnd(32)} ${String(n).padStart(9)} rows  only in a ${onlyA}, only in b ${onlyB}${onlyA || onlyB ? '  DIFFER' : ''}`);
    if (onlyA || onlyB) differ++;
  }
} finally {
  conn.closeSync();
  instance.closeSync();
}
console.log(differ ? `${differ} tables differ` : 'identical');
process.exitCode = differ ? 1 : 0;
