// `ltci demo`: write a synthetic delivery for the seed cities (docs/demo.md).
import { UserError } from '../errors.ts';
import type { Command } from './command.ts';
import { DEFAULT_END, generateDemo, type DemoEncoding, type DemoFormat, type DemoScale } from '../demo/index.ts';
import { DEMO_HEADERS, type DemoHeaders } from '../demo/headers.ts';

function oneOf<T extends string>(name: string, value: unknown, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw new UserError(`--${name} must be one of ${allowed.join(', ')}, not "${String(value)}"`);
}

export const command: Command = {
  summary:
    'Write one synthetic delivery (contract v1) for Huai\'an, Lianyungang, Nanjing and Jining: enrolment, assessment, institution, ' +
    'settlement, visit and ledger files, a settlement-malformed.csv with rows that must be rejected, and answer-key.csv ' +
    '(settlement_id,rule) listing every planted audit anomaly. Same seed and options → byte-identical files.',
  usage:
    'ltci demo --out DIR [--scale tiny|small|city] [--seed N] [--format csv|parquet] [--encoding utf8|gb18030] [--headers en|zh|platform] [--end YYYY-MM]\n\n' +
    '  --scale     tiny ≈ 1 000 participants (tests) and small ≈ 240 000 (default): every year since each scheme started;\n' +
    '              city: one mature year (the calendar year of --end) of a large city and its neighbours, ≈ 5 million\n' +
    '              participants and enrolment rows, 50 000 beneficiaries, 600 000 settlements, 5 million home visits\n' +
    '  --seed      any integer (default 1)\n' +
    '  --format    csv (default) or parquet\n' +
    '  --encoding  utf8 (default) or gb18030 (CSV only, Chinese column headers, as a Windows export; needs iconv)\n' +
    '  --headers   en (default), zh (the default for gb18030) or platform: the national platform\'s field names and codes\n' +
    '              (psn_no, setl_id, insutype 310/390, hosp_lv …; docs/extracts.md)\n' +
    `  --end       last month of the delivery (default ${DEFAULT_END})`,
  options: {
    out: { type: 'string' },
    scale: { type: 'string' },
    seed: { type: 'string' },
    format: { type: 'string' },
    encoding: { type: 'string' },
    headers: { type: 'string' },
    end: { type: 'string' },
  },
  async run({ values }) {
    const out = values.out;
    if (typeof out !== 'string' || !out) throw new UserError('--out DIR is required: the folder to write the delivery into');
    const seedText = values.seed === undefined ? '1' : String(values.seed);
    if (!/^-?\d+$/.test(seedText)) throw new UserError(`--seed must be an integer, not "${seedText}"`);
    await generateDemo({
      out,
      scale: oneOf<DemoScale>('scale', values.scale, ['tiny', 'small', 'city'], 'small'),
      seed: Number(seedText),
      format: oneOf<DemoFormat>('format', values.format, ['csv', 'parquet'], 'csv'),
      encoding: oneOf<DemoEncoding>('encoding', values.encoding, ['utf8', 'gb18030'], 'utf8'),
      headers: values.headers === undefined ? undefined : oneOf<DemoHeaders>('headers', values.headers, DEMO_HEADERS, 'en'),
      end: typeof values.end === 'string' ? values.end : undefined,
      progress: (line) => console.log(line),
    });
    return 0;
  },
};
