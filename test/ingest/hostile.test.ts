// Real files from real systems: the damaged, odd and hostile files a clerk may send, each loaded
// through the CLI as the clerk would, with the exit code, the message and what the warehouse holds.
// Numbered as in the issue "Real files from real systems" (nothing lost, nothing silently wrong).
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { idKeyPath } from '../../data-loaders/ingest/certHash.ts';
import { ingestDeliveries } from '../../data-loaders/ingest/index.ts';
import { REPO } from '../support/demoWarehouse.ts';
import { csv, fingerprint, ltci, residentId, rows, tempDir, writeDelivery } from './helpers.ts';

const execFileAsync = promisify(execFile);
const FIXTURES = join(import.meta.dirname, 'fixtures');

const HEADER = ['settlement_id', 'person_no', 'admdvs', 'institution_code', 'service_type', 'service_month', 'service_days', 'total_amt', 'eligible_amt', 'fund_amt', 'personal_amt', 'settled_date', 'reversal_of'];
const s = (id: string, fund = '1000', personal = '550', settled = '2027-02-05') =>
  [id, 'P1', '370811', 'I1', 'inst_medical', '2027-01', '31', '1550', '1550', fund, personal, settled, ''];
const ENROL_HEADER = ['person_no', 'cert_no', 'gender', 'birth_date', 'admdvs', 'scheme', 'year', 'coverage_start', 'coverage_end', 'individual_amt', 'medical_fund_amt', 'fiscal_amt'];
const e = (no: string, birth = '1950-01-01') => [no, '', '1', birth, '370811', 'employee', '2027', '2027-01-01', '2027-12-31', '30', '60', '10'];
const ID = residentId('37081119500101001');

/** A warehouse holding one good delivery (S1, S2), in a folder of its own. */
async function warehouse(): Promise<string> {
  const root = tempDir();
  const db = join(root, 'w.duckdb');
  await ingestDeliveries(db, [writeDelivery(join(root, 'first'), { 'settlement.csv': csv([HEADER, s('S1'), s('S2')]) })]);
  return db;
}

const delivery = (files: Record<string, string | Buffer>, name = 'd') => writeDelivery(join(tempDir(), name), files);

describe('1. a truncated .csv.gz', () => {
  it('is refused whole (exit 2) instead of loading the rows before the cut; the warehouse is unchanged', async () => {
    const db = await warehouse();
    const gz = gzipSync(csv([HEADER, ...Array.from({ length: 4000 }, (_, i) => s(`T${i}`, String(1000 + (i % 97)), String(550 - (i % 97))))]));
    const dir = delivery({ 'settlement-2027-03.csv.gz': gz.subarray(0, Math.floor(gz.length * 0.6)) }, 'cut');
    const before = await fingerprint(db);
    const r = await ltci('ingest', dir, '--db', db);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/cut\/settlement-2027-03\.csv\.gz: 压缩文件不完整或已损坏（unexpected end of file）/);
    expect(await fingerprint(db)).toEqual(before);
  });
});

describe('2. glob characters in file names', () => {
  it.each(['plain', '2027[1]'])('reads exactly the named file, whatever its name (folder %s)', async (folder) => {
    const db = await warehouse();
    const dir = delivery({
      'settlement-2027[1].csv': csv([HEADER, s('G1')]),
      'settlement-20271.csv': csv([HEADER, s('G2')]),
      'settlement-*.csv': csv([HEADER, s('G3')]),
      'settlement-?.csv': csv([HEADER, s('G4')]),
    }, folder);
    const r = await ltci('ingest', dir, '--db', db);
    expect(r.code).toBe(0);
    expect(await rows(db, `select settlement_id, source_file from raw_settlement where settlement_id like 'G%' order by 1`)).toEqual([
      { settlement_id: 'G1', source_file: `${folder}/settlement-2027[1].csv` },
      { settlement_id: 'G2', source_file: `${folder}/settlement-20271.csv` },
      { settlement_id: 'G3', source_file: `${folder}/settlement-*.csv` },
      { settlement_id: 'G4', source_file: `${folder}/settlement-?.csv` },
    ]);
    expect(await rows(db, `select count(*) as files, sum(rows_read) as rows from load_report where file like '${folder}/%'`)).toEqual([{ files: '4', rows: '4' }]);
  });
});

