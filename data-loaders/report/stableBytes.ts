// The same report gives the same bytes: the PDF and the workbook carry the data's date, not the
// clock's, so the site's downloads equal what `ltci report` writes and an unchanged report prints
// to an unchanged file.
//  - PDF (Chromium/Skia): the Info dictionary's /CreationDate and /ModDate, rewritten in place with
//    a string of the same length (the cross-reference offsets stay valid).
//  - XLSX (exceljs → JSZip): the core properties' created/modified (set on the workbook) and each
//    zip entry's DOS time and date, in the local headers and the central directory.

/** The date a report's files carry: the city's latest settlement date, else its last month's first day. */
export function documentDate(d: { asOfDate: string | null; lastMonth: string }): string {
  return d.asOfDate ?? `${d.lastMonth}-01`;
}

/** Chromium writes `/CreationDate (D:20261204035058+00'00')`; put `date` (YYYY-MM-DD) at midnight UTC. */
export function stablePdf(pdf: Buffer, date: string): Buffer {
  const stamp = `D:${date.replaceAll('-', '')}000000+00'00'`;
  const text = pdf.toString('latin1');
  const out = text.replace(/\/(CreationDate|ModDate) \(D:\d{14}[+-Z][^)]*\)/g, (m, key: string) => {
    const next = `/${key} (${stamp})`;
    if (next.length !== m.length) throw new Error(`unexpected PDF date format: ${m}`);
    return next;
  });
  return Buffer.from(out, 'latin1');
}

/** Set every entry's DOS modification time of a zip archive to `date` (YYYY-MM-DD) 00:00. */
export function stableZip(zip: Buffer, date: string): Buffer {
  const out = Buffer.from(zip);
  const [y, m, d] = date.split('-').map(Number);
  const dosDate = ((y - 1980) << 9) | (m << 5) | d;
  let eocd = out.length - 22;
  while (eocd >= 0 && out.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error('not a zip archive (no end of central directory)');
  const entries = out.readUInt16LE(eocd + 10);
  let p = out.readUInt32LE(eocd + 16);
  for (let i = 0; i < entries; i++) {
    if (out.readUInt32LE(p) !== 0x02014b50) throw new Error(`zip central directory entry ${i} is malformed`);
    out.writeUInt16LE(0, p + 12);
    out.writeUInt16LE(dosDate, p + 14);
    const local = out.readUInt32LE(p + 42);
    if (out.readUInt32LE(local) !== 0x04034b50) throw new Error(`zip local header ${i} is malformed`);
    out.writeUInt16LE(0, local + 10);
    out.writeUInt16LE(dosDate, local + 12);
    p += 46 + out.readUInt16LE(p + 28) + out.readUInt16LE(p + 30) + out.readUInt16LE(p + 32);
  }
  return out;
}
