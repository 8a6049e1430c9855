// Shared by the Framework data loaders in src/data/: query the warehouse READ-ONLY and print JSON.
// Money leaves DuckDB as DECIMAL and reaches the browser as a number of yuan (exact to the fen at
// these magnitudes); it is only formatted there, never summed again where a mart holds the sum.
import { existsSync } from 'node:fs';
import { DuckDBTypeId, type DuckDBConnection } from '@duckdb/node-api';
import { resolveDbPath, withWarehouse } from '../../../data-loaders/db.ts';

export type Row = Record<string, string | number | boolean | null | unknown[]>;

const NUMERIC = new Set<DuckDBTypeId>([
  DuckDBTypeId.TINYINT, DuckDBTypeId.SMALLINT, DuckDBTypeId.INTEGER, DuckDBTypeId.BIGINT, DuckDBTypeId.HUGEINT,
  DuckDBTypeId.UTINYINT, DuckDBTypeId.USMALLINT, DuckDBTypeId.UINTEGER, DuckDBTypeId.UBIGINT, DuckDBTypeId.UHUGEINT,
  DuckDBTypeId.FLOAT, DuckDBTypeId.DOUBLE, DuckDBTypeId.DECIMAL,
]);

/** Rows of a query; numeric columns (DECIMAL, BIGINT …) as JS numbers (integers past 2^53 as strings), dates as ISO strings. */
export async function rowsOf(conn: DuckDBConnection, sql: string): Promise<Row[]> {
  const reader = await conn.runAndReadAll(sql);
  const names = reader.columnNames();
  const numeric = reader.columnTypes().map((t) => NUMERIC.has(t.typeId));
  return (reader.getRowObjectsJson() as Row[]).map((row) => {
    for (let i = 0; i < names.length; i++) {
      const v = row[names[i]];
      if (!numeric[i] || v === null || v === undefined) continue;
      const n = Number(v);
      // A 64-bit integer past 2^53 would silently change as a JS number: keep its exact string.
      row[names[i]] = Number.isInteger(n) && !Number.isSafeInteger(n) ? String(v) : n;
    }
    return row;
  });
}

/** Does the warehouse hold this table or view? */
export async function hasTable(conn: DuckDBConnection, name: string): Promise<boolean> {
  const rows = await rowsOf(conn, `select count(*) as n from information_schema.tables where table_name = '${name.replaceAll("'", "''")}'`);
  return Number(rows[0].n) > 0;
}

/**
 * Open the warehouse read-only (LTCI_DB or warehouse/ltci.duckdb), run `fn`, print its result as
 * JSON on stdout. Exits non-zero with a message naming the fix when the warehouse is missing.
 */
export async function printJson(fn: (conn: DuckDBConnection) => Promise<unknown>): Promise<void> {
  const path = resolveDbPath();
  if (!existsSync(path)) {
    console.error(`no warehouse at ${path}: run \`node bin/ltci.mjs refresh\` (or ingest + build), or set LTCI_DB`);
    process.exit(1);
  }
  const result = await withWarehouse(path, ({ conn }) => fn(conn), { readOnly: true });
  process.stdout.write(JSON.stringify(result));
}
