// Loading over time: repeat loads change nothing, corrections replace and are counted, a refused
// delivery leaves every table as it was, rows_read = loaded + rejected everywhere, and no
// resident ID is ever stored in clear.
import { createHmac } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DuckDBInstance } from '@duckdb/node-api';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../data-loaders/cli.ts';
import { hmacSql, idKeyPath, loadIdKey } from '../../data-loaders/ingest/certHash.ts';
import { IngestRefusedError, ingestDeliveries } from '../../data-loaders/ingest/index.ts';
import { csv, fingerprint, residentId, rows, tempDir, writeDelivery } from './helpers.ts';

const HEADER = ['settlement_id', 'person_no', 'admdvs', 'institution_code', 'service_type', 'service_month', 'service_days', 'total_amt', 'eligible_amt', 'fund_amt', 'personal_amt', 'settled_date', 'reversal_of'];
const s = (id: string, fund: string, personal: string) => [id, 'P1', '370811', 'I1', 'inst_medical', '2027-01', '31', '1550', '1550', fund, personal, '2027-02-05', ''];
const IDS = [residentId('37081119500101001'), residentId('32070519451102003')];
const ENROL_HEADER = ['person_no', 'cert_no', 'gender', 'birth_date', 'admdvs', 'scheme', 'year', 'coverage_start', 'coverage_end', 'individual_amt', 'medical_fund_amt', 'fiscal_amt'];
const e = (no: string, cert: string) => [no, cert, '1', '1950-01-01', '370811', 'employee', '2027', '2027-01-01', '2027-12-31', '30', '60', '10'];

const quiet = <T>(fn: () => Promise<T>) => {
  const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
  const err = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  return fn().finally(() => (log.mockRestore(), err.mockRestore()));
};

let root: string;
let db: string;
beforeAll(async () => {
  root = tempDir();
  db = join(root, 'w.duckdb');
  writeDelivery(join(root, 'jan'), {
    'settlement.csv': csv([HEADER, s('S1', '1000', '550'), s('S2', '1000', '550'), s('S3', '900', '650'), s('S4', 'x', '550')]),
    'enrolment.csv': csv([ENROL_HEADER, e('P1', IDS[0]), e('P2', IDS[1]), e('P3', IDS[1].slice(0, 17) + (IDS[1].endsWith('1') ? '2' : '1'))]),
  });
  await ingestDeliveries(db, [join(root, 'jan')], { loadId: () => 'jan' });
});

describe('repeat loads', () => {
  it('loading the same delivery again changes nothing and says the files were skipped', async () => {
    const before = await fingerprint(db);
    const result = await ingestDeliveries(db, [join(root, 'jan')], { loadId: () => 'jan-again' });
    expect(result.deliveries[0].files.map((f) => [f.status, f.previousLoadId])).toEqual([['skipped', 'jan'], ['skipped', 'jan']]);
    expect(await fingerprint(db)).toEqual(before);
  });

  it('the same rows in a new file are counted unchanged and nothing is rewritten', async () => {
    const dir = writeDelivery(join(root, 'jan-copy'), {
      'settlement.csv': csv([HEADER, s('S1', '1000', '550'), s('S2', '1000', '550'), s('S3', '900', '650')]),
    });
    const before = await rows(db, 'select * from raw_settlement order by settlement_id');
    const { deliveries } = await ingestDeliveries(db, [dir], { loadId: () => 'jan-copy' });
    expect(deliveries[0].files[0]).toMatchObject({ rows_read: 3, rows_loaded: 3, rows_rejected: 0, rows_replaced: 0, rows_unchanged: 3 });
    expect(await rows(db, 'select * from raw_settlement order by settlement_id')).toEqual(before);
  });
});

