// Shared helpers for the ingest tests: temp warehouses, deliveries written from the contract,
// valid resident IDs, and a fingerprint of every table (row count + content hash).
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { vi } from 'vitest';
import { queryRows, withWarehouse } from '../../data-loaders/db.ts';

/** A resident ID with a correct GB 11643 check character for the 17 given digits. */
export function residentId(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((s, d, i) => s + Number(d) * weights[i], 0);
  return first17 + '10X98765432'[sum % 11];
}

export function tempDir(prefix = 'ltci-ingest-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Write a delivery folder: file name → CSV text (or Buffer). */
export function writeDelivery(dir: string, files: Record<string, string | Buffer>): string {
  mkdirSync(dir, { recursive: true });
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

const field = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
export const csv = (lines: string[][]) => lines.map((l) => l.map(field).join(',')).join('\n') + '\n';

export async function rows(dbPath: string, sql: string): Promise<Record<string, unknown>[]> {
  return withWarehouse(dbPath, ({ conn }) => queryRows(conn, sql), { readOnly: true });
}

/** Every base table with its row count and a hash of its full content (order-independent). */
export async function fingerprint(dbPath: string): Promise<Record<string, string>> {
  return withWarehouse(dbPath, async ({ conn }) => {
    const tables = await queryRows(conn, `select table_name from information_schema.tables where table_type = 'BASE TABLE' and table_schema = 'main' order by 1`);
    const out: Record<string, string> = {};
    for (const { table_name } of tables) {
      const [r] = await queryRows(conn, `select count(*) as n, coalesce(sum(hash(t::varchar)), 0) as h from "${table_name}" as t`);
      out[String(table_name)] = `${r.n}:${r.h}`;
    }
    return out;
  }, { readOnly: true });
}

export interface CliRun {
  code: number;
  /** What went to stdout and stderr, in order. */
  out: string;
  err: string;
}

/** `ltci <args>` in this process, its output captured (console.log → out, console.error and stderr writes → err). */
export async function ltci(...args: string[]): Promise<CliRun> {
  const { main } = await import('../../data-loaders/cli.ts');
  const out: string[] = [];
  const err: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...m: unknown[]) => void out.push(m.join(' ')));
  const error = vi.spyOn(console, 'error').mockImplementation((...m: unknown[]) => void err.push(m.join(' ')));
  const write = vi.spyOn(process.stderr, 'write').mockImplementation((m: string | Uint8Array) => (err.push(String(m)), true));
  try {
    const code = await main(args);
    return { code, out: out.join('\n'), err: err.join('\n') };
  } finally {
    log.mockRestore();
    error.mockRestore();
    write.mockRestore();
  }
}
