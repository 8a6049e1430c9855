// A tiny demo warehouse for the integration tests (demo → ingest → build, in a temp dir), and the
// public site built on it. LTCI_TEST_DB=<file> reuses an existing warehouse instead.
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const REPO = resolve(import.meta.dirname, '../..');

export function run(args: string[], env: Record<string, string> = {}): string {
  return execFileSync(process.execPath, args, {
    cwd: REPO,
    env: { ...process.env, OBSERVABLE_TELEMETRY_DISABLE: '1', ...env },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  });
}

export interface DemoWarehouse {
  tmp: string;
  db: string;
  /** The delivery folder (null when LTCI_TEST_DB was given). */
  delivery: string | null;
}

export function demoWarehouse(prefix: string): DemoWarehouse {
  const tmp = mkdtempSync(join(tmpdir(), prefix));
  if (process.env.LTCI_TEST_DB) return { tmp, db: resolve(process.env.LTCI_TEST_DB), delivery: null };
  const delivery = join(tmp, 'delivery');
  const db = join(tmp, 'ltci.duckdb');
  run(['bin/ltci.mjs', 'demo', '--out', delivery, '--scale', 'tiny']);
  run(['bin/ltci.mjs', 'ingest', delivery, '--db', db]);
  run(['bin/ltci.mjs', 'build', '--db', db]);
  return { tmp, db, delivery };
}

/** `npm run build:public` on the warehouse, into `out`. */
export function buildPublic(db: string, out: string): string {
  return execFileSync(join(REPO, 'node_modules/.bin/tsx'), ['data-loaders/public/buildPublic.ts'], {
    cwd: REPO,
    env: { ...process.env, OBSERVABLE_TELEMETRY_DISABLE: '1', LTCI_DB: db, LTCI_PUBLIC_OUT: out },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  });
}
