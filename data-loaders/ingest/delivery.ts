// A delivery is a folder: every file whose name starts with a kind and ends .csv, .csv.gz or
// .parquet is loaded as that kind (in name order, so settlement-2027-02 corrects -01); the rest
// is listed as ignored. A symbolic link is followed only to a file inside the delivery folder: a
// loop, a link to nothing or a link out of the folder refuses the delivery.
import { lstatSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { kindOfFile, type Kind } from '../contract/index.ts';

export type FileFormat = 'csv' | 'csv.gz' | 'parquet';

export interface DeliveryFile {
  name: string;
  /** The file to read: the delivery's own path, or where a link inside the delivery points. */
  path: string;
  kind: Kind;
  format: FileFormat;
  bytes: number;
}

export interface DeliveryListing {
  files: DeliveryFile[];
  ignored: { name: string; why: string }[];
}

/** A file of the delivery that must not be read; the whole delivery is refused. */
export class DeliveryRefusal extends Error {
  constructor(readonly file: string, reason: string) {
    super(reason);
  }
}

export function formatOf(name: string): FileFormat | undefined {
  const lower = name.toLowerCase();
  if (lower.endsWith('.csv')) return 'csv';
  if (lower.endsWith('.csv.gz')) return 'csv.gz';
  if (lower.endsWith('.parquet')) return 'parquet';
  return undefined;
}

/** Where the link `path` ends, inside the delivery folder `root` (a real path); throws DeliveryRefusal otherwise. */
function linkTarget(root: string, name: string, path: string): string {
  let target: string;
  try {
    target = realpathSync(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new DeliveryRefusal(
      name,
      code === 'ELOOP'
        ? '是一个循环的符号链接，不能读取 / a symbolic link that loops; replace it with the file itself'
        : `是一个指向不存在文件的符号链接 / a symbolic link to nothing (${code}); replace it with the file itself`,
    );
  }
  const rel = relative(root, target);
  if (rel.startsWith('..') || isAbsolute(rel)) {
    throw new DeliveryRefusal(name, '是一个指向交付文件夹以外的符号链接，不会被读取 / a symbolic link out of the delivery folder; copy the file into the folder instead');
  }
  return target;
}

/** The delivery's loadable files and what was ignored. Throws when `dir` is not a folder, DeliveryRefusal for a bad link. */
export function listDelivery(dir: string): DeliveryListing {
  const root = realpathSync(dir);
  const files: DeliveryFile[] = [];
  const ignored: DeliveryListing['ignored'] = [];
  for (const name of readdirSync(root).sort()) {
    let path = join(root, name);
    if (lstatSync(path).isSymbolicLink()) path = linkTarget(root, name, path);
    const stat = statSync(path);
    if (!stat.isFile()) {
      ignored.push({ name, why: 'not a file' });
      continue;
    }
    const kind = kindOfFile(name);
    const format = formatOf(name);
    if (!kind) ignored.push({ name, why: 'name does not start with a kind' });
    else if (!format) {
      ignored.push({ name, why: name.toLowerCase().endsWith('.xlsx') ? 'Excel is not read; export it as CSV' : 'not .csv, .csv.gz or .parquet' });
    } else files.push({ name, path, kind, format, bytes: stat.size });
  }
  return { files, ignored };
}