describe('3. invisible characters around keys and codes', () => {
  it('a correction whose key and codes carry NBSP, tab, U+FEFF, U+200B or U+3000 replaces the row instead of adding a second settlement', async () => {
    const db = await warehouse();
    const dir = delivery({
      'settlement.csv': csv([
        ['\u200bsettlement_id', ...HEADER.slice(1)],
        ['\u00a0S1\t', ' P1\u3000', '370811\u00a0', '\ufeffI1', '\ufeffinst_medical\u200b', '2027-01', '31', '1550', '1550', '900', '650', '2027-02-05', ''],
      ]),
    });
    const r = await ltci('ingest', dir, '--db', db);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/read 1, loaded 1, rejected 0, replaced 1, unchanged 0/);
    expect(await rows(db, `select settlement_id, person_no, admdvs, institution_code, service_type, fund_amt from raw_settlement order by 1`)).toEqual([
      { settlement_id: 'S1', person_no: 'P1', admdvs: '370811', institution_code: 'I1', service_type: 'inst_medical', fund_amt: '900.00' },
      { settlement_id: 'S2', person_no: 'P1', admdvs: '370811', institution_code: 'I1', service_type: 'inst_medical', fund_amt: '1000.00' },
    ]);
  });
});

describe('4. implausible dates', () => {
  it('are rejected per column (birth from 1890; flows from 2012 and not past the load date + 2 years)', async () => {
    const db = await warehouse();
    const dir = delivery({
      'settlement.csv': csv([HEADER, s('D1', '1000', '550', '-027-01-01'), s('D2', '1000', '550', '0027-01-01'), s('D3', '1000', '550', '9999-12-31'), s('D4', '1000', '550', '2027-02-06')]),
      'enrolment.csv': csv([ENROL_HEADER, e('P8', '1850-01-01'), e('P9', '1890-01-01')]),
    });
    const r = await ltci('ingest', dir, '--db', db);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/settlement: read 4, loaded 1, rejected 3/);
    expect(r.out).toMatch(/enrolment: read 2, loaded 1, rejected 1/);
    const rejects = await rows(db, `select file, line, column_name, rule, message from load_rejects where file like 'd/%' order by file, line`);
    expect(rejects.map((x) => [x.file, x.line, x.column_name, x.rule])).toEqual([
      ['d/enrolment.csv', '2', 'birth_date', 'date_too_early'],
      ['d/settlement.csv', '2', 'settled_date', 'date_too_early'],
      ['d/settlement.csv', '3', 'settled_date', 'date_too_early'],
      ['d/settlement.csv', '4', 'settled_date', 'date_too_late'],
    ]);
    expect(rejects[1].message).toBe("第2行 列 settled_date（结算日期）: 早于 2012-01-01（no LTCI scheme before Qingdao’s of 2012）/ before 2012-01-01 (date_too_early)，值 '-027-01-01'");
    expect(String(rejects[3].message)).toMatch(/^第4行 列 settled_date（结算日期）: 晚于 \d{4}-\d{2}-\d{2}（导入日期 \d{4}-\d{2}-\d{2} 之后2年）.*\(date_too_late\)，值 '9999-12-31'$/);
  });

  it('the upper bound moves with the load date', async () => {
    const root = tempDir();
    const db = join(root, 'w.duckdb');
    const dir = writeDelivery(join(root, 'd'), { 'settlement.csv': csv([HEADER, s('D1', '1000', '550', '2029-03-01'), s('D2', '1000', '550', '2029-03-02')]) });
    await ingestDeliveries(db, [dir], { now: new Date('2027-03-01T12:00:00') });
    expect(await rows(db, `select line, rule from load_rejects`)).toEqual([{ line: '3', rule: 'date_too_late' }]);
  });
});

