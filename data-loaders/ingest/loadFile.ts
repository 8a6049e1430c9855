// One delivery file → raw_<kind>, load_rejects and load_report, all inside the caller's
// transaction: read as text into a TEMP table, check in SQL, keep the last line per key, then
// replace changed rows and insert new ones.
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { storedName, type Kind } from '../contract/index.ts';
import { duckdbReason, lit, queryRows } from '../db.ts';
import type { DeliveryFile } from './delivery.ts';
import {
  checkForcedEncoding, detectEncoding, EncodingError, fileSha256, readCsvHeader, transcodeToUtf8, type Encoding, type EncodingOption,
} from './encoding.ts';
import { mapHeaders } from './headers.ts';
import { maskIds, maskIdsSql } from './mask.ts';
import { checkSql, ident, textColumns, type RuleDef } from './validateSql.ts';
import { hmacSql } from './certHash.ts';

export interface FileResult {
  /** `<delivery folder>/<file name>`, as stored in load_report.file and load_rejects.file. */
  file: string;
  kind: Kind['name'];
  /** `skipped`: the same content (sha256) was loaded before, by `previousLoadId`. */
  status: 'loaded' | 'skipped';
  previousLoadId?: string;
  rows_read: number;
  rows_loaded: number;
  rows_rejected: number;
  rows_replaced: number;
  rows_unchanged: number;
  bytes: number;
  encoding: Encoding | 'parquet';
  extra_columns: string[];
  /** Optional contract columns the file lacks: rows it replaces keep their stored values there. */
  absent_columns: string[];
  seconds: number;
}

/** Why a file stops its whole delivery; `column` is set when a column is to blame. */
export class FileRefusal extends Error {
  constructor(readonly file: string, reason: string, readonly column?: string) {
    super(reason);
  }
}

export interface LoadContext {
  conn: DuckDBConnection;
  loadId: string;
  idKey: Buffer;
  encoding: EncodingOption;
  /** A private folder (mode 0700, under the warehouse's temporary folder) for transcoded copies. */
  tmpDir: string;
  /** Where links with plain names to files whose path DuckDB would take for a pattern go (no glob characters in it). */
  linkDir: string;
  /** The date of the load, YYYY-MM-DD: dates too far after it are rejected. */
  loadDate: string;
  progress?: (message: string) => void;
}

const PROGRESS_BYTES = 50 * 1024 * 1024;
const PROGRESS_EVERY_MS = 3000;

/** Set LTCI_INGEST_TIMING=1 to print how long each step of a load takes (stderr). */
const TIMING = Boolean(process.env.LTCI_INGEST_TIMING);

/** Run a statement; for big files, report how far DuckDB has got every few seconds. */
async function run(ctx: LoadContext, sql: string, label?: string): Promise<void> {
  const t0 = performance.now();
  const timer = label && ctx.progress
    ? setInterval(() => {
        const p = ctx.conn.progress.percentage;
        ctx.progress?.(`  ${label}: ${((performance.now() - t0) / 1000).toFixed(0)} s${p > 0 ? `, ${p.toFixed(0)} %` : ''}`);
      }, PROGRESS_EVERY_MS)
    : undefined;
  try {
    await ctx.conn.run(sql);
  } finally {
    if (timer) clearInterval(timer);
    if (TIMING) process.stderr.write(`[timing] ${((performance.now() - t0) / 1000).toFixed(2)} s  ${sql.slice(0, 60).replace(/\s+/g, ' ')}\n`);
  }
}

async function one<T = number>(conn: DuckDBConnection, sql: string): Promise<T> {
  const rows = await queryRows(conn, sql);
  return Object.values(rows[0])[0] as T;
}

const num = (v: unknown) => Number(v ?? 0);

interface Reader {
  /** Headers as delivered, and as the SQL reader names them (unique). */
  headers: string[];
  names: string[];
  /** Builds the FROM clause. */
  from: string;
  encoding: FileResult['encoding'];
}

