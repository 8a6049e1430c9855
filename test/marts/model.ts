// One mart's SQL (sql/marts/<name>.sql) run on hand-made input tables, for the cases a delivery
// cannot easily show (a stray month after the as-of date, a tie between cities).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';

const MARTS = join(import.meta.dirname, '../../sql/marts');

export async function createMart(conn: DuckDBConnection, name: string): Promise<void> {
  await conn.run(`create table ${name} as\n${readFileSync(join(MARTS, `${name}.sql`), 'utf8')}`);
}
