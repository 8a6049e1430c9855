// Resident IDs (cert_no) never stay in clear: HMAC-SHA256 with a key kept away from the warehouse
// (a backup of the warehouse's folder must not carry both), computed inside DuckDB so millions of
// rows need no per-row JavaScript. The warehouse keeps only the key's fingerprint.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { UserError } from '../errors.ts';

/** A key that cannot be used: exit 2, with what to do. */
export class IdKeyError extends UserError {
  constructor(message: string) {
    super(message, 2);
  }
}

/** The folder of key files: LTCI_KEY_DIR, else $XDG_CONFIG_HOME/ltci/keys, else ~/.config/ltci/keys. */
export function idKeyDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.LTCI_KEY_DIR) return resolve(env.LTCI_KEY_DIR);
  return join(env.XDG_CONFIG_HOME ? resolve(env.XDG_CONFIG_HOME) : join(homedir(), '.config'), 'ltci', 'keys');
}

/** An absolute path with symbolic links resolved as far as it exists. */
function canonical(path: string): string {
  const abs = resolve(path);
  try {
    return realpathSync(abs);
  } catch {
    const parent = dirname(abs);
    return parent === abs ? abs : join(canonical(parent), basename(abs));
  }
}

/**
 * The key file of the warehouse at `dbPath` (when LTCI_ID_KEY does not give the key itself):
 * LTCI_ID_KEY_FILE, else `<key folder>/<warehouse name>-<hash of its path>.key` — one key per
 * warehouse, found again by its path.
 */
export function idKeyPath(dbPath: string, env: NodeJS.ProcessEnv = process.env): string {
  if (env.LTCI_ID_KEY_FILE) return resolve(env.LTCI_ID_KEY_FILE);
  const path = canonical(dbPath);
  const tag = createHash('sha256').update(path).digest('hex').slice(0, 12);
  return join(idKeyDir(env), `${basename(path).replace(/\.duckdb$/i, '')}-${tag}.key`);
}

/** Where versions before this one kept the key: beside the warehouse. Moved away on first use. */
export function legacyIdKeyPath(dbPath: string): string {
  return `${resolve(dbPath)}.id.key`;
}

/** Whether `path` lies in the warehouse's folder (or below it): a backup of the folder would carry it. */
function besideWarehouse(path: string, dbPath: string): boolean {
  const rel = relative(canonical(dirname(resolve(dbPath))), canonical(dirname(resolve(path))));
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

function readKeyFile(path: string): Buffer {
  const hex = readFileSync(path, 'utf8').trim();
  if (!/^[0-9a-fA-F]{64}$/.test(hex)) {
    throw new IdKeyError(`${path} is not a key file (64 hex characters expected); restore it from backup or set LTCI_ID_KEY_FILE`);
  }
  return Buffer.from(hex, 'hex');
}

/** Move a key file kept beside the warehouse (older versions) to `target`, mode 0600. */
function moveLegacyKey(legacy: string, target: string): void {
  writeFileSync(target, readKeyFile(legacy).toString('hex') + '\n', { mode: 0o600, flag: 'wx' });
  rmSync(legacy);
  process.stderr.write(`ltci: the resident-ID key moved from ${legacy} to ${target} (keys no longer live beside the warehouse)\n`);
}

/**
 * The HMAC key of the warehouse at `dbPath`: LTCI_ID_KEY (its UTF-8 bytes) if set, else the key
 * file (idKeyPath: 64 hex characters = 32 random bytes, created on first use with mode 0600 in a
 * folder of mode 0700). A key file beside the warehouse is refused; one left there by an older
 * version is moved to idKeyPath. Keep the key: the same ID must hash the same way in every load.
 */
export function loadIdKey(dbPath: string, env: NodeJS.ProcessEnv = process.env): Buffer {
  if (env.LTCI_ID_KEY) return Buffer.from(env.LTCI_ID_KEY, 'utf8');
  const path = idKeyPath(dbPath, env);
  if (besideWarehouse(path, dbPath)) {
    throw new IdKeyError(
      `the resident-ID key ${path} would sit in the warehouse's folder, where a backup of the warehouse carries it too; ` +
        'keep it elsewhere (LTCI_ID_KEY_FILE or LTCI_KEY_DIR)',
    );
  }
  const legacy = legacyIdKeyPath(dbPath);
  if (!existsSync(path)) {
    try {
      mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
      if (existsSync(legacy)) moveLegacyKey(legacy, path);
      else writeFileSync(path, randomBytes(32).toString('hex') + '\n', { mode: 0o600, flag: 'wx' });
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code !== 'EEXIST') {
        if (err instanceof UserError) throw err;
        throw new IdKeyError(`cannot create the resident-ID key ${path} (${code ?? (err as Error).message}); set LTCI_KEY_DIR or LTCI_ID_KEY_FILE to a folder or file you can write`);
      }
    }
  }
  if (statSync(path).isDirectory()) throw new IdKeyError(`${path} is a folder, not a key file`);
  return readKeyFile(path);
}

/** Where the key comes from, for messages. */
export function idKeySource(dbPath: string, env: NodeJS.ProcessEnv = process.env): string {
  return env.LTCI_ID_KEY ? 'LTCI_ID_KEY' : idKeyPath(dbPath, env);
}

/** A short fingerprint of the key, kept in the warehouse to recognise the key (it reveals nothing of it). */
export function idKeyFingerprint(key: Buffer): string {
  return createHash('sha256').update('ltci resident-ID key fingerprint\0').update(key).digest('hex').slice(0, 16);
}

/** The table holding the fingerprint of the key the warehouse's hashes were made with. */
export const ID_KEY_DDL = 'create table if not exists id_key (fingerprint VARCHAR, recorded_at TIMESTAMP, load_id VARCHAR)';

/** The refusal when the key's fingerprint is not the warehouse's. */
export function wrongKeyError(dbPath: string, stored: string, current: string, env: NodeJS.ProcessEnv = process.env): IdKeyError {
  const where = idKeySource(dbPath, env);
  const restore = env.LTCI_ID_KEY
    ? 'set LTCI_ID_KEY to the key this warehouse was loaded with'
    : `copy the backed-up key file to ${where} (or point LTCI_ID_KEY_FILE at it)`;
  return new IdKeyError(
    `证件号码密钥不是这个仓库用过的那把（仓库记录的指纹 ${stored}，现在的密钥 ${where} 指纹 ${current}）：换了密钥，同一个人会有两个哈希。` +
      `请${env.LTCI_ID_KEY ? '把 LTCI_ID_KEY 设回原来的密钥' : `把备份的密钥文件复制到 ${where}（或用 LTCI_ID_KEY_FILE 指向它）`}，再重新导入。` +
      ` / the resident-ID key is not the one this warehouse was loaded with (fingerprint ${stored}, now ${current}); ${restore}, then ingest again.`,
  );
}

/** HMAC-SHA256(key, <text expr>) as lowercase hex, written as a DuckDB SQL expression. */
export function hmacSql(key: Buffer, textExpr: string): string {
  const block = Buffer.alloc(64);
  (key.length > 64 ? createHash('sha256').update(key).digest() : key).copy(block);
  const ipad = Buffer.from(block.map((b) => b ^ 0x36)).toString('hex');
  const opad = Buffer.from(block.map((b) => b ^ 0x5c)).toString('hex');
  return `sha256(from_hex('${opad}') || from_hex(sha256(from_hex('${ipad}') || encode(${textExpr}))))`;
}
