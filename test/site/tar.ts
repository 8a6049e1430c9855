// Reads the ustar archives the site's archive loaders print (audit-period.tar.ts): name → text.
export function readTar(buf: Buffer): Map<string, string> {
  const out = new Map<string, string>();
  for (let at = 0; at + 512 <= buf.length; ) {
    const name = buf.subarray(at, at + 100).toString('ascii').replace(/\0.*$/s, '');
    if (!name) break;
    const size = parseInt(buf.subarray(at + 124, at + 136).toString('ascii').replace(/\0.*$/s, '').trim(), 8);
    out.set(name, buf.subarray(at + 512, at + 512 + size).toString('utf8'));
    at += 512 + Math.ceil(size / 512) * 512;
  }
  return out;
}