describe('5. an amount that fits the contract but not the sums', () => {
  it('is rejected, and the next build succeeds', async () => {
    const db = await warehouse();
    const dir = delivery({
      'settlement.csv': csv([HEADER, ['A1', 'P1', '370811', 'I1', 'inst_medical', '2027-01', '31', '9999999999999999.99', '9999999999999999.99', '1000', '9999999999998999.99', '2027-02-05', '']]),
    });
    const r = await ltci('ingest', dir, '--db', db);
    expect(r.code).toBe(0);
    expect(await rows(db, `select column_name, rule, message from load_rejects where file = 'd/settlement.csv'`)).toEqual([{
      column_name: 'total_amt', rule: 'amount_too_large',
      message: "第2行 列 total_amt（总费用）: 金额的绝对值超过 99999999.99 元，基金的合计容纳不下 / amount beyond 99999999.99 yuan (amount_too_large)，值 '9999999999999999.99'",
    }]);
    const build = await ltci('build', '--db', db);
    expect(build.err).not.toMatch(/out of range/);
    expect(build.code).toBe(0);
  });
});

describe('6. a wrong --encoding', () => {
  it('GB18030 forced on a UTF-8 file is refused (exit 2), naming the mojibake it would store', async () => {
    const r = await ltci('ingest', join(FIXTURES, 'zh-utf8'), '--db', join(tempDir(), 'w.duckdb'), '--encoding', 'gb18030');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/zh-utf8\/assessment\.csv: --encoding gb18030，但文件是 UTF-8：中文会被读成乱码（如“[^”]+”）/);
  });

  it('UTF-8 forced on a GB18030 file is refused (exit 2)', async () => {
    const r = await ltci('ingest', join(FIXTURES, 'zh-gb18030'), '--db', join(tempDir(), 'w.duckdb'), '--encoding', 'utf8');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/zh-gb18030\/assessment\.csv: --encoding utf8，但文件不是有效的 UTF-8（像是 GB18030）/);
  });

  it('"already loaded" means the same bytes read in the same encoding', async () => {
    const db = await warehouse();
    const dir = delivery({ 'settlement-03.csv': csv([HEADER, s('E1')]) });
    const forced = await ltci('ingest', dir, '--db', db, '--encoding', 'gb18030');
    expect(forced.out).toMatch(/settlement-03\.csv {2}settlement: read 1, loaded 1.* · gb18030/);
    const again = await ltci('ingest', dir, '--db', db);
    expect(again.code).toBe(0);
    expect(again.out).not.toMatch(/already loaded/);
    expect(again.out).toMatch(/settlement-03\.csv {2}settlement: read 1, loaded 1, rejected 0, replaced 0, unchanged 1 · utf8/);
    expect((await ltci('ingest', dir, '--db', db)).out).toMatch(/already loaded/);
  });
});

describe('7. a file that lacks an optional column', () => {
  it('leaves the stored value of the rows it replaces, and says so', async () => {
    const root = tempDir();
    const db = join(root, 'w.duckdb');
    const full = [...ENROL_HEADER, 'employer_amt', 'other_amt'];
    await ingestDeliveries(db, [writeDelivery(join(root, 'a'), { 'enrolment.csv': csv([full, [...e('P1'), '100', '5'], [...e('P2'), '200', '6']]) })]);
    // the correction of P1 (individual 30 → 35) comes from a system that does not export the two columns
    const r = await ltci('ingest', writeDelivery(join(root, 'b'), { 'enrolment.csv': csv([ENROL_HEADER, [...e('P1').slice(0, 9), '35', '60', '10'], e('P3')]) }), '--db', db);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/replaced 1.*not in the file, stored values kept on the rows it replaced: employer_amt, other_amt/);
    expect(await rows(db, `select person_no, individual_amt, employer_amt, other_amt from raw_enrolment order by 1`)).toEqual([
      { person_no: 'P1', individual_amt: '35.00', employer_amt: '100.00', other_amt: '5.00' },
      { person_no: 'P2', individual_amt: '30.00', employer_amt: '200.00', other_amt: '6.00' },
      // a new row: the contract's default
      { person_no: 'P3', individual_amt: '30.00', employer_amt: '0.00', other_amt: '0.00' },
    ]);
  });
});

