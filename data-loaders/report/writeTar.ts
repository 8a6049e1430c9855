// A plain ustar archive of small files, for Framework archive loaders (data.tar.ts): one loader run
// writes every month's file, and pages read them as FileAttachment("data/<name>").
// Names must be ASCII and at most 100 bytes; mtime is fixed so the same input gives the same bytes.

function octal(n: number, width: number): string {
  return n.toString(8).padStart(width - 1, '0') + '\0';
}

function header(name: string, size: number): Buffer {
  if (!/^[\x20-\x7e]{1,100}$/.test(name)) throw new Error(`tar entry name must be 1–100 ASCII characters: ${JSON.stringify(name)}`);
  const h = Buffer.alloc(512, 0);
  h.write(name, 0, 'ascii');
  h.write(octal(0o644, 8), 100, 'ascii'); // mode
  h.write(octal(0, 8), 108, 'ascii'); // uid
  h.write(octal(0, 8), 116, 'ascii'); // gid
  h.write(octal(size, 12), 124, 'ascii');
  h.write(octal(0, 12), 136, 'ascii'); // mtime
  h.write('        ', 148, 'ascii'); // checksum placeholder: 8 spaces
  h.write('0', 156, 'ascii'); // regular file
  h.write('ustar\0', 257, 'ascii');
  h.write('00', 263, 'ascii');
  let sum = 0;
  for (const b of h) sum += b;
  h.write(octal(sum, 7) + ' ', 148, 'ascii');
  return h;
}

/** The bytes of a tar archive holding `files` (name → contents). */
export function tarArchive(files: Iterable<[name: string, contents: string | Buffer]>): Buffer {
  const parts: Buffer[] = [];
  for (const [name, contents] of files) {
    const body = typeof contents === 'string' ? Buffer.from(contents, 'utf8') : contents;
    parts.push(header(name, body.length), body, Buffer.alloc((512 - (body.length % 512)) % 512, 0));
  }
  parts.push(Buffer.alloc(1024, 0));
  return Buffer.concat(parts);
}
