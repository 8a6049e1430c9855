import type { DuckDBConnection } from '@duckdb/node-api';
export async function malformedFiles(_conn: DuckDBConnection, _headers: 'en' | 'zh'): Promise<{ file: string; text: string; rows: number }[]> {
  return [];
}
