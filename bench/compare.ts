// Are two warehouses' models the same? Every int_ and mart_ table of `a` against `b`: the same
// columns and types, and the same rows as a multiset (EXCEPT ALL both ways). Used by
// bench/compareWarehouses.ts: a rewrite changes no result.
import { DuckDBInstance } from '@duckdb/node-api';

export interface TableComparison {
  table: string;
  rows: number;
  onlyA: number;
  onlyB: number;
  /** Set when the columns or their types differ (then the rows are not compared). */
  columns?: { a: string; b: string };
}

export async function compareWarehouses(a: string, b: string): Promise<TableComparison[]> {
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  const rows = async (sql: string) => (await conn.runAndReadAll(sql)).getRows();
  const quote = (p: string) => `'${p.replaceAll("'", "''")}'`;
  const out: TableComparison[] = [];
  try {
    await conn.run(`attach ${quote(a)} as a (read_only); attach ${quote(b)} as b (read_only)`);
    const tables = (await rows(`select table_name from duckdb_tables() where database_name = 'a' and regexp_matches(table_name, '^(int|mart)_') order by 1`)).map((r) => String(r[0]));
    for (const t of tables) {
      const cols = async (db: string) => (await rows(`select column_name || ' ' || data_type from duckdb_columns() where database_name = '${db}' and table_name = '${t}' order by column_index`)).map(String).join(', ');
      const [ca, cb] = [await cols('a'), await cols('b')];
      if (ca !== cb) {
        out.push({ table: t, rows: 0, onlyA: 0, onlyB: 0, columns: { a: ca, b: cb } });
        continue;
      }
      const [onlyA, onlyB, n] = (await rows(`select
          (select count(*) from (select * from a.${t} except all select * from b.${t})),
          (select count(*) from (select * from b.${t} except all select * from a.${t})),
          (select count(*) from a.${t})`))[0].map(Number);
      out.push({ table: t, rows: n, onlyA, onlyB });
    }
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
  return out;
}

/** The tables that differ (columns or rows). */
export function differing(result: TableComparison[]): TableComparison[] {
  return result.filter((t) => t.columns || t.onlyA || t.onlyB);
}
