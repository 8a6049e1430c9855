// `ltci sql "<query>"`: a read-only query against the warehouse, printed as a table, CSV or JSON.
// Truly read-only: the warehouse opened read-only with no access to any other file
// (enable_external_access = false, locked), and only SELECT statements run.
import { existsSync } from 'node:fs';
import { StatementType, type DuckDBConnection } from '@duckdb/node-api';
import { UserError } from '../errors.ts';
import type { Command } from './command.ts';
import { queryRows, resolveDbPath, withWarehouse } from '../db.ts';
import { toCsv } from '../csv.ts';

/** Statements a query may hold: SELECT (DESCRIBE, SHOW, SUMMARIZE and table pragmas are SELECTs too) and EXPLAIN. */
const ALLOWED = new Set<StatementType>([StatementType.SELECT, StatementType.EXPLAIN]);

/** Refuse anything but reading the warehouse's tables: COPY, EXPORT, ATTACH, SET, CREATE, INSTALL … */
async function onlyQueries(conn: DuckDBConnection, query: string): Promise<void> {
  const statements = await conn.extractStatements(query);
  for (let i = 0; i < statements.count; i++) {
    const type = (await statements.prepare(i)).statementType;
    if (!ALLOWED.has(type)) {
      throw new UserError(`ltci sql runs queries only (SELECT); a ${StatementType[type] ?? type} statement is refused: the warehouse is read-only here and no other file is read or written`);
    }
  }
}

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
    const rows = await withWarehouse(dbPath, async ({ conn }) => {
      try {
        await onlyQueries(conn, query);
        return await queryRows(conn, query);
      } catch (err) {
        throw err instanceof UserError ? err : new UserError((err as Error).message);
      }
    }, { readOnly: true, sandboxed: true });
    if (format === 'json') console.log(JSON.stringify(rows));
    else if (format === 'csv') process.stdout.write(toCsv(rows));
    else console.log(toTable(rows));
    return 0;
  },
};
