// Policy catalog loader — placeholder until the policy issue lands (see issue 3).
import type { DuckDBConnection } from '@duckdb/node-api';

export async function loadPolicyCatalog(_conn: DuckDBConnection, _opts: { progress?: (line: string) => void } = {}): Promise<void> {}
