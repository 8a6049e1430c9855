// Ingest: delivery folders → raw_<kind>, load_rejects, load_report. One transaction per delivery:
// a delivery that cannot be loaded leaves the warehouse exactly as it was.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { UserError } from '../errors.ts';
import { createWarehouseTables } from '../contract/index.ts';
import { withWarehouse } from '../db.ts';
import { listDelivery } from './delivery.ts';
import { loadIdKey } from './certHash.ts';
import type { EncodingOption } from './encoding.ts';
import { FileRefusal, loadPrepared, prepareFile, type FileResult, type PreparedFile } from './loadFile.ts';

export type { FileResult } from './loadFile.ts';
export type { EncodingOption } from './encoding.ts';

export interface IngestOptions {
  encoding?: EncodingOption;
  /** Sparse progress lines for big files (the CLI writes them to stderr). */
  progress?: (message: string) => void;
  /** Called once per file as soon as it is done (the CLI prints its summary line). */
  onFile?: (result: FileResult) => void;
  /** Called once per delivery after its transaction committed. */
  onDelivery?: (result: DeliveryResult) => void;
  /** Fixed load id (tests); default: timestamp + random suffix. */
  loadId?: (dir: string) => string;
}

export interface DeliveryResult {
  dir: string;
  loadId: string;
  files: FileResult[];
  ignored: { name: string; why: string }[];
}

export interface IngestResult {
  dbPath: string;
  deliveries: DeliveryResult[];
}

/** A delivery that cannot be loaded; nothing of it was written. Exit code 2. */
export class IngestRefusedError extends UserError {
  constructor(
    readonly delivery: string,
    readonly file: string | undefined,
    readonly column: string | undefined,
    readonly reason: string,
    /** Deliveries loaded (committed) before this one, in the same call. */
    readonly loaded: DeliveryResult[] = [],
  ) {
    super(`delivery ${delivery} refused, nothing of it loaded — ${file ? `${file}: ` : ''}${reason}`, 2);
  }
}

export function newLoadId(now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  return `${stamp}-${randomBytes(3).toString('hex')}`;
}

/**
 * Load each delivery folder into the warehouse at `dbPath` (created on first use), one
 * transaction per delivery, in the order given. Throws IngestRefusedError for the first delivery
 * that cannot be loaded (earlier deliveries stay loaded; later ones are not tried).
 */
export async function ingestDeliveries(dbPath: string, dirs: string[], opts: IngestOptions = {}): Promise<IngestResult> {
  const deliveries: DeliveryResult[] = [];
  const listings = dirs.map((d) => {
    const dir = resolve(d);
    if (!existsSync(dir) || !statSync(dir).isDirectory()) {
      throw new IngestRefusedError(d, undefined, undefined, 'no such folder', deliveries);
    }
    const listing = listDelivery(dir);
    if (!listing.files.length) {
      const seen = listing.ignored.map((i) => i.name).join(', ') || 'the folder is empty';
      throw new IngestRefusedError(d, undefined, undefined, `no loadable files (kind-named .csv, .csv.gz or .parquet); found: ${seen}`, deliveries);
    }
    return { dir, listing };
  });
  const idKey = loadIdKey(dbPath);
  await withWarehouse(dbPath, async ({ conn }) => {
    for (const sql of createWarehouseTables()) await conn.run(sql);
    if (opts.progress) await conn.run('set enable_progress_bar = true; set enable_progress_bar_print = false');
    for (const { dir, listing } of listings) {
      const loadId = opts.loadId?.(dir) ?? newLoadId();
      const tmpDir = mkdtempSync(join(tmpdir(), 'ltci-ingest-'));
      const delivery: DeliveryResult = { dir, loadId, files: [], ignored: listing.ignored };
      const ctx = { conn, loadId, idKey, encoding: opts.encoding ?? 'auto', tmpDir, progress: opts.progress };
      const tables: string[] = [];
      let inTransaction = false;
      try {
        // 1. Read every file's text into TEMP tables (nothing written to the warehouse yet).
        const prepared: (PreparedFile | FileResult)[] = [];
        for (const [i, f] of listing.files.entries()) {
          tables.push(`__src_${i}`);
          prepared.push(await prepareFile(ctx, f, `${basename(dir)}/${f.name}`, `__src_${i}`));
        }
        // 2. Check and write, all or nothing.
        await conn.run('begin transaction');
        inTransaction = true;
        for (const p of prepared) {
          const result = 'sha' in p ? await loadPrepared(ctx, p) : p;
          delivery.files.push(result);
          opts.onFile?.(result);
        }
        const t0 = performance.now();
        await conn.run('commit');
        inTransaction = false;
        if (process.env.LTCI_INGEST_TIMING) process.stderr.write(`[timing] ${((performance.now() - t0) / 1000).toFixed(2)} s  commit\n`);
      } catch (err) {
        if (inTransaction) await conn.run('rollback');
        if (err instanceof FileRefusal) throw new IngestRefusedError(dir, err.file, err.column, err.message, deliveries);
        throw err;
      } finally {
        for (const t of tables) await conn.run(`drop table if exists ${t}`);
        rmSync(tmpDir, { recursive: true, force: true });
      }
      deliveries.push(delivery);
      opts.onDelivery?.(delivery);
    }
  });
  return { dbPath, deliveries };
}