describe('corrections', () => {
  it('a later delivery replaces rows with the same key and counts them; within a file the later line wins', async () => {
    const dir = writeDelivery(join(root, 'feb'), {
      // S2 corrected (fund 1000 → 1100), S3 repeated unchanged, S5 new and then corrected on a later line.
      'settlement.csv': csv([HEADER, s('S2', '1100', '450'), s('S3', '900', '650'), s('S5', '800', '750'), s('S5', '700', '850')]),
    });
    const { deliveries } = await ingestDeliveries(db, [dir], { loadId: () => 'feb' });
    // replaced: S2 (warehouse) + the earlier S5 line (file); unchanged: S3.
    expect(deliveries[0].files[0]).toMatchObject({ rows_read: 4, rows_loaded: 4, rows_rejected: 0, rows_replaced: 2, rows_unchanged: 1 });
    const got = await rows(db, 'select settlement_id, fund_amt, load_id, source_line from raw_settlement order by settlement_id');
    expect(got).toEqual([
      { settlement_id: 'S1', fund_amt: '1000.00', load_id: 'jan', source_line: '2' },
      { settlement_id: 'S2', fund_amt: '1100.00', load_id: 'feb', source_line: '2' },
      { settlement_id: 'S3', fund_amt: '900.00', load_id: 'jan', source_line: '4' },
      { settlement_id: 'S5', fund_amt: '700.00', load_id: 'feb', source_line: '5' },
    ]);
    const [r] = await rows(db, `select rows_replaced, rows_unchanged from load_report where load_id = 'feb'`);
    expect(r).toEqual({ rows_replaced: '2', rows_unchanged: '1' });
  });

  it('a second file of the same kind in one delivery replaces rows the first wrote, and rows loaded before', async () => {
    const dir = writeDelivery(join(root, 'mar'), {
      // the first file writes S6 and corrects S1; the second corrects both again and S3
      'settlement-a.csv': csv([HEADER, s('S6', '500', '1050'), s('S1', '1001', '549')]),
      'settlement-b.csv': csv([HEADER, s('S6', '501', '1049'), s('S1', '1002', '548'), s('S3', '901', '649')]),
    });
    const { deliveries } = await ingestDeliveries(db, [dir], { loadId: () => 'mar' });
    expect(deliveries[0].files.map((f) => [f.file.replace(/^.*\//, ''), f.rows_replaced])).toEqual([['settlement-a.csv', 1], ['settlement-b.csv', 3]]);
    expect(await rows(db, `select settlement_id, fund_amt, source_file, source_line from raw_settlement where settlement_id in ('S1', 'S3', 'S6') order by 1`)).toEqual([
      { settlement_id: 'S1', fund_amt: '1002.00', source_file: 'mar/settlement-b.csv', source_line: '3' },
      { settlement_id: 'S3', fund_amt: '901.00', source_file: 'mar/settlement-b.csv', source_line: '4' },
      { settlement_id: 'S6', fund_amt: '501.00', source_file: 'mar/settlement-b.csv', source_line: '2' },
    ]);
    expect(await rows(db, `select count(*) as n, count(distinct settlement_id) as keys from raw_settlement`)).toEqual([{ n: '5', keys: '5' }]);
  });
});

describe('refused deliveries', () => {
  const refuse = async (files: Record<string, string | Buffer>, match: { file?: RegExp; column?: string; reason: RegExp }) => {
    const dir = writeDelivery(join(tempDir(), 'bad'), files);
    const before = await fingerprint(db);
    const err = await ingestDeliveries(db, [dir]).catch((x) => x);
    expect(err).toBeInstanceOf(IngestRefusedError);
    if (match.file) expect(err.file).toMatch(match.file);
    expect(err.column).toBe(match.column);
    expect(err.message).toMatch(match.reason);
    expect(await fingerprint(db)).toEqual(before);
  };
  const good = csv([HEADER, s('S9', '1000', '550')]);

  it('a required column missing in the second file: nothing of the first is kept', async () => {
    await refuse(
      { 'settlement.csv': good, 'visit.csv': '服务记录编号,人员编号,签到时间,签退时间\nV1,P1,2027-01-05 09:00,2027-01-05 10:00\n' },
      { file: /bad\/visit\.csv$/, column: 'institution_code', reason: /required column institution_code \(机构编号\) missing/ },
    );
  });

  it('a corrupt .csv.gz', async () => {
    await refuse({ 'settlement.csv': good, 'visit.csv.gz': gzipSync('visit_id\n').subarray(0, 12) }, { file: /visit\.csv\.gz$/, reason: /cut short or damaged/ });
  });

  it('a row with too many fields (names the line)', async () => {
    await refuse({ 'settlement.csv': good + 'S10,P1,370811,I1,inst_medical,2027-01,31,1550,1550,1000,550,2027-02-05,,extra\n' }, { file: /settlement\.csv$/, reason: /Line: 3/ });
  });

  it('an empty file, a UTF-16 file, a column named twice, no loadable files, no folder', async () => {
    await refuse({ 'settlement.csv': '' }, { file: /settlement\.csv$/, reason: /empty/ });
    await refuse({ 'settlement.csv': Buffer.from('\uFEFFsettlement_id\n', 'utf16le') }, { file: /settlement\.csv$/, reason: /UTF-16/ });
    await refuse({ 'settlement.csv': csv([[...HEADER, '结算编号'], [...s('S9', '1000', '550'), 'S9']]) }, { column: 'settlement_id', reason: /named twice/ });
    await refuse({ 'answer-key.csv': good }, { reason: /no loadable files/ });
    await expect(ingestDeliveries(db, [join(root, 'nope')])).rejects.toThrow(/no such folder/);
  });

  it('the CLI exits 2 and names file and column; rejected rows alone exit 0', async () => {
    const dir = writeDelivery(join(tempDir(), 'cli'), { 'ledger.csv': 'entry_id,admdvs\nL1,370800\n' });
    const errors: string[] = [];
    const code = await quiet(async () => {
      vi.spyOn(console, 'error').mockImplementation((m: string) => void errors.push(m));
      return main(['ingest', dir, '--db', db]);
    });
    expect(code).toBe(2);
    expect(errors.join('\n')).toMatch(/cli\/ledger\.csv: required column scheme \(险种\), entry_date/);
    const ok = writeDelivery(join(tempDir(), 'cli-ok'), { 'ledger.csv': 'entry_id,admdvs,scheme,entry_date,category,amount\nL1,370800,resident,2027-01-31,interest,-1\n' });
    expect(await quiet(() => main(['ingest', ok, '--db', db]))).toBe(0);
  });
});

describe('bookkeeping and privacy', () => {
  it('rows_read = rows_loaded + rows_rejected for every load_report row', async () => {
    const report = await rows(db, 'select file, rows_read, rows_loaded, rows_rejected from load_report');
    expect(report.length).toBeGreaterThan(3);
    for (const r of report) expect(Number(r.rows_read)).toBe(Number(r.rows_loaded) + Number(r.rows_rejected));
    const [n] = await rows(db, `select count(*) as n from load_report as r where rows_rejected <> (select count(*) from load_rejects as j where j.load_id = r.load_id and j.file = r.file)`);
    expect(n.n).toBe('0');
  });

  it('no resident ID in clear in any column of any table; the rejected row keeps only its hash', async () => {
    const bad = IDS[1].slice(0, 17) + (IDS[1].endsWith('1') ? '2' : '1');
    const [reject] = await rows(db, `select raw from load_rejects where column_name = 'cert_no'`);
    expect(JSON.parse(String(reject.raw))).toMatchObject({ person_no: 'P3', cert_hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const tables = await rows(db, `select table_name, column_name from information_schema.columns where data_type = 'VARCHAR' or data_type like 'VARCHAR%'`);
    expect(tables.length).toBeGreaterThan(20);
    for (const { table_name, column_name } of tables) {
      const hits = await rows(db, `select count(*) as n from "${table_name}" where ${[...IDS, bad, IDS[0].slice(0, 17), bad.slice(0, 17)].map((id) => `contains("${column_name}"::varchar, '${id}')`).join(' or ')}`);
      expect(hits[0].n, `${table_name}.${column_name}`).toBe('0');
    }
    // And the raw file of the warehouse does not contain them either.
    const bytes = readFileSync(db);
    for (const id of IDS) expect(bytes.includes(Buffer.from(id))).toBe(false);
  });

  it('cert_hash is HMAC-SHA256 with the warehouse\'s key file (mode 0600)', async () => {
    const key = loadIdKey(db);
    expect(existsSync(idKeyPath(db))).toBe(true);
    expect(statSync(idKeyPath(db)).mode & 0o777).toBe(0o600);
    const [row] = await rows(db, `select cert_hash from raw_enrolment where person_no = 'P1'`);
    expect(row.cert_hash).toBe(createHmac('sha256', key).update(IDS[0]).digest('hex'));
  });

  it('the SQL HMAC matches node:crypto for short, long and text keys', async () => {
    const c = await (await DuckDBInstance.create(':memory:')).connect();
    for (const key of [Buffer.from('k'), Buffer.alloc(32, 7), Buffer.from('x'.repeat(100)), Buffer.from('密钥', 'utf8')]) {
      const r = await c.runAndReadAll(`select ${hmacSql(key, `'${IDS[0]}'`)} as h`);
      expect(r.getRowObjectsJson()[0].h).toBe(createHmac('sha256', key).update(IDS[0]).digest('hex'));
    }
    c.closeSync();
  });

  it('LTCI_ID_KEY overrides the key file', () => {
    expect(loadIdKey(db, { LTCI_ID_KEY: 'abc' })).toEqual(Buffer.from('abc'));
  });
});

describe('ltci sql --format json', () => {
  it('prints one JSON array, money as decimal strings and dates as ISO strings', async () => {
    const out: string[] = [];
    const code = await quiet(async () => {
      vi.spyOn(console, 'log').mockImplementation((m: string) => void out.push(m));
      return main(['sql', `select settlement_id, fund_amt, settled_date, service_days from raw_settlement where settlement_id = 'S2'`, '--db', db, '--format', 'json']);
    });
    expect(code).toBe(0);
    expect(JSON.parse(out.join(''))).toEqual([{ settlement_id: 'S2', fund_amt: '1100.00', settled_date: '2027-02-05', service_days: 31 }]);
  });
});
