// `ltci report --month YYYY-MM [--city CODE] [--db FILE] [--out DIR]`: the monthly report (PDF + XLSX).
import { existsSync } from 'node:fs';
import { UserError } from '../errors.ts';
import type { Command } from './command.ts';
import { resolveDbPath } from '../db.ts';
import { writeReports } from '../report/index.ts';

export const command: Command = {
  summary: 'Write the monthly fund report (月报) for a month and the year to date: <city>-<YYYY-MM>.pdf (A4, printed by Chromium) and .xlsx, one pair per city (or the one given).',
  usage: 'ltci report --month YYYY-MM [--city CODE] [--db FILE] [--out DIR (default reports/)] [--no-pdf]',
  options: {
    month: { type: 'string' },
    city: { type: 'string' },
    db: { type: 'string' },
    out: { type: 'string', default: 'reports' },
    'no-pdf': { type: 'boolean', default: false },
  },
  async run({ values }) {
    const month = values.month as string | undefined;
    if (!month) throw new UserError('--month YYYY-MM is required, e.g. --month 2027-01', 1);
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw new UserError(`--month must be YYYY-MM, e.g. 2027-01 (got "${month}")`, 1);
    const city = values.city as string | undefined;
    if (city !== undefined && !/^\d{6}$/.test(city)) throw new UserError(`--city must be a 6-digit city code such as 320700 (got "${city}")`, 1);
    const dbPath = resolveDbPath(values.db as string | undefined);
    if (!existsSync(dbPath)) throw new UserError(`no warehouse at ${dbPath} (run ltci ingest and ltci build first, or pass --db)`);
    const written = await writeReports({
      dbPath, month, city, outDir: values.out as string, pdf: !values['no-pdf'], progress: (l) => console.log(l),
    });
    console.log(`${written.length} report${written.length === 1 ? '' : 's'} written`);
    return 0;
  },
};
