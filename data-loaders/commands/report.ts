// `ltci report --month YYYY-MM | --year YYYY [--city CODE] [--db FILE] [--out DIR]`: the monthly
// report (月报) and the annual report (年报), PDF + XLSX.
import { existsSync } from 'node:fs';
import { UserError } from '../errors.ts';
import type { Command } from './command.ts';
import { resolveDbPath } from '../db.ts';
import { writeReports } from '../report/index.ts';

export const command: Command = {
  summary: 'Write the monthly fund report (月报) for a month and the year to date, or the annual report (年报) of a year with its projection: <city>-<YYYY-MM>.pdf / <city>-<YYYY>.pdf (A4, printed by Chromium) and .xlsx, one pair per city (or the one given). A December month also writes the annual report.',
  usage: 'ltci report (--month YYYY-MM | --year YYYY) [--city CODE] [--db FILE] [--out DIR (default reports/)] [--no-pdf]',
  options: {
    month: { type: 'string' },
    year: { type: 'string' },
    city: { type: 'string' },
    db: { type: 'string' },
    out: { type: 'string', default: 'reports' },
    'no-pdf': { type: 'boolean', default: false },
  },
  async run({ values }) {
    const month = values.month as string | undefined;
    const yearText = values.year as string | undefined;
    if (!month && !yearText) throw new UserError('--month YYYY-MM or --year YYYY is required, e.g. --month 2027-01 or --year 2027', 1);
    if (month && yearText) throw new UserError('give --month or --year, not both (a December month writes the annual report too)', 1);
    if (month !== undefined && !/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw new UserError(`--month must be YYYY-MM, e.g. 2027-01 (got "${month}")`, 1);
    if (yearText !== undefined && !/^\d{4}$/.test(yearText)) throw new UserError(`--year must be YYYY, e.g. 2027 (got "${yearText}")`, 1);
    const city = values.city as string | undefined;
    if (city !== undefined && !/^\d{6}$/.test(city)) throw new UserError(`--city must be a 6-digit city code such as 320700 (got "${city}")`, 1);
    const dbPath = resolveDbPath(values.db as string | undefined);
    if (!existsSync(dbPath)) throw new UserError(`no warehouse at ${dbPath} (run ltci ingest and ltci build first, or pass --db)`);
    const written = await writeReports({
      dbPath, month, year: yearText ? Number(yearText) : undefined, city, outDir: values.out as string, pdf: !values['no-pdf'], progress: (l) => console.log(l),
    });
    console.log(`${written.length} report${written.length === 1 ? '' : 's'} written`);
    return 0;
  },
};
