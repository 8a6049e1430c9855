// Ingest: delivery folders → raw_<kind>, load_rejects, load_report. One transaction per delivery:
// a delivery that cannot be loaded leaves the warehouse exactly as it was.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { UserError } from '../errors.ts';
import { createWarehouseTables } from '../contract/index.ts';
import { environmentError, lit, privateTempDir, queryRows, removeIfEmpty, warehouseTempDir, withWarehouse } from '../db.ts';
import { DeliveryRefusal, listDelivery, type DeliveryListing } from './delivery.ts';
import { ID_KEY_DDL, idKeyFingerprint, loadIdKey, wrongKeyError } from './certHash.ts';
import type { EncodingOption } from './encoding.ts';
import { FileRefusal, loadPrepared, prepareFile, type FileResult, type PreparedFile } from './loadFile.ts';
import { localDate } from './validateSql.ts';

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
  /** The time of the load (tests); dates too far after it are rejected. Default: now. */
  now?: Date;
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
    let listing: DeliveryListing;
    try {
      listing = listDelivery(dir);
    } catch (err) {
      if (err instanceof DeliveryRefusal) throw new IngestRefusedError(d, err.file, undefined, err.message, deliveries);
      throw err;
    }
    if (!listing.files.length) {
      const seen = listing.ignored.map((i) => i.name).join(', ') || 'the folder is empty';
      throw new IngestRefusedError(d, undefined, undefined, `no loadable files (kind-named .csv, .csv.gz or .parquet); found: ${seen}`, deliveries);
    }
    return { dir, listing };
  });
  const idKey = loadIdKey(dbPath);
  const fingerprint = idKeyFingerprint(idKey);
  const loadDate = localDate(opts.now ?? new Date());
  // Copies that may hold IDs in clear (GB18030 transcoded) stay in a private folder of the warehouse's,
  // made before DuckDB opens so that DuckDB does not take the temporary folder for its own.
  const tmpDir = privateTempDir(dbPath);
  const linkDir = /[*?[\]]/.test(tmpDir) ? mkdtempSync(join(tmpdir(), 'ltci-links-')) : tmpDir;
  const removeTemp = () => {
    rmSync(tmpDir, { recursive: true, force: true });
    if (linkDir !== tmpDir) rmSync(linkDir, { recursive: true, force: true });
    removeIfEmpty(warehouseTempDir(dbPath));
  };
  await withWarehouse(dbPath, async ({ conn }) => {
    for (const sql of createWarehouseTables()) await conn.run(sql);
    await conn.run(ID_KEY_DDL);
    // One key per warehouse: a lost key replaced by a new one would give the same person two hashes.
    const [known] = await queryRows(conn, 'select fingerprint from id_key order by recorded_at limit 1');
    if (known && known.fingerprint !== fingerprint) throw wrongKeyError(dbPath, String(known.fingerprint), fingerprint);
    if (opts.progress) await conn.run('set enable_progress_bar = true; set enable_progress_bar_print = false');
    for (const { dir, listing } of listings) {
      const loadId = opts.loadId?.(dir) ?? newLoadId();
      const delivery: DeliveryResult = { dir, loadId, files: [], ignored: listing.ignored };
      const ctx = { conn, loadId, idKey, encoding: opts.encoding ?? 'auto', tmpDir, linkDir, loadDate, progress: opts.progress };
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
        await conn.run(`insert into id_key select ${lit(fingerprint)}, now()::timestamp, ${lit(loadId)} where not exists (select 1 from id_key)`);
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
        // A failed commit (a full disk) has ended the transaction already: its own error is the one to tell.
        if (inTransaction) await conn.run('rollback').catch(() => undefined);
        // a full disk first: the transcoding of a GB18030 file may be what ran out of room
        const plain = environmentError(err, dbPath, '导入');
        if (plain) throw new IngestRefusedError(dir, undefined, undefined, plain.message, deliveries);
        if (err instanceof FileRefusal) throw new IngestRefusedError(dir, err.file, err.column, err.message, deliveries);
        throw err;
      } finally {
        for (const t of tables) await conn.run(`drop table if exists ${t}`).catch(() => undefined);
        for (const f of readdirSync(tmpDir)) rmSync(join(tmpDir, f), { recursive: true, force: true });
      }
      deliveries.push(delivery);
      opts.onDelivery?.(delivery);
    }
  }).finally(removeTemp);
  return { dbPath, deliveries };
}