function readError(label: string, err: unknown): FileRefusal {
  return new FileRefusal(label, `cannot read the file: ${duckdbReason(err)}`);
}

/** DuckDB takes * ? [ in a path for a pattern (and reads other files): such a path is read through a link with a plain name. */
const GLOB = /[*?[\]]/;
let links = 0;
function forDuckDb(ctx: LoadContext, path: string, ext: string): string {
  if (!GLOB.test(path)) return path;
  const link = join(ctx.linkDir, `src-${process.pid}-${++links}${ext}`);
  symlinkSync(path, link);
  return link;
}

/** The file's extension as DuckDB needs it to read it (.csv, .csv.gz, .parquet). */
const extOf = (f: DeliveryFile) => `.${f.format}`;

/**
 * How DuckDB reads the file: Parquet directly; CSV with the header row read here (so nothing is
 * guessed: comma, double quotes, every column VARCHAR); GB18030 from a transcoded UTF-8 copy.
 */
async function reader(ctx: LoadContext, f: DeliveryFile, label: string, encoding: Encoding | 'parquet'): Promise<Reader> {
  if (encoding === 'parquet') {
    const from = `read_parquet(${lit(forDuckDb(ctx, f.path, extOf(f)))}, file_row_number = true)`;
    let headers: string[];
    try {
      headers = (await queryRows(ctx.conn, `describe select * from ${from}`)).map((r) => String(r.column_name));
    } catch (err) {
      throw readError(label, err);
    }
    headers = headers.filter((h) => h !== 'file_row_number');
    return { headers, names: headers, from, encoding: 'parquet' };
  }
  // a GB18030 file is read from a UTF-8 copy under a name of our own
  const path = encoding === 'gb18030' ? forDuckDb(ctx, join(ctx.tmpDir, `src-${++links}.utf8.csv`), '.csv') : forDuckDb(ctx, f.path, extOf(f));
  try {
    if (encoding === 'gb18030') {
      const big = f.bytes > PROGRESS_BYTES && ctx.progress;
      let next = PROGRESS_BYTES;
      const t0 = performance.now();
      await transcodeToUtf8(f.path, path, (n) => {
        if (big && n >= next) {
          next += PROGRESS_BYTES;
          const mb = n / 1e6;
          ctx.progress?.(`  ${label}: GB18030 → UTF-8 ${mb.toFixed(0)} MB, ${(mb / ((performance.now() - t0) / 1000)).toFixed(0)} MB/s`);
        }
      });
    }
    const headers = await readCsvHeader(path);
    const seen = new Set<string>();
    const names = headers.map((h, i) => {
      let name = h || `column${i + 1}`;
      while (seen.has(name.toLowerCase())) name = `${name}_${i + 1}`;
      seen.add(name.toLowerCase());
      return name;
    });
    const columns = names.map((n) => `${lit(n)}: 'VARCHAR'`).join(', ');
    const from = `read_csv(${lit(path)}, columns = {${columns}}, auto_detect = false, header = true, delim = ',', quote = '"', escape = '"')`;
    return { headers, names, from, encoding };
  } catch (err) {
    if (err instanceof EncodingError) throw new FileRefusal(label, err.message);
    throw err;
  }
}

/** The file's encoding: Parquet, detected, or forced by --encoding (and checked against the bytes). */
async function encodingOf(ctx: LoadContext, f: DeliveryFile, label: string): Promise<Encoding | 'parquet'> {
  if (f.format === 'parquet') return 'parquet';
  try {
    if (ctx.encoding === 'auto') return await detectEncoding(f.path);
    await checkForcedEncoding(f.path, ctx.encoding);
    return ctx.encoding;
  } catch (err) {
    if (err instanceof EncodingError) throw new FileRefusal(label, err.message);
    throw err;
  }
}

