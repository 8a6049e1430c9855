// `ltci sql "<query>"`: a read-only query against the warehouse, printed as a table, CSV or JSON.
import { existsSync } from 'node:fs';
import { UserError } from '../errors.ts';
import type { Command } from './command.ts';
import { queryRows, resolveDbPath, withWarehouse } from '../db.ts';
import { toCsv } from '../csv.ts';

function toTable(rows: Record<string, unknown>[]): string {
  if (!rows.length) return '(0 rows)';
  const cols = Object.keys(rows[0]);
  const cells = rows.map((r) => cols.map((c) => (r[c] === null || r[c] === undefined ? 'NULL' : String(r[c]))));
  const width = (s: string) => [...s].reduce((w, ch) => w + (/[\u2E80-\uFFEF]/.test(ch) ? 2 : 1), 0);
  const widths = cols.map((c, i) => Math.max(width(c), ...cells.map((row) => width(row[i]))));
  const pad = (s: string, i: number) => s + ' '.repeat(widths[i] - width(s));
  const line = (vals: string[]) => vals.map(pad).join('  ').trimEnd();
  return [line(cols), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line), `(${rows.length} rows)`].join('\n');
}

export const command: Command = {
  summary: 'Run a read-only SQL query against the warehouse. JSON prints one array of row objects (money as decimal strings, dates as ISO strings).',
  usage: 'ltci sql "<query>" [--db FILE] [--format table|csv|json]',
  options: { db: { type: 'string' }, format: { type: 'string', default: 'table' } },
  async run({ values, positionals }) {
    const query = positionals.join(' ').trim();
    if (!query) throw new UserError('no query given', 1);
    const format = values.format as string;
    if (!['table', 'csv', 'json'].includes(format)) throw new UserError(`--format must be table, csv or json, not "${format}"`, 1);
    const dbPath = resolveDbPath(values.db as string | undefined);
    if (!existsSync(dbPath)) throw new UserError(`no warehouse at ${dbPath} (run ltci ingest first)`);
    const rows = await withWarehouse(dbPath, ({ conn }) => queryRows(conn, query).catch((err: Error) => {
      throw new UserError(err.message);
    }), { readOnly: true });
    if (format === 'json') console.log(JSON.stringify(rows));
    else if (format === 'csv') process.stdout.write(toCsv(rows));
    else console.log(toTable(rows));
    return 0;
  },
};