describe('8. a person_no that is a valid resident ID', () => {
  it('is rejected by a rule, and the ID is stored nowhere, not even in the rejected row', async () => {
    const db = await warehouse();
    const r = await ltci('ingest', delivery({ 'enrolment.csv': csv([ENROL_HEADER, e(ID), e('P7')]) }), '--db', db);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/enrolment: read 2, loaded 1, rejected 1/);
    const [reject] = await rows(db, `select column_name, rule, message, raw from load_rejects where file = 'd/enrolment.csv'`);
    expect(reject).toMatchObject({
      column_name: 'person_no', rule: 'person_no_is_resident_id',
      message: '第2行 列 person_no（人员编号）: 人员编号是一个身份证号码：请导出医保的人员编号，身份证号只能放在证件号码列 / person_no holds a resident ID (person_no_is_resident_id)',
    });
    expect(JSON.parse(String(reject.raw)).person_no).toBe('[证件号码已隐去]');
    const columns = await rows(db, `select table_name, column_name from information_schema.columns where data_type = 'VARCHAR'`);
    for (const { table_name, column_name } of columns) {
      const [hit] = await rows(db, `select count(*) as n from "${table_name}" where contains("${column_name}", '${ID.slice(0, 17)}')`);
      expect(hit.n, `${table_name}.${column_name}`).toBe('0');
    }
    expect(readFileSync(db).includes(Buffer.from(ID.slice(0, 17)))).toBe(false);
  });
});

describe('9. symbolic links', () => {
  const refused = async (name: string, link: (dir: string) => void, reason: RegExp) => {
    const db = await warehouse();
    const dir = delivery({ 'visit.csv': 'visit_id,person_no,institution_code,check_in,check_out\nV1,P1,I1,2027-01-05 09:00,2027-01-05 10:00\n' }, name);
    link(dir);
    const before = await fingerprint(db);
    const r = await ltci('ingest', dir, '--db', db);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(reason);
    expect(await fingerprint(db)).toEqual(before);
    return r;
  };

  it('a loop is refused with exit 2 and a message, not a stack trace', async () => {
    const r = await refused('loop', (dir) => {
      symlinkSync('settlement-b.csv', join(dir, 'settlement-a.csv'));
      symlinkSync('settlement-a.csv', join(dir, 'settlement-b.csv'));
    }, /delivery .*loop refused, nothing of it loaded — settlement-a\.csv: 是一个循环的符号链接/);
    expect(r.err).not.toMatch(/ELOOP|\n\s+at /);
  });

  it('a link to nothing is refused with exit 2', async () => {
    await refused('dangling', (dir) => symlinkSync('/nonexistent/settlement.csv', join(dir, 'settlement-x.csv')), /settlement-x\.csv: 是一个指向不存在文件的符号链接/);
  });

  it('a link out of the delivery folder is not followed (institution-x.csv → /etc/passwd)', async () => {
    const r = await refused('out', (dir) => symlinkSync('/etc/passwd', join(dir, 'institution-x.csv')), /institution-x\.csv: 是一个指向交付文件夹以外的符号链接/);
    expect(`${r.out}\n${r.err}`).not.toMatch(/root:/);
  });

  it('a link to a file inside the delivery loads', async () => {
    const db = await warehouse();
    const dir = delivery({});
    mkdirSync(join(dir, 'data'));
    writeFileSync(join(dir, 'data', 's.csv'), csv([HEADER, s('L1')]));
    symlinkSync('data/s.csv', join(dir, 'settlement-2027-03.csv'));
    expect((await ltci('ingest', dir, '--db', db)).code).toBe(0);
    expect(await rows(db, `select source_file from raw_settlement where settlement_id = 'L1'`)).toEqual([{ source_file: 'd/settlement-2027-03.csv' }]);
  });
});

/** `node bin/ltci.mjs <args>` in a child process: exit code, stdout, stderr. */
async function child(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  try {
    const { stdout, stderr } = await execFileAsync(process.execPath, ['bin/ltci.mjs', ...args], { cwd: REPO, env: { ...process.env, ...env }, encoding: 'utf8' });
    return { code: 0, out: stdout, err: stderr };
  } catch (err) {
    const x = err as { code: number; stdout: string; stderr: string };
    return { code: x.code, out: x.stdout, err: x.stderr };
  }
}
type CliRun = { code: number; out: string; err: string };

