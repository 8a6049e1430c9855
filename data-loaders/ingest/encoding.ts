// CSV text encoding: detect UTF-8 (with or without BOM) or GB18030, and transcode GB18030 to a
// UTF-8 file DuckDB can read (its reader knows no GB18030). Streaming: memory stays flat.
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { createGunzip } from 'node:zlib';
import { Transform, Writable, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export type Encoding = 'utf8' | 'gb18030';
export type EncodingOption = 'auto' | Encoding;

/** How many decoded bytes the detector looks at. */
const SNIFF_BYTES = 1 << 20;

export class EncodingError extends Error {}

function textStream(path: string): Readable {
  const raw = createReadStream(path, { highWaterMark: 1 << 20 });
  if (!path.toLowerCase().endsWith('.gz')) return raw;
  const gunzip = createGunzip();
  raw.on('error', (err) => gunzip.destroy(err));
  return raw.pipe(gunzip);
}

/** The first `limit` bytes of the (decompressed) text, and whether that is the whole file. */
async function head(path: string, limit = SNIFF_BYTES): Promise<{ bytes: Buffer; complete: boolean }> {
  const stream = textStream(path);
  const parts: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream) {
      parts.push(chunk as Buffer);
      size += (chunk as Buffer).length;
      if (size >= limit) {
        stream.destroy();
        return { bytes: Buffer.concat(parts).subarray(0, limit), complete: false };
      }
    }
  } catch (err) {
    throw new EncodingError(`cannot read the file: ${(err as Error).message}`);
  }
  return { bytes: Buffer.concat(parts), complete: true };
}

/**
 * UTF-8 when the file starts with a BOM or its first megabyte is valid UTF-8 (a multibyte
 * character cut at the megabyte boundary is fine), else GB18030. UTF-16 is refused.
 */
export async function detectEncoding(path: string): Promise<Encoding> {
  const { bytes, complete } = await head(path);
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf8';
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new EncodingError('the file is UTF-16; save it as UTF-8 or GB18030 (CSV)');
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: !complete });
    return 'utf8';
  } catch {
    try {
      new TextDecoder('gb18030', { fatal: true }).decode(bytes, { stream: !complete });
      return 'gb18030';
    } catch {
      throw new EncodingError('the text is neither UTF-8 nor GB18030; pass --encoding or re-export the file as UTF-8');
    }
  }
}

/**
 * sha256 of a file's bytes as stored (compressed files: the compressed bytes). A .gz file is
 * decompressed to its end in the same pass: a stream cut short would otherwise load the rows
 * before the cut as if they were the whole file.
 */
export async function fileSha256(path: string): Promise<string> {
  const hash = createHash('sha256');
  const source = createReadStream(path, { highWaterMark: 1 << 20 });
  if (!path.toLowerCase().endsWith('.gz')) {
    for await (const chunk of source) hash.update(chunk as Buffer);
    return hash.digest('hex');
  }
  const hashing = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      done(null, chunk);
    },
  });
  const discard = new Writable({ write: (_chunk, _encoding, done) => done() });
  try {
    await pipeline(source, hashing, createGunzip(), discard);
  } catch (err) {
    throw new EncodingError(
      `压缩文件不完整或已损坏（${(err as Error).message}）：请重新发送完整的文件 / the .gz file is cut short or damaged (${(err as Error).message}); send the whole file again`,
    );
  }
  return hash.digest('hex');
}

/**
 * Check a forced --encoding against the file's first megabyte: GB18030 forced on UTF-8 Chinese text
 * makes mojibake (中文 → 涓枃) without any error, UTF-8 forced on GB18030 makes replacement
 * characters. Throws EncodingError naming what the file is.
 */
export async function checkForcedEncoding(path: string, forced: Encoding): Promise<void> {
  const { bytes, complete } = await head(path);
  const utf8 = (() => {
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: !complete });
    } catch {
      return undefined;
    }
  })();
  if (forced === 'gb18030' && utf8 !== undefined && bytes.some((b) => b >= 0x80)) {
    const sample = [...new TextDecoder('gb18030').decode(bytes.subarray(0, 4096)).matchAll(/[^\x00-\x7f]+/g)][0]?.[0].slice(0, 8);
    throw new EncodingError(
      `--encoding gb18030，但文件是 UTF-8：中文会被读成乱码（如“${sample}”）；去掉 --encoding 或用 --encoding utf8 / ` +
        'the file is UTF-8; read as GB18030 its Chinese text would be mojibake',
    );
  }
  if (forced === 'utf8' && utf8 === undefined) {
    throw new EncodingError(
      '--encoding utf8，但文件不是有效的 UTF-8（像是 GB18030）：中文会变成替换字符；去掉 --encoding 或用 --encoding gb18030 / ' +
        'the file is not valid UTF-8 (it looks like GB18030)',
    );
  }
  const text = utf8 ?? new TextDecoder('gb18030').decode(bytes, { stream: !complete });
  if (text.includes('\uFFFD')) {
    throw new EncodingError('文件含有替换字符 U+FFFD：它在导出时已被错误转码，请重新导出 / the file holds U+FFFD replacement characters: re-export it');
  }
}

/**
 * Decode a GB18030 file (plain or gzip) and write it as UTF-8 without BOM to `target`.
 * `onBytes` is called with the number of source bytes decoded so far (for progress).
 */
export async function transcodeToUtf8(path: string, target: string, onBytes?: (n: number) => void): Promise<void> {
  const decoder = new TextDecoder('gb18030', { fatal: true });
  const out = createWriteStream(target);
  const outDone = once(out, 'finish');
  let first = true;
  let done = 0;
  const write = async (text: string) => {
    if (first && text.length) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
    }
    if (text && !out.write(text, 'utf8')) await once(out, 'drain');
  };
  try {
    for await (const chunk of textStream(path)) {
      await write(decoder.decode(chunk as Buffer, { stream: true }));
      done += (chunk as Buffer).length;
      onBytes?.(done);
    }
    await write(decoder.decode());
  } catch (err) {
    out.destroy();
    throw new EncodingError(
      err instanceof TypeError ? 'the text is not valid GB18030; pass --encoding utf8 or re-export the file' : `cannot read the file: ${(err as Error).message}`,
    );
  }
  out.end();
  await outDone;
}

/** Split one CSV record (RFC 4180 quoting) that starts `text`; stops at the first unquoted newline. */
export function parseCsvRecord(text: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') fields.push(field), (field = '');
    else if (ch === '\n' || ch === '\r') break;
    else field += ch;
  }
  fields.push(field);
  return fields;
}

/** The header row of a UTF-8 CSV file (plain or gzip), BOM removed. */
export async function readCsvHeader(path: string): Promise<string[]> {
  const { bytes } = await head(path, 1 << 16);
  const text = new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
  if (!text.trim()) throw new EncodingError('the file is empty: a header row is required');
  return parseCsvRecord(text);
}
