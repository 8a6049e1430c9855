// Builds the site once for the browser tests, from a clean clone: tiny demo delivery → ingest →
// build → data-loaders/site/buildSite.ts, all in a temp dir (LTCI_DB, LTCI_SITE_OUT). Set LTCI_TEST_DB to
// an existing warehouse to skip the demo and ingest steps.
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const REPO = resolve(import.meta.dirname, '../..');

export interface BuiltSite {
  dir: string;
  db: string;
}

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

// Asynchronous, so vitest's worker keeps answering while the site builds (a minute or more).
async function runAsync(args: string[], env: Record<string, string> = {}, { offline = false } = {}): Promise<string> {
  const prefix = offline ? offlinePrefix() : null;
  const [cmd, ...rest] = prefix ? [...prefix, process.execPath, ...args] : [process.execPath, ...args];
  const { stdout } = await execFileAsync(cmd, rest, {
    cwd: REPO,
    env: { ...process.env, OBSERVABLE_TELEMETRY_DISABLE: '1', ...env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return stdout;
}

function run(args: string[], env: Record<string, string> = {}): string {
  return execFileSync(process.execPath, args, {
    cwd: REPO,
    env: { ...process.env, OBSERVABLE_TELEMETRY_DISABLE: '1', ...env },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  });
}

export async function buildSite(): Promise<BuiltSite> {
  // While working on the pages: LTCI_TEST_SITE=dir LTCI_TEST_DB=file reuses a site already built.
  if (process.env.LTCI_TEST_SITE && process.env.LTCI_TEST_DB) {
    return { dir: resolve(process.env.LTCI_TEST_SITE), db: resolve(process.env.LTCI_TEST_DB) };
  }
  const tmp = mkdtempSync(join(tmpdir(), 'ltci-site-'));
  const db = process.env.LTCI_TEST_DB ? resolve(process.env.LTCI_TEST_DB) : join(tmp, 'ltci.duckdb');
  if (!process.env.LTCI_TEST_DB) {
    const delivery = join(tmp, 'delivery');
    await runAsync(['bin/ltci.mjs', 'demo', '--out', delivery, '--scale', 'tiny']);
    await runAsync(['bin/ltci.mjs', 'ingest', delivery, '--db', db]);
    await runAsync(['bin/ltci.mjs', 'build', '--db', db]);
  }
  const dir = join(tmp, 'site');
  // Built with no network at all where the machine allows it: the build must not need any host.
  await runAsync(['--import', 'tsx', 'data-loaders/site/buildSite.ts'], { LTCI_DB: db, LTCI_SITE_OUT: dir }, { offline: true });
  return { dir, db };
}

/** Rows of a query against the test warehouse, through `ltci sql --format json` (money as strings). */
export function ltciSql(db: string, query: string): Record<string, unknown>[] {
  return JSON.parse(run(['bin/ltci.mjs', 'sql', query, '--db', db, '--format', 'json']));
}
