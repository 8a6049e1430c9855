// Encodings and formats: a GB18030 delivery with Chinese headers, its .csv.gz and Parquet twins
// all load the same rows as the UTF-8 original.
import { copyFileSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { KINDS, storedName } from '../../data-loaders/contract/index.ts';
import { queryRows, withWarehouse } from '../../data-loaders/db.ts';
import { detectEncoding } from '../../data-loaders/ingest/encoding.ts';
import { ingestDeliveries, type IngestResult } from '../../data-loaders/ingest/index.ts';
import { rows, tempDir, writeDelivery } from './helpers.ts';

const FIXTURES = join(import.meta.dirname, 'fixtures');
const UTF8 = join(FIXTURES, 'zh-utf8');
const GB = join(FIXTURES, 'zh-gb18030');

/** Per file of the fixture delivery: [read, loaded, rejected], counted by hand from the files. */
const EXPECTED: Record<string, [number, number, number]> = {
  'assessment.csv': [4, 3, 1],
  'enrolment.csv': [5, 4, 1],
  'institution.csv': [4, 3, 1],
  'ledger.csv': [3, 2, 1],
  'settlement-2027-01.csv': [6, 5, 1],
  'visit.csv': [3, 2, 1],
};

/** Every raw table's contract columns, as sorted JSON lines (lineage left out). */
async function contents(db: string): Promise<Record<string, string[]>> {
  return withWarehouse(db, async ({ conn }) => {
    const out: Record<string, string[]> = {};
    for (const kind of KINDS) {
      const cols = kind.columns.map(storedName).join(', ');
      out[kind.name] = (await queryRows(conn, `select ${cols} from raw_${kind.name} order by all`)).map((r) => JSON.stringify(r));
    }
    return out;
  }, { readOnly: true });
}

async function load(dir: string): Promise<{ db: string; result: IngestResult }> {
  const db = join(tempDir(), 'w.duckdb');
  const result = await ingestDeliveries(db, [dir], { loadId: () => 'L1' });
  return { db, result };
}

let utf8: { db: string; result: IngestResult };
let baseline: Record<string, string[]>;
beforeAll(async () => {
  // One key for all the warehouses compared here (each would otherwise make its own).
  vi.stubEnv('LTCI_ID_KEY', 'formats-test-key');
  utf8 = await load(UTF8);
  baseline = await contents(utf8.db);
});

describe('the fixture delivery (UTF-8 with BOM, Chinese headers and codes, CRLF settlement file)', () => {
  it('loads each file with the hand-counted numbers and ignores the rest', () => {
    const [d] = utf8.result.deliveries;
    const got = Object.fromEntries(d.files.map((f) => [f.file.split('/')[1], [f.rows_read, f.rows_loaded, f.rows_rejected]]));
    expect(got).toEqual(EXPECTED);
    expect(d.ignored.map((i) => i.name)).toEqual(['README.txt', 'answer-key.csv']);
    expect(d.files.every((f) => f.encoding === 'utf8')).toBe(true);
    expect(d.files.find((f) => f.kind === 'enrolment')?.extra_columns).toEqual(['姓名']);
  });

  it('normalises Chinese code values and keeps money exact', async () => {
    const s = await rows(utf8.db, `select settlement_id, service_type, fund_amt, personal_amt from raw_settlement order by 1`);
    expect(s[0]).toEqual({ settlement_id: 'S001', service_type: 'medical_special', fund_amt: '1813.50', personal_amt: '1286.50' });
    expect(s.map((r) => r.service_type)).toEqual(['medical_special', 'inst_elderly', 'home_family', 'home_visit', 'inst_elderly']);
    const e = await rows(utf8.db, `select distinct scheme from raw_enrolment order by 1`);
    expect(e.map((r) => r.scheme)).toEqual(['employee', 'resident']);
    const l = await rows(utf8.db, `select category, amount from raw_ledger order by 1`);
    expect(l).toEqual([{ category: 'interest', amount: '1234.56' }, { category: 'operator_fee', amount: '5000.00' }]);
  });
});

describe('GB18030', () => {
  it('is detected, and loads the same rows as the UTF-8 twin', async () => {
    expect(await detectEncoding(join(GB, 'enrolment.csv'))).toBe('gb18030');
    expect(await detectEncoding(join(UTF8, 'enrolment.csv'))).toBe('utf8');
    const gb = await load(GB);
    expect(gb.result.deliveries[0].files.map((f) => f.encoding)).toEqual(Array(6).fill('gb18030'));
    expect(await contents(gb.db)).toEqual(baseline);
    const rejects = await rows(gb.db, `select replace(file, 'zh-gb18030', 'x') as f, line, column_name, rule, message from load_rejects order by all`);
    const utf8Rejects = await rows(utf8.db, `select replace(file, 'zh-utf8', 'x') as f, line, column_name, rule, message from load_rejects order by all`);
    expect(rejects).toEqual(utf8Rejects);
  });

  it('--encoding utf8 on a GB18030 file refuses the delivery instead of loading mojibake', async () => {
    const db = join(tempDir(), 'w.duckdb');
    await expect(ingestDeliveries(db, [GB], { encoding: 'utf8' })).rejects.toThrow(/assessment\.csv/);
  });

  it('detection is not fooled by a multibyte character cut at the 1 MB boundary', async () => {
    const dir = tempDir();
    const header = 'entry_id,admdvs,scheme,entry_date,category,金额\n';
    // Pad so that a 3-byte UTF-8 character straddles byte 1 048 576.
    const pad = 'x'.repeat((1 << 20) - Buffer.byteLength(header) - 1);
    const path = join(dir, 'ledger.csv');
    writeFileSync(path, header + pad + '护\n');
    expect(readFileSync(path).subarray((1 << 20) - 1, (1 << 20) + 2).toString('utf8')).toBe('护');
    expect(await detectEncoding(path)).toBe('utf8');
  });
});

describe('.csv.gz and Parquet', () => {
  it('gzip of the UTF-8 and of the GB18030 files load the same rows', async () => {
    for (const src of [UTF8, GB]) {
      const dir = tempDir();
      for (const name of readdirSync(src)) writeFileSync(join(dir, `${name}.gz`), gzipSync(readFileSync(join(src, name))));
      const gz = await load(dir);
      expect(gz.result.deliveries[0].files.map((f) => [f.rows_read, f.rows_loaded, f.rows_rejected])).toEqual(Object.values(EXPECTED));
      expect(await contents(gz.db)).toEqual(baseline);
    }
  });

  it('Parquet with text columns (Chinese headers) and with typed columns loads the same rows', async () => {
    const text = tempDir();
    const typed = tempDir();
    await withWarehouse(join(tempDir(), 'scratch.duckdb'), async ({ conn }) => {
      for (const name of Object.keys(EXPECTED)) {
        const base = name.replace('.csv', '');
        await conn.run(`copy (select * from read_csv('${join(UTF8, name)}', all_varchar = true, header = true)) to '${join(text, base + '.parquet')}' (format parquet)`);
      }
      // Typed: DATE, DECIMAL and INTEGER columns as a database export would write them.
      await conn.run(`attach '${utf8.db}' as src (read_only)`);
      await conn.run(`copy (select * exclude (load_id, source_file, source_line) from src.raw_settlement) to '${join(typed, 'settlement.parquet')}' (format parquet)`);
    });
    const p = await load(text);
    expect(p.result.deliveries[0].files.map((f) => [f.rows_read, f.rows_loaded, f.rows_rejected])).toEqual(Object.values(EXPECTED));
    expect(await contents(p.db)).toEqual(baseline);
    // Parquet lines are row numbers (1-based): the broken settlement is row 6.
    expect(await rows(p.db, `select line from load_rejects where file like '%settlement%'`)).toEqual([{ line: '6' }]);
    const t = await load(typed);
    expect((await contents(t.db)).settlement).toEqual(baseline.settlement);
  });

  it('files are matched case-insensitively by kind prefix', async () => {
    const dir = tempDir();
    copyFileSync(join(UTF8, 'ledger.csv'), join(dir, 'LEDGER-2027.CSV'));
    writeDelivery(dir, { 'notes.xlsx': 'x' });
    const { result } = await load(dir);
    expect(result.deliveries[0].files.map((f) => f.kind)).toEqual(['ledger']);
    expect(result.deliveries[0].ignored).toEqual([{ name: 'notes.xlsx', why: 'name does not start with a kind' }]);
  });
});
