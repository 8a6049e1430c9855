// Opening the warehouse: one DuckDB file, `warehouse/ltci.duckdb` unless --db or LTCI_DB says otherwise.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';

export const DEFAULT_DB = 'warehouse/ltci.duckdb';

export function resolveDbPath(option?: string): string {
  return resolve(option ?? process.env.LTCI_DB ?? DEFAULT_DB);
}

export interface Warehouse {
  path: string;
  instance: DuckDBInstance;
  conn: DuckDBConnection;
  close(): void;
}

/**
 * How much memory DuckDB may hold before it spills to `<warehouse>.tmp/`: LTCI_MEMORY_LIMIT
 * (a DuckDB size, e.g. `2GB`) or 3 GB — so a city's delivery loads on a 4 GB machine. DuckDB's own
 * default is 80 % of the RAM, and the ingest grows with the file up to it.
 */
export function memoryLimit(env: NodeJS.ProcessEnv = process.env): string {
  const value = env.LTCI_MEMORY_LIMIT?.trim();
  if (!value) return '3GB';
  if (!/^\d+(\.\d+)?\s*(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)$/i.test(value)) {
    throw new Error(`LTCI_MEMORY_LIMIT=${value} is not a size DuckDB understands; write it like 2GB or 1500MB`);
  }
  return value;
}

/** Open (and on first use create) the warehouse file. Close it with `close()`. */
export async function openWarehouse(path: string, { readOnly = false } = {}): Promise<Warehouse> {
  if (!readOnly) mkdirSync(dirname(path), { recursive: true });
  const config: Record<string, string> = { memory_limit: memoryLimit() };
  if (readOnly) config.access_mode = 'READ_ONLY';
  const instance = await DuckDBInstance.create(path, config);
  const conn = await instance.connect();
  return {
    path,
    instance,
    conn,
    close() {
      conn.closeSync();
      instance.closeSync();
    },
  };
}

/** Run `fn` with an open warehouse and close it whatever happens. */
export async function withWarehouse<T>(path: string, fn: (w: Warehouse) => Promise<T>, opts?: { readOnly?: boolean }): Promise<T> {
  const w = await openWarehouse(path, opts);
  try {
    return await fn(w);
  } finally {
    w.close();
  }
}

/** Rows of a query as plain JSON-safe objects (DECIMAL as string, DATE as ISO string). */
export async function queryRows(conn: DuckDBConnection, sql: string): Promise<Record<string, unknown>[]> {
  const reader = await conn.runAndReadAll(sql);
  return reader.getRowObjectsJson() as Record<string, unknown>[];
}

/** Quote a string as a SQL literal. */
export function lit(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}