export interface PreparedFile {
  file: DeliveryFile;
  label: string;
  sha: string;
  /** The TEMP table holding the file's text, and a query over it with __line. */
  table: string;
  src: string;
  /** The rules that the table's __fail column indexes. */
  rules: RuleDef[];
  encoding: FileResult['encoding'];
  extra: string[];
  /** Stored names of the optional contract columns the file lacks. */
  absent: string[];
  /** Seconds spent reading. */
  seconds: number;
}

/**
 * Skip-result for content already loaded (same sha256) in the same encoding by `previousLoadId`; the
 * same bytes read in another encoding are other text (a re-send after a wrong --encoding loads).
 */
async function skipped(ctx: LoadContext, f: DeliveryFile, label: string, sha: string, encoding: FileResult['encoding'], t0: number): Promise<FileResult | undefined> {
  const previous = await queryRows(ctx.conn, `select load_id from load_report where file_sha256 = ${lit(sha)} and encoding = ${lit(encoding)} limit 1`);
  if (!previous.length) return undefined;
  return {
    file: label, kind: f.kind.name, status: 'skipped', previousLoadId: String(previous[0].load_id),
    rows_read: 0, rows_loaded: 0, rows_rejected: 0, rows_replaced: 0, rows_unchanged: 0,
    bytes: f.bytes, encoding, extra_columns: [], absent_columns: [], seconds: (performance.now() - t0) / 1000,
  };
}

/**
 * Step 1, before the delivery's transaction: read the file and check it in one pass into TEMP
 * table `table`: the contract columns typed, the first broken rule, the delivered text of rejected
 * rows (validateSql.ts). Outside the transaction the TEMP table's rowids are 0, 1, 2 … in
 * file order (preserve_insertion_order), so the line an editor shows is rowid + 2 (header = 1) —
 * much cheaper than row_number() over (), which serialises the read. Parquet: the row number.
 * Writes nothing to the warehouse. Throws FileRefusal when the file cannot be loaded.
 */
export async function prepareFile(ctx: LoadContext, f: DeliveryFile, label: string, table: string): Promise<PreparedFile | FileResult> {
  const t0 = performance.now();
  const kind = f.kind;
  let sha: string;
  try {
    sha = await fileSha256(f.path);
  } catch (err) {
    if (err instanceof EncodingError) throw new FileRefusal(label, err.message);
    throw err;
  }
  const fileEncoding = await encodingOf(ctx, f, label);
  const skip = await skipped(ctx, f, label, sha, fileEncoding, t0);
  if (skip) return skip;

  const { headers, names, from, encoding } = await reader(ctx, f, label, fileEncoding);
  const mapping = mapHeaders(kind, headers);
  if (mapping.missing.length) {
    const missing = mapping.missing.map((c) => `${c.name} (${c.zh})`).join(', ');
    throw new FileRefusal(label, `required column ${missing} missing; the header row has: ${headers.join(', ')}`, mapping.missing[0].name);
  }
  if (mapping.ambiguous.length) {
    const a = mapping.ambiguous[0];
    throw new FileRefusal(label, `column ${a.column} is named twice (${a.headers.join(', ')}); keep one`, a.column);
  }
  const parquet = f.format === 'parquet';
  const text = `(select ${parquet ? 'file_row_number + 1 as __line, ' : ''}${textColumns(kind, mapping, names, parquet).join(', ')} from ${from})`;
  const { sql, rules } = checkSql(kind, ctx.idKey, text, parquet, { loadDate: ctx.loadDate });
  try {
    await run(ctx, `create or replace temp table ${table} as ${sql}`, f.bytes > PROGRESS_BYTES ? `${label} read and check` : undefined);
  } catch (err) {
    throw readError(label, err);
  }
  const src = parquet ? table : `(select rowid + 2 as __line, * from ${table})`;
  const absent = kind.columns.filter((c) => !mapping.source.has(c.name)).map(storedName);
  // an extra header is stored and printed: a header row that is really a data row must not bring an ID
  const extra = mapping.extra.map(maskIds);
  return { file: f, label, sha, table, src, rules, encoding, extra, absent, seconds: (performance.now() - t0) / 1000 };
}

