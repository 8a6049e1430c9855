// Policy catalog: policies/*.json → validated → policy_* tables (docs/architecture.md, "Policy catalog tables").
import type { DuckDBConnection } from '@duckdb/node-api';
import { POLICY_DIR, readPolicyCatalog } from './readPolicyCatalog.ts';
import { writePolicyCatalog } from './writePolicyCatalog.ts';

export { PolicyFileError } from './PolicyFileError.ts';
export { parsePolicyFile } from './parsePolicyFile.ts';
export { POLICY_DIR, readPolicyCatalog } from './readPolicyCatalog.ts';
export { POLICY_TABLES, writePolicyCatalog } from './writePolicyCatalog.ts';
export type * from './types.ts';

/** Validate policies/*.json (or `dir`) and replace the policy_* tables. Throws PolicyFileError naming file and field. */
export async function loadPolicyCatalog(conn: DuckDBConnection, opts: { progress?: (line: string) => void; dir?: string; inTransaction?: boolean } = {}): Promise<void> {
  const catalog = readPolicyCatalog(opts.dir ?? POLICY_DIR);
  const counts = await writePolicyCatalog(conn, catalog, { inTransaction: opts.inTransaction });
  opts.progress?.(`  ${catalog.files.length} policy files: ${Object.entries(counts).map(([t, n]) => `${t} ${n}`).join(', ')}`);
}