describe('10. a second ingest while one runs, and a full disk', () => {
  it('a second ingest exits 2 with "另一个导入正在进行", DuckDB\'s reason kept, the warehouse unchanged', async () => {
    const db = await warehouse();
    const dir = delivery({ 'settlement.csv': csv([HEADER, s('C1')]) });
    const before = await fingerprint(db);
    const instance = await DuckDBInstance.create(db); // the first ingest, holding the warehouse
    const conn = await instance.connect();
    let r: CliRun;
    try {
      r = await child(['ingest', dir, '--db', db]);
    } finally {
      conn.closeSync();
      instance.closeSync();
    }
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^ltci ingest: 另一个导入正在进行（或另一个 ltci 命令正在使用仓库 .*w\.duckdb，进程 \d+）：等它结束后再试一次，仓库没有改变/);
    expect(r.err).toMatch(/Conflicting lock is held/);
    expect(r.err).not.toMatch(/\n\s+at /);
    expect(await fingerprint(db)).toEqual(before);
  });

  const canMount = (() => {
    try {
      return process.getuid?.() === 0 && statSync('/usr/bin/unshare').isFile();
    } catch {
      return false;
    }
  })();

  it.skipIf(!canMount)('a full disk exits 2 with "磁盘空间不足", and the warehouse is as it was once there is room again', async () => {
    const db = await warehouse();
    const before = await fingerprint(db);
    const root = dirname(db);
    const big = delivery({ 'settlement.csv': csv([HEADER, ...Array.from({ length: 20000 }, (_, i) => s(`F${i}`, String(1000 + (i % 89)), String(550 - (i % 89))))]) });
    const mnt = join(root, 'mnt');
    const out = join(root, 'out');
    mkdirSync(mnt);
    mkdirSync(out);
    const size = Math.ceil(statSync(db).size / 1024) + 2048;
    // in a mount namespace of its own: a small tmpfs holding a copy of the warehouse, filled to 300 KB free
    const script = `set -e
mount -t tmpfs -o size=${size}k tmpfs ${mnt}
cp ${db} ${mnt}/w.duckdb
avail=$(df -k --output=avail ${mnt} | tail -1)
dd if=/dev/zero of=${mnt}/filler bs=1k count=$((avail - 300)) 2>/dev/null
set +e
"${process.execPath}" bin/ltci.mjs ingest ${big} --db ${mnt}/w.duckdb > ${out}/stdout 2> ${out}/stderr
echo $? > ${out}/code
rm ${mnt}/filler
cp ${mnt}/w.duckdb* ${out}/`;
    await execFileAsync('unshare', ['-m', 'sh', '-c', script], { cwd: REPO, env: { ...process.env, LTCI_ID_KEY_FILE: idKeyPath(db) } });
    const stderr = readFileSync(join(out, 'stderr'), 'utf8');
    expect(readFileSync(join(out, 'code'), 'utf8').trim(), stderr).toBe('2');
    expect(stderr).toMatch(/nothing of it loaded — 磁盘空间不足：.*mnt 所在的磁盘写满了，这次导入没有完成，仓库保持原样；腾出空间后再试一次/);
    expect(stderr).toMatch(/No space left on device/);
    expect(stderr).not.toMatch(/cannot rollback|\n\s+at /);
    // what the failed ingest left (the warehouse and perhaps its WAL), opened again with room to spare
    const copy = join(root, 'after');
    mkdirSync(copy);
    for (const f of readdirSync(out).filter((f) => f.startsWith('w.duckdb'))) copyFileSync(join(out, f), join(copy, f));
    expect(await fingerprint(join(copy, 'w.duckdb'))).toEqual(before);
  });
});

describe('messages', () => {
  it('keep DuckDB\'s reason and never quote the line (a resident ID in it)', async () => {
    const db = await warehouse();
    const dir = delivery({ 'settlement.csv': csv([HEADER, s('M1'), [...s('M2'), ID]]) });
    const r = await ltci('ingest', dir, '--db', db);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/d\/settlement\.csv: cannot read the file: Invalid Input Error: CSV Error on Line: 3 Expected Number of Columns: 13 Found: 14$/m);
    expect(r.err).not.toContain(ID.slice(0, 17));
    expect(r.err).not.toMatch(/Original Line|M2,P1/);
  });
});
