// A delivery is a folder: every file whose name starts with a kind and ends .csv, .csv.gz or
// .parquet is loaded as that kind (in name order, so settlement-2027-02 corrects -01); the rest
// is listed as ignored.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { kindOfFile, type Kind } from '../contract/index.ts';

export type FileFormat = 'csv' | 'csv.gz' | 'parquet';

export interface DeliveryFile {
  name: string;
  path: string;
  kind: Kind;
  format: FileFormat;
  bytes: number;
}

export interface DeliveryListing {
  files: DeliveryFile[];
  ignored: { name: string; why: string }[];
}

export function formatOf(name: string): FileFormat | undefined {
  const lower = name.toLowerCase();
  if (lower.endsWith('.csv')) return 'csv';
  if (lower.endsWith('.csv.gz')) return 'csv.gz';
  if (lower.endsWith('.parquet')) return 'parquet';
  return undefined;
}

/** The delivery's loadable files and what was ignored. Throws when `dir` is not a folder. */
export function listDelivery(dir: string): DeliveryListing {
  const files: DeliveryFile[] = [];
  const ignored: DeliveryListing['ignored'] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
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