/** Step 2, inside the delivery's transaction: check, reject, keep the last line per key, merge. */
export async function loadPrepared(ctx: LoadContext, p: PreparedFile): Promise<FileResult> {
  const t0 = performance.now();
  const { conn, loadId } = ctx;
  const { file: f, label, src, encoding, sha } = p;
  const kind = f.kind;
  // The same content twice in one delivery: the second copy is skipped.
  const skip = await skipped(ctx, f, label, sha, encoding, t0);
  if (skip) return skip;
  const big = f.bytes > PROGRESS_BYTES ? label : undefined;

  const chk = src;
  const rules = p.rules;
  await run(ctx, `create or replace temp table __rules as select * from (values ${rules
    .map((r) => `(${r.index}, ${lit(r.column)}, ${lit(r.rule)}, ${lit(r.message)}, ${r.showValue})`)
    .join(', ')}) as t(idx, column_name, rule, message, show_value)`);

  const counts = (await queryRows(conn, `select count(*) as n, count(*) filter (where __fail is null) as ok from ${chk}`))[0];
  const rowsRead = num(counts.n);
  const accepted = num(counts.ok);

  // 3. Rejects: file, line, column, rule, message; raw = contract columns as JSON, the ID hashed.
  const zh = Object.fromEntries(kind.columns.map((c) => [c.name, c.zh]));
  const text = (c: { name: string }) => `c.${ident(`t__${c.name}`)}`;
  const valueOf = `case r.column_name ${kind.columns.map((c) => `when ${lit(c.name)} then ${text(c)}`).join(' ')} end`;
  const rawJson = `json_object(${kind.columns
    .map((c) => (c.type === 'cert' ? `${lit(storedName(c))}, ${hmacSql(ctx.idKey, text(c))}` : `${lit(c.name)}, ${maskIdsSql(text(c))}`))
    .join(', ')})::varchar`;
  const zhOf = `case r.column_name ${Object.entries(zh).map(([n, z]) => `when ${lit(n)} then ${lit(z)}`).join(' ')} end`;
  if (rowsRead > accepted) await run(ctx, `insert into load_rejects
select
    ${lit(loadId)} as load_id,
    ${lit(label)} as file,
    c.__line as line,
    r.column_name,
    r.rule,
    '第' || c.__line || '行 列 ' || r.column_name || '（' || ${zhOf} || '）: ' || r.message || ' (' || r.rule || ')'
        || case when r.show_value and ${valueOf} is not null then '，值 ' || chr(39) || left(${maskIdsSql(valueOf)}, 80) || chr(39) else '' end as message,
    ${rawJson} as raw,
from ${chk} as c
join __rules as r on r.idx = c.__fail
order by c.__line`);


  // 4. Within the file the later line wins: keep the last line per key (only if any key repeats).
  const keys = kind.key.map((k) => storedName(kind.columns.find((c) => c.name === k)!));
  const stored = kind.columns.map(storedName);
  const keyList = keys.map(ident).join(', ');
  // Keys that repeat: first by their hash (a cheap integer group-by), then exactly.
  await run(ctx, `create or replace temp table __last as
with repeated as (
    select __key_hash
    from ${chk}
    where __fail is null
    group by __key_hash
    having count(*) > 1
)
select ${keyList}, max(__line) as __line, count(*) as n
from ${chk}
where __fail is null and __key_hash in (select __key_hash from repeated)
group by ${keyList}
having count(*) > 1`);
  const earlier = num(await one(conn, 'select coalesce(sum(n - 1), 0) from __last'));
  const sameKey = (a: string, b: string) => keys.map((k) => `${a}.${ident(k)} = ${b}.${ident(k)}`).join(' and ');
  const acc = earlier
    ? `(select c.* from ${chk} as c anti join __last as l on ${sameKey('c', 'l')} and c.__line <> l.__line where c.__fail is null)`
    : `(select * from ${chk} where __fail is null)`;
  const kept = accepted - earlier;

  // 5. Against the warehouse: same key and same content = unchanged; different content = replaced.
  const table = `raw_${kind.name}`;
  let unchanged = 0;
  let replaced = 0;
  const hasRows = num(await one(conn, `select count(*) from (select 1 from ${table} limit 1)`)) > 0;
  if (hasRows) {
    const on = keys.map((k) => `a.${ident(k)} = r.${ident(k)}`).join(' and ');
    const same = stored.filter((k) => !p.absent.includes(k)).map((k) => `a.${ident(k)} is not distinct from r.${ident(k)}`).join(' and ');
    await run(ctx, `create or replace temp table __match as
select a.__line, ${same} as __same, r.rowid as __rowid
from ${acc} as a
join ${table} as r on ${on}`);
    const m = (await queryRows(conn, `select count(*) filter (where __same) as same, count(*) filter (where not __same) as changed from __match`))[0];
    unchanged = num(m.same);
    replaced = num(m.changed);
    // A column the file lacks says nothing: the rows it replaces keep their stored values there.
    if (replaced && p.absent.length) {
      await run(ctx, `create or replace temp table __kept as
select m.__line, ${p.absent.map((k) => `r.${ident(k)}`).join(', ')}
from __match as m
join ${table} as r on r.rowid = m.__rowid
where not m.__same`);
    }
    if (replaced) {
      // by the row ids the match read: this transaction is the only writer, so they still hold
      await run(ctx, `delete from ${table} where rowid in (select __rowid from __match where not __same)`);
    }
  }
  const keep = replaced > 0 && p.absent.length > 0;
  const insertFrom = hasRows
    ? `from ${acc} as a anti join (select __line from __match where __same) as m on m.__line = a.__line`
    : `from ${acc} as a`;
  const value = (k: string) => (keep && p.absent.includes(k) ? `case when k.__line is null then a.${ident(k)} else k.${ident(k)} end` : `a.${ident(k)}`);
  await run(ctx, `insert into ${table} (${[...stored, 'load_id', 'source_file', 'source_line'].map(ident).join(', ')})
select ${stored.map(value).join(', ')}, ${lit(loadId)}, ${lit(label)}, a.__line
${insertFrom}${keep ? '\nleft join __kept as k on k.__line = a.__line' : ''}`, big && `${label} write`);

  const result: FileResult = {
    file: label,
    kind: kind.name,
    bytes: f.bytes,
    extra_columns: p.extra,
    absent_columns: p.absent,
    status: 'loaded',
    encoding,
    rows_read: rowsRead,
    rows_loaded: accepted,
    rows_rejected: rowsRead - accepted,
    rows_replaced: accepted - kept + replaced,
    rows_unchanged: unchanged,
    seconds: 0,
  };
  const extras = `[${p.extra.map(lit).join(', ')}]::varchar[]`;
  await conn.run(`insert into load_report
    (load_id, file, kind, rows_read, rows_loaded, rows_rejected, rows_replaced, rows_unchanged, bytes, encoding, file_sha256, extra_columns, loaded_at)
values (${lit(loadId)}, ${lit(label)}, ${lit(kind.name)}, ${result.rows_read}, ${result.rows_loaded}, ${result.rows_rejected},
    ${result.rows_replaced}, ${result.rows_unchanged}, ${f.bytes}, ${lit(encoding)}, ${lit(sha)}, ${extras}, now()::timestamp)`);
  for (const t of [p.table, '__rules', '__last', '__match', '__kept']) await conn.run(`drop table if exists ${t}`);
  result.seconds = p.seconds + (performance.now() - t0) / 1000;
  return result;
}

export type { RuleDef };
