// Resident IDs (cert_no) never stay in clear: HMAC-SHA256 with a key kept beside the warehouse,
// computed inside DuckDB so millions of rows need no per-row JavaScript.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

/** Where the key lives when LTCI_ID_KEY is not set: beside the warehouse file (git-ignored *.key). */
export function idKeyPath(dbPath: string): string {
  return `${dbPath}.id.key`;
}

/**
 * The HMAC key: LTCI_ID_KEY (its UTF-8 bytes) if set, else the key file beside the warehouse
 * (64 hex characters = 32 random bytes, created on first use with mode 0600).
 * Keep the key: the same ID must hash the same way in every load.
 */
export function loadIdKey(dbPath: string, env: NodeJS.ProcessEnv = process.env): Buffer {
  if (env.LTCI_ID_KEY) return Buffer.from(env.LTCI_ID_KEY, 'utf8');
  const path = idKeyPath(dbPath);
  if (!existsSync(path)) {
    try {
      writeFileSync(path, randomBytes(32).toString('hex') + '\n', { mode: 0o600, flag: 'wx' });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
  const hex = readFileSync(path, 'utf8').trim();
  if (!/^[0-9a-fA-F]{64}$/.test(hex)) {
    throw new Error(`${path} is not a key file (64 hex characters expected); restore it from backup or set LTCI_ID_KEY`);
  }
  return Buffer.from(hex, 'hex');
}

/** HMAC-SHA256(key, <text expr>) as lowercase hex, written as a DuckDB SQL expression. */
export function hmacSql(key: Buffer, textExpr: string): string {
  const block = Buffer.alloc(64);
  (key.length > 64 ? createHash('sha256').update(key).digest() : key).copy(block);
  const ipad = Buffer.from(block.map((b) => b ^ 0x36)).toString('hex');
  const opad = Buffer.from(block.map((b) => b ^ 0x5c)).toString('hex');
  return `sha256(from_hex('${opad}') || from_hex(sha256(from_hex('${ipad}') || encode(${textExpr}))))`;
}
