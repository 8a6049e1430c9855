// `ltci ingest <delivery-dir>...`: load delivery folders into the warehouse (contract v1).
import { UserError } from '../errors.ts';
import type { Command } from './command.ts';
import { resolveDbPath } from '../db.ts';
import { IngestRefusedError, ingestDeliveries, newLoadId, type DeliveryResult, type FileResult } from '../ingest/index.ts';
import type { EncodingOption } from '../ingest/encoding.ts';

const n = (x: number) => x.toLocaleString('en-US');

export function fileSummary(r: FileResult): string {
  if (r.status === 'skipped') return `  ${r.file}  ${r.kind}: already loaded (load ${r.previousLoadId}), skipped — nothing changed`;
  const mb = r.bytes / 1e6;
  const parts = [
    `  ${r.file}  ${r.kind}: read ${n(r.rows_read)}, loaded ${n(r.rows_loaded)}, rejected ${n(r.rows_rejected)}, replaced ${n(r.rows_replaced)}, unchanged ${n(r.rows_unchanged)}`,
    `${r.encoding}, ${mb.toFixed(1)} MB in ${r.seconds.toFixed(1)} s (${(mb / Math.max(r.seconds, 1e-3)).toFixed(1)} MB/s, ${n(Math.round(r.rows_read / Math.max(r.seconds, 1e-3)))} rows/s)`,
  ];
  if (r.extra_columns.length) parts.push(`extra columns not loaded: ${r.extra_columns.join(', ')}`);
  if (r.rows_replaced && r.absent_columns.length) parts.push(`not in the file, stored values kept on the rows it replaced: ${r.absent_columns.join(', ')}`);
  return parts.join(' · ');
}

export const command: Command = {
  summary: [
    'Load delivery folders into the warehouse (extract contract v1, docs/extracts.md).',
    'Every file named <kind>*.csv|.csv.gz|.parquet is loaded; UTF-8 or GB18030 is detected (--encoding overrides).',
    'Rejected rows go to load_rejects (file, line, column, rule); counts to load_report.',
    'Exit 2, with nothing of that delivery written, when a delivery cannot be loaded.',
  ].join('\n'),
  usage: 'ltci ingest <delivery-dir>... [--db FILE] [--encoding auto|utf8|gb18030]',
  options: { db: { type: 'string' }, encoding: { type: 'string', default: 'auto' } },
  async run({ values, positionals }) {
    if (!positionals.length) throw new UserError('name at least one delivery folder', 1);
    const encoding = values.encoding as string;
    if (!['auto', 'utf8', 'gb18030'].includes(encoding)) throw new UserError(`--encoding must be auto, utf8 or gb18030, not "${encoding}"`, 1);
    const dbPath = resolveDbPath(values.db as string | undefined);
    let current = '';
    try {
      const printDelivery = (d: DeliveryResult) => {
        for (const i of d.ignored) console.log(`  ignored ${i.name}: ${i.why}`);
        const t = d.files.reduce((a, f) => ({ read: a.read + f.rows_read, rejected: a.rejected + f.rows_rejected }), { read: 0, rejected: 0 });
        const skipped = d.files.filter((f) => f.status === 'skipped').length;
        console.log(`load ${d.loadId}: ${d.files.length} files${skipped ? ` (${skipped} already loaded, skipped)` : ''}, ${n(t.read)} rows read, ${n(t.rejected)} rejected${t.rejected ? ` — see: ltci sql "select * from load_rejects where load_id = '${d.loadId}'"` : ''}`);
      };
      await ingestDeliveries(dbPath, positionals, {
        encoding: encoding as EncodingOption,
        progress: (line) => process.stderr.write(line + '\n'),
        onFile: (r) => console.log(fileSummary(r)),
        onDelivery: printDelivery,
        loadId: (dir) => {
          const id = newLoadId();
          current = dir;
          console.log(`delivery ${dir} → ${dbPath} (load ${id})`);
          return id;
        },
      });
      return 0;
    } catch (err) {
      if (err instanceof IngestRefusedError && current === err.delivery) console.error('  (rolled back: the lines above were not kept)');
      throw err;
    }
  },
};
