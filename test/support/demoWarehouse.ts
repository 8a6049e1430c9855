// The tiny demo warehouse and the site built on it, for integration and browser tests. Child
// processes run asynchronously so a vitest worker stays responsive during the minute they take.
import { execFile, execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

export const REPO = resolve(import.meta.dirname, '../..');
const execFileAsync = promisify(execFile);

/** `unshare -n` runs a command with no network at all (root on Linux); null where it cannot. */
export function offlinePrefix(): string[] | null {
  try {
    execFileSync('unshare', ['-n', 'true'], { stdio: 'ignore' });
    return ['unshare', '-n'];
  } catch {
    return null;
  }
}

/** Run `node <args>` in the repo; with `offline`, inside a network namespace with no network. */
export async function run(args: string[], env: Record<string, string> = {}, { offline = false } = {}): Promise<string> {
  const prefix = offline ? offlinePrefix() : null;
  const [cmd, ...rest] = prefix ? [...prefix, process.execPath, ...args] : [process.execPath, ...args];
  try {
    const { stdout } = await execFileAsync(cmd, rest, {
      cwd: REPO,
      env: { ...process.env, OBSERVABLE_TELEMETRY_DISABLE: '1', ...env },
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    return stdout;
  } catch (err) {
    const e = err as { stdout?: string; stderr?: string; message: string };
    throw new Error(`${args.join(' ')} failed: ${e.message}\n${e.stdout?.slice(-3000) ?? ''}\n${e.stderr?.slice(-3000) ?? ''}`);
  }
}

export interface DemoWarehouse {
  tmp: string;
  db: string;
  /** The delivery folder (null when an existing warehouse was given without it). */
  delivery: string | null;
}

/** demo (tiny) → ingest → build in `dir`. */
export async function demoWarehouse(dir: string): Promise<DemoWarehouse> {
  const delivery = join(dir, 'delivery');
  const db = join(dir, 'ltci.duckdb');
  await run(['bin/ltci.mjs', 'demo', '--out', delivery, '--scale', 'tiny']);
  await run(['bin/ltci.mjs', 'ingest', delivery, '--db', db]);
  await run(['bin/ltci.mjs', 'build', '--db', db]);
  return { tmp: dir, db, delivery };
}

/**
 * The shared test warehouse (built once by test/globalSetup.ts), with a fresh temp folder of the
 * caller's own for what it writes.
 */
export function sharedWarehouse(prefix: string): DemoWarehouse {
  const db = process.env.LTCI_TEST_DB;
  if (!db) throw new Error('LTCI_TEST_DB is not set: run the tests through vitest (test/globalSetup.ts builds it)');
  const tmp = mkdtempSync(join(tmpdir(), prefix));
  return { tmp, db: resolve(db), delivery: process.env.LTCI_TEST_DELIVERY ? resolve(process.env.LTCI_TEST_DELIVERY) : null };
}

/** The dashboards built offline on `db` into `out`. */
export async function buildTestSite(db: string, out: string): Promise<string> {
  mkdirSync(out, { recursive: true });
  await run(['--import', 'tsx', 'data-loaders/site/buildSite.ts'], { LTCI_DB: db, LTCI_SITE_OUT: out }, { offline: true });
  return out;
}

/** `npm run build:public` on the warehouse, into `out`, offline. */
export async function buildPublic(db: string, out: string): Promise<string> {
  return run(['--import', 'tsx', 'data-loaders/public/buildPublic.ts'], { LTCI_DB: db, LTCI_PUBLIC_OUT: out }, { offline: true });
}

/** Rows of a query against a warehouse, through `ltci sql --format json` (money as strings). */
export function ltciSql(db: string, query: string): Record<string, unknown>[] {
  return JSON.parse(
    execFileSync(process.execPath, ['bin/ltci.mjs', 'sql', query, '--db', db, '--format', 'json'], {
      cwd: REPO,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 64 * 1024 * 1024,
    }),
  );
}
