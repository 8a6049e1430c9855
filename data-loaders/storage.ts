// How the warehouse reclaims the rows a load or an incremental build replaces. DuckDB keeps a
// deleted row, marked, until a checkpoint vacuums its row group; by default every checkpoint merges
// the row groups that deletes thinned out with the rows just appended, so a month's few percent of
// replaced rows, scattered over every row group, made each checkpoint rewrite most of the table
// (docs/performance.md, "The checkpoint"). `ltci ingest` and an incremental `ltci build` turn that
// off (NO_VACUUM) and write a table anew themselves once its replaced rows pass MAX_DEAD_SHARE of its
// live ones: the cost is paid once in a few months, not at every checkpoint, and bounded.
import type { DuckDBConnection } from '@duckdb/node-api';
import { lit, queryRows } from './db.ts';

/** For the process that runs it: the commit's checkpoint and the one when the warehouse closes. */
export const NO_VACUUM = 'set max_vacuum_tasks = 0';

/** A table whose replaced rows, still stored, pass this share of its live rows is written anew. */
export const MAX_DEAD_SHARE = 0.25;

export interface StoredRows {
  /** Rows deleted (replaced) but still stored. */
  dead: number;
  live: number;
}

/**
 * Rows of `table` live, and deleted but still stored: the rows of its first column's segments, less
 * the live ones. Read it on committed data: rows a transaction appended are not in segments yet.
 */
export async function storedRows(conn: DuckDBConnection, table: string): Promise<StoredRows> {
  const [row] = await queryRows(conn, `select
    (select count(*) from main.${table}) as live,
    (select coalesce(max(n), 0) from (
        select sum(count) as n from pragma_storage_info(${lit(table)}) where column_id = 0 group by column_path
    )) as stored`);
  return { dead: Number(row.stored) - Number(row.live), live: Number(row.live) };
}

/** The tables among `tables` whose replaced rows pass MAX_DEAD_SHARE, with their rows: to write anew. */
export async function storedOverShare(conn: DuckDBConnection, tables: readonly string[]): Promise<Record<string, StoredRows>> {
  const over: Record<string, StoredRows> = {};
  for (const table of tables) {
    const rows = await storedRows(conn, table);
    if (rows.dead > MAX_DEAD_SHARE * rows.live) over[table] = rows;
  }
  return over;
}

export const describeStored = (rows: StoredRows): string => `it stores ${rows.dead} replaced rows, against ${rows.live} live`;
