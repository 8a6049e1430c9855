// The resident-ID key against a determined reader: it never sits beside the warehouse, the
// warehouse knows its fingerprint and refuses another key, `ltci sql` reads nothing but the
// warehouse's tables, no message shows an ID, and the copies that hold IDs in clear stay in a
// private folder that the next `ltci` command clears.
import { spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { idKeyDir, idKeyPath, legacyIdKeyPath, loadIdKey } from '../../data-loaders/ingest/certHash.ts';
import { ingestDeliveries } from '../../data-loaders/ingest/index.ts';
import { maskIds } from '../../data-loaders/ingest/mask.ts';
import { warehouseTempDir } from '../../data-loaders/db.ts';
import { REPO } from '../support/demoWarehouse.ts';
import { csv, fingerprint, ltci, residentId, rows, tempDir, writeDelivery } from './helpers.ts';

const ENROL_HEADER = ['person_no', 'cert_no', 'gender', 'birth_date', 'admdvs', 'scheme', 'year', 'coverage_start', 'coverage_end', 'individual_amt', 'medical_fund_amt', 'fiscal_amt'];
const ID = residentId('37081119500101001');
const e = (no: string, cert = ID) => [no, cert, '1', '1950-01-01', '370811', 'employee', '2027', '2027-01-01', '2027-12-31', '30', '60', '10'];

afterEach(() => void vi.unstubAllEnvs());

async function loaded(files: Record<string, string> = { 'enrolment.csv': csv([ENROL_HEADER, e('P1')]) }): Promise<{ db: string; root: string }> {
  const root = tempDir();
  const db = join(root, 'wh', 'ltci.duckdb');
  const r = await ltci('ingest', writeDelivery(join(root, 'd1'), files), '--db', db);
  expect(r.code, r.err).toBe(0);
  return { db, root };
}

describe('the resident-ID key', () => {
  it('lives in the key folder, not beside the warehouse: the warehouse\'s folder holds no key', async () => {
    const { db } = await loaded();
    expect(readdirSync(dirname(db)).filter((f) => !f.startsWith('ltci.duckdb'))).toEqual([]);
    expect(existsSync(legacyIdKeyPath(db))).toBe(false);
    const path = idKeyPath(db);
    expect(dirname(path)).toBe(process.env.LTCI_KEY_DIR);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const key = loadIdKey(db);
    expect(key.toString('hex')).toBe(readFileSync(path, 'utf8').trim());
    expect(await rows(db, `select cert_hash from raw_enrolment`)).toEqual([{ cert_hash: createHmac('sha256', key).update(ID).digest('hex') }]);
  });

  it('with nothing configured, sits in the user\'s configuration folder (so npm run build works on a fresh machine)', () => {
    expect(idKeyDir({})).toMatch(/\/\.config\/ltci\/keys$/);
    expect(idKeyDir({ XDG_CONFIG_HOME: '/etc/xdg-test' })).toBe('/etc/xdg-test/ltci/keys');
    expect(idKeyDir({ LTCI_KEY_DIR: '/srv/keys' })).toBe('/srv/keys');
    // one key per warehouse, by its path
    expect(idKeyPath('/data/a/ltci.duckdb', {})).not.toBe(idKeyPath('/data/b/ltci.duckdb', {}));
    expect(basename(idKeyPath('/data/a/ltci.duckdb', {}))).toMatch(/^ltci-[0-9a-f]{12}\.key$/);
  });

  it('is refused (exit 2) when configured beside the warehouse, by file or by folder', async () => {
    const root = tempDir();
    const db = join(root, 'ltci.duckdb');
    const dir = writeDelivery(join(root, 'd1'), { 'enrolment.csv': csv([ENROL_HEADER, e('P1')]) });
    vi.stubEnv('LTCI_ID_KEY_FILE', join(root, 'my.key'));
    const byFile = await ltci('ingest', dir, '--db', db);
    expect(byFile.code).toBe(2);
    expect(byFile.err).toMatch(/the resident-ID key .*my\.key would sit in the warehouse's folder/);
    vi.unstubAllEnvs();
    vi.stubEnv('LTCI_KEY_DIR', join(root, 'keys'));
    expect((await ltci('ingest', dir, '--db', db)).err).toMatch(/keys\/ltci-[0-9a-f]{12}\.key would sit in the warehouse's folder/);
    expect(existsSync(join(root, 'my.key')) || existsSync(join(root, 'keys'))).toBe(false);
    expect(existsSync(db)).toBe(false);
  });

  it('left beside the warehouse by an older version is moved to the key folder, and loadIdKey finds it there', async () => {
    const root = tempDir();
    const db = join(root, 'ltci.duckdb');
    const hex = 'ab'.repeat(32);
    writeFileSync(legacyIdKeyPath(db), `${hex}\n`, { mode: 0o600 });
    const r = await ltci('ingest', writeDelivery(join(root, 'd1'), { 'enrolment.csv': csv([ENROL_HEADER, e('P1')]) }), '--db', db);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/the resident-ID key moved from .*ltci\.duckdb\.id\.key to .*ltci-[0-9a-f]{12}\.key/);
    expect(existsSync(legacyIdKeyPath(db))).toBe(false);
    expect(loadIdKey(db).toString('hex')).toBe(hex);
    expect(await rows(db, `select cert_hash from raw_enrolment`)).toEqual([{ cert_hash: createHmac('sha256', Buffer.from(hex, 'hex')).update(ID).digest('hex') }]);
  });

  it('has its fingerprint in the warehouse; an ingest with another key is refused (exit 2), saying how to restore it', async () => {
    const { db, root } = await loaded();
    const [stored] = await rows(db, 'select fingerprint from id_key');
    expect(stored.fingerprint).toMatch(/^[0-9a-f]{16}$/);
    const before = await fingerprint(db);
    const lost = idKeyPath(db);
    const backup = readFileSync(lost);
    writeFileSync(lost, `${'cd'.repeat(32)}\n`); // the key lost, a new one in its place
    const dir = writeDelivery(join(root, 'd2'), { 'enrolment.csv': csv([ENROL_HEADER, e('P2', residentId('32070519451102003'))]) });
    const r = await ltci('ingest', dir, '--db', db);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`证件号码密钥不是这个仓库用过的那把（仓库记录的指纹 ${stored.fingerprint}`);
    expect(r.err).toContain(`请把备份的密钥文件复制到 ${lost}（或用 LTCI_ID_KEY_FILE 指向它），再重新导入`);
    expect(await fingerprint(db)).toEqual(before);
    vi.stubEnv('LTCI_ID_KEY', 'some other key');
    expect((await ltci('ingest', dir, '--db', db)).err).toMatch(/把 LTCI_ID_KEY 设回原来的密钥/);
    vi.unstubAllEnvs();
    writeFileSync(lost, backup); // restored
    expect((await ltci('ingest', dir, '--db', db)).code).toBe(0);
  });
});

describe('ltci sql', () => {
  it('reads no file but the warehouse: not the key, not /etc/passwd', async () => {
    const { db } = await loaded();
    const key = readFileSync(idKeyPath(db), 'utf8').trim();
    for (const query of [`select * from read_text('${idKeyPath(db)}')`, `select * from read_csv('/etc/passwd')`, `select * from glob('${dirname(db)}/*')`]) {
      const r = await ltci('sql', query, '--db', db);
      expect(r.code, query).toBe(2);
      expect(r.err, query).toMatch(/file system operations are disabled by configuration/);
      expect(r.out + r.err).not.toContain(key);
      expect(r.out).not.toMatch(/root:/);
    }
  });

  it('writes nothing: COPY, EXPORT, ATTACH, CREATE, SET and INSTALL are refused', async () => {
    const { db, root } = await loaded();
    const before = await fingerprint(db);
    for (const query of [
      `copy (select * from raw_enrolment) to '${root}/out.csv'`,
      `export database '${root}/export'`,
      `attach '${root}/other.duckdb' as other`,
      `create temp table t as select 1`,
      `set enable_external_access = true`,
      `install httpfs`,
      `select 1; copy (select 1) to '${root}/two.csv'`,
    ]) {
      const r = await ltci('sql', query, '--db', db);
      expect(r.code, query).toBe(2);
    }
    expect(readdirSync(root).sort()).toEqual(['d1', 'wh']);
    expect(await fingerprint(db)).toEqual(before);
  });

  it('still answers queries', async () => {
    const { db } = await loaded();
    const r = await ltci('sql', 'select count(*) as n from raw_enrolment', '--db', db, '--format', 'json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual([{ n: '1' }]);
  });
});

describe('no message shows a resident ID', () => {
  it('masks 18- and 15-character IDs wherever they stand, and nothing else', () => {
    expect(maskIds(`行 ${ID},P1 与 370811500101001；${ID.slice(0, 17)}x`)).toBe('行 [证件号码已隐去],P1 与 [证件号码已隐去]；[证件号码已隐去]');
    // person numbers, settlement ids and amounts are left alone
    expect(maskIds('320700200000183 CX3207002027080000001 9999999999999999.99')).toBe('320700200000183 CX3207002027080000001 9999999999999999.99');
  });

  it('a file without its header row: the refusal names the columns it found, the ID masked', async () => {
    const root = tempDir();
    const r = await ltci('ingest', writeDelivery(join(root, 'd'), { 'enrolment.csv': csv([e('P1'), e('P2')]) }), '--db', join(root, 'w.duckdb'));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/the header row has: P1, \[证件号码已隐去\], 1, 1950-01-01/);
    expect(r.err).not.toContain(ID.slice(0, 15));
  });
});

describe('no ID from a header row', () => {
  it('an extra column named by an ID is reported and stored masked', async () => {
    const { db } = await loaded({ 'enrolment.csv': csv([[...ENROL_HEADER, ID], [...e('P1'), 'x']]) });
    expect(await rows(db, `select extra_columns from load_report`)).toEqual([{ extra_columns: ['[证件号码已隐去]'] }]);
    const r = await ltci('ingest', writeDelivery(join(dirname(dirname(db)), 'd2'), { 'enrolment.csv': csv([[...ENROL_HEADER, ID], [...e('P2'), 'x']]) }), '--db', db);
    expect(r.out).toMatch(/extra columns not loaded: \[证件号码已隐去\]/);
    expect(r.out).not.toContain(ID.slice(0, 17));
  });
});

describe('copies with IDs in clear', () => {
  /** A GB18030 enrolment file of ~30 MB (the fixture's rows repeated), slow enough to catch its copy. */
  function bigGb18030(dir: string): string {
    const src = readFileSync(join(import.meta.dirname, 'fixtures', 'zh-gb18030', 'enrolment.csv'));
    const nl = src.indexOf(0x0a) + 1;
    const body = src.subarray(nl);
    const parts = [src.subarray(0, nl)];
    for (let size = 0; size < 30e6; size += body.length) parts.push(body);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'enrolment.csv'), Buffer.concat(parts));
    return dir;
  }

  it('stay in a private folder under the warehouse\'s temporary folder, and a killed ingest\'s are removed by the next ltci command', async () => {
    const root = tempDir();
    const db = join(root, 'wh', 'ltci.duckdb');
    const systemTmp = join(root, 'system-tmp');
    mkdirSync(systemTmp);
    const dir = bigGb18030(join(root, 'gb'));
    const proc = spawn(process.execPath, ['bin/ltci.mjs', 'ingest', dir, '--db', db], { cwd: REPO, env: { ...process.env, TMPDIR: systemTmp }, stdio: 'ignore' });
    const exited = new Promise((res) => proc.on('exit', res));
    // watch for the transcoded copy, then kill the ingest as a power cut would
    let copy: string | undefined;
    for (let waited = 0; !copy && waited < 60_000; waited += 5) {
      await new Promise((res) => setTimeout(res, 5));
      const tmp = warehouseTempDir(db);
      for (const folder of existsSync(tmp) ? readdirSync(tmp) : []) {
        const file = existsSync(join(tmp, folder)) && statSync(join(tmp, folder)).isDirectory() ? readdirSync(join(tmp, folder)).find((f) => f.endsWith('.utf8.csv')) : undefined;
        if (file) copy = join(tmp, folder, file);
      }
    }
    proc.kill('SIGKILL');
    await exited;
    expect(copy, 'the transcoded copy was never seen under the warehouse\'s temporary folder').toBeDefined();
    const folder = dirname(copy!);
    expect(basename(folder)).toMatch(new RegExp(`^ltci-private-${proc.pid}-`));
    expect(statSync(folder).mode & 0o777).toBe(0o700);
    expect(existsSync(folder)).toBe(true); // the killed ingest could not clean up
    expect(readdirSync(systemTmp).filter((f) => /ltci/.test(f))).toEqual([]);
    // any ltci command clears it first
    await ltci('sql', 'select 1', '--db', db);
    expect(existsSync(folder)).toBe(false);
  });
});
