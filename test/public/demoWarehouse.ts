// A tiny demo warehouse for the integration tests (demo → ingest → build, in a temp dir), and the
// public site built on it. LTCI_TEST_DB=<file> reuses an existing warehouse instead. Child processes
// run asynchronously so the vitest worker stays responsive during the minute they take.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const REPO = resolve(import.meta.dirname, '../..');

const execFileAsync = promisify(execFile);

export async function run(args: string[], env: Record<string, string> = {}): Promise<string> {
  const { stdout } = await execFileAsync(process.execPath, args, {
    cwd: REPO,
    env: { ...process.env, OBSERVABLE_TELEMETRY_DISABLE: '1', ...env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return stdout;
}

export interface DemoWarehouse {
  tmp: string;
  db: string;
  /** The delivery folder (null when LTCI_TEST_DB was given). */
  delivery: string | null;
}

export async function demoWarehouse(prefix: string): Promise<DemoWarehouse> {
  const tmp = mkdtempSync(join(tmpdir(), prefix));
  if (process.env.LTCI_TEST_DB) return { tmp, db: resolve(process.env.LTCI_TEST_DB), delivery: null };
  const delivery = join(tmp, 'delivery');
  const db = join(tmp, 'ltci.duckdb');
  await run(['bin/ltci.mjs', 'demo', '--out', delivery, '--scale', 'tiny']);
  await run(['bin/ltci.mjs', 'ingest', delivery, '--db', db]);
  await run(['bin/ltci.mjs', 'build', '--db', db]);
  return { tmp, db, delivery };
}

/** `npm run build:public` on the warehouse, into `out`. */
export async function buildPublic(db: string, out: string): Promise<string> {
  const { stdout } = await execFileAsync(join(REPO, 'node_modules/.bin/tsx'), ['data-loaders/public/buildPublic.ts'], {
    cwd: REPO,
    env: { ...process.env, OBSERVABLE_TELEMETRY_DISABLE: '1', LTCI_DB: db, LTCI_PUBLIC_OUT: out },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return stdout;
}
