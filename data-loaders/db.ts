// Opening the warehouse: one DuckDB file, `warehouse/ltci.duckdb` unless --db or LTCI_DB says otherwise.
import { mkdirSync, mkdtempSync, readdirSync, rmSync, rmdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { UserError } from './errors.ts';
import { maskIds } from './ingest/mask.ts';

export const DEFAULT_DB = 'warehouse/ltci.duckdb';

export function resolveDbPath(option?: string): string {
  return resolve(option ?? process.env.LTCI_DB ?? DEFAULT_DB);
}

export interface Warehouse {
  path: string;
  instance: DuckDBInstance;
  conn: DuckDBConnection;
  close(): void;
}

/**
 * How much memory DuckDB may hold before it spills to `<warehouse>.tmp/`: LTCI_MEMORY_LIMIT
 * (a DuckDB size, e.g. `2GB`) or 3 GB — so a city's delivery loads on a 4 GB machine. DuckDB's own
 * default is 80 % of the RAM, and the ingest grows with the file up to it.
 */
export function memoryLimit(env: NodeJS.ProcessEnv = process.env): string {
  const value = env.LTCI_MEMORY_LIMIT?.trim();
  if (!value) return '3GB';
  if (!/^\d+(\.\d+)?\s*(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)$/i.test(value)) {
    throw new Error(`LTCI_MEMORY_LIMIT=${value} is not a size DuckDB understands; write it like 2GB or 1500MB`);
  }
  return value;
}

/** The warehouse's temporary folder: DuckDB spills there, and the ingest keeps its private folders in it. */
export function warehouseTempDir(dbPath: string): string {
  return `${resolve(dbPath)}.tmp`;
}

const PRIVATE_PREFIX = 'ltci-private-';

/**
 * A folder of this process's own under the warehouse's temporary folder, mode 0700, for copies that
 * may hold IDs in clear (a GB18030 file transcoded to UTF-8). Remove it when done; what a killed
 * process leaves is removed by removeStaleTempDirs at the start of the next `ltci` command.
 */
export function privateTempDir(dbPath: string): string {
  const parent = warehouseTempDir(dbPath);
  mkdirSync(dirname(parent), { recursive: true });
  mkdirSync(parent, { recursive: true, mode: 0o700 });
  return mkdtempSync(join(parent, `${PRIVATE_PREFIX}${process.pid}-`));
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Remove the private folders of processes that are gone (killed mid-load); returns what was removed. */
export function removeStaleTempDirs(dbPath: string): string[] {
  const parent = warehouseTempDir(dbPath);
  let names: string[];
  try {
    names = readdirSync(parent);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const pid = name.startsWith(PRIVATE_PREFIX) ? Number(name.slice(PRIVATE_PREFIX.length).split('-')[0]) : 0;
    if (!pid || pid === process.pid || alive(pid)) continue;
    rmSync(join(parent, name), { recursive: true, force: true });
    removed.push(join(parent, name));
  }
  // (an empty folder left alone otherwise: a DuckDB spilling into it right now may own it)
  if (removed.length) removeIfEmpty(parent);
  return removed;
}

/** Remove a folder if nothing is in it. */
export function removeIfEmpty(dir: string): void {
  try {
    rmdirSync(dir);
  } catch {
    // not empty, or gone
  }
}

/** Another process holds the warehouse's lock: exit 2. */
export class WarehouseBusyError extends UserError {}

/** The disk is full: exit 2. */
export class DiskFullError extends UserError {}

/**
 * DuckDB's reason, without what would quote the file: its "Original Line" (a resident ID may be in
 * it), the reader's settings (a temporary path) and the fixes it suggests ("Possible fixes",
 * "Possible solutions": options the loader sets on purpose); any ID left is masked.
 */
export function duckdbReason(err: unknown): string {
  const lines = ((err as Error)?.message ?? String(err)).split('\n');
  const stop = lines.findIndex((l, i) => i > 0 && (/^(Possible (fixes|solutions?)|LINE \d|\s*file\s*=)/i.test(l) || !l.trim()));
  const kept = lines.slice(0, stop > 0 ? stop : lines.length).filter((l) => !/^\s*Original Line/i.test(l));
  return maskIds(kept.join(' ').replace(/\s+/g, ' ').trim());
}

/** DuckDB's or Node's error says the disk is full. */
export function isDiskFull(err: unknown): boolean {
  const text = `${(err as NodeJS.ErrnoException)?.code ?? ''} ${(err as Error)?.message ?? err}`;
  return /ENOSPC|No space left on device|disk is full|Out of disk space|could not write all bytes/i.test(text);
}

/**
 * The refusal a clerk understands for a full disk or a warehouse in use, keeping DuckDB's (or the
 * system's) reason; undefined for any other error.
 */
export function environmentError(err: unknown, dbPath: string, what = '操作'): UserError | undefined {
  if (isDiskFull(err)) {
    return new DiskFullError(
      `磁盘空间不足：${dirname(resolve(dbPath))} 所在的磁盘写满了，这次${what}没有完成，仓库保持原样；腾出空间后再试一次 / ` +
        `the disk is full; nothing was changed (${duckdbReason(err)})`,
      2,
    );
  }
  if (/Could not set lock on file|Conflicting lock is held/i.test((err as Error)?.message ?? '')) {
    const pid = /PID (\d+)/.exec((err as Error).message)?.[1];
    return new WarehouseBusyError(
      `另一个导入正在进行（或另一个 ltci 命令正在使用仓库 ${resolve(dbPath)}${pid ? `，进程 ${pid}` : ''}）：等它结束后再试一次，仓库没有改变 / ` +
        `another ingest or ltci command is using the warehouse (${duckdbReason(err)})`,
      2,
    );
  }
  return undefined;
}

export interface OpenOptions {
  readOnly?: boolean;
  /**
   * For queries a person types (`ltci sql`): no file is read or written but the warehouse
   * (enable_external_access = false, locked so a query cannot set it back), no extension loaded.
   */
  sandboxed?: boolean;
}

/** Open (and on first use create) the warehouse file. Close it with `close()`. */
export async function openWarehouse(path: string, { readOnly = false, sandboxed = false }: OpenOptions = {}): Promise<Warehouse> {
  if (!readOnly) mkdirSync(dirname(path), { recursive: true });
  const config: Record<string, string> = { memory_limit: memoryLimit(), temp_directory: warehouseTempDir(path) };
  if (readOnly) config.access_mode = 'READ_ONLY';
  if (sandboxed) {
    Object.assign(config, {
      enable_external_access: 'false',
      autoload_known_extensions: 'false',
      autoinstall_known_extensions: 'false',
      lock_configuration: 'true',
    });
  }
  let instance: DuckDBInstance;
  try {
    instance = await DuckDBInstance.create(path, config);
  } catch (err) {
    throw environmentError(err, path) ?? err;
  }
  const conn = await instance.connect();
  return {
    path,
    instance,
    conn,
    close() {
      conn.closeSync();
      instance.closeSync();
    },
  };
}

/** Run `fn` with an open warehouse and close it whatever happens. */
export async function withWarehouse<T>(path: string, fn: (w: Warehouse) => Promise<T>, opts?: OpenOptions): Promise<T> {
  const w = await openWarehouse(path, opts);
  try {
    return await fn(w);
  } finally {
    w.close();
  }
}

/** Rows of a query as plain JSON-safe objects (DECIMAL as string, DATE as ISO string). */
export async function queryRows(conn: DuckDBConnection, sql: string): Promise<Record<string, unknown>[]> {
  const reader = await conn.runAndReadAll(sql);
  return reader.getRowObjectsJson() as Record<string, unknown>[];
}

/** Quote a string as a SQL literal. */
export function lit(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}
