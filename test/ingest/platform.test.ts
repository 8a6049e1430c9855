// The national platform's field names (医疗保障信息平台): a bureau exporting straight from the
// platform's tables sends psn_no, setl_id, insutype 310/390, hosp_lv 01–11 …; they load as the
// contract's columns, and the demo written in them builds the same marts as in English.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { queryRows, withWarehouse } from '../../data-loaders/db.ts';
import { generateDemo } from '../../data-loaders/demo/index.ts';
import { ingestDeliveries } from '../../data-loaders/ingest/index.ts';
import { csv, ltci, residentId, rows, tempDir, writeDelivery } from './helpers.ts';

const ID = residentId('37081119500101001');

describe('platform field names as headers', () => {
  let db: string;
  beforeAll(async () => {
    const root = tempDir();
    db = join(root, 'w.duckdb');
    const dir = writeDelivery(join(root, 'nhsa'), {
      // upper case, as the platform's database exports them
      'settlement.csv': csv([
        ['SETL_ID', 'PSN_NO', 'INSUPLC_ADMDVS', 'FIXMEDINS_CODE', 'service_type', 'service_month', 'MEDFEE_SUMAMT', 'eligible_amt', 'FUND_PAY_SUMAMT', 'PSN_PART_AMT', 'SETL_TIME', 'INIT_SETL_ID'],
        ['S1', 'P1', '370811', 'I1', 'inst_medical', '2027-01', '1550', '1550', '1000', '550', '2027-02-05 14:31:07', ''],
        ['S1R', 'P1', '370811', 'I1', 'inst_medical', '2027-01', '-1550', '-1550', '-1000', '-550', '2027-02-20 09:00:00', 'S1'],
      ]),
      'enrolment.csv': csv([
        ['psn_no', 'certno', 'gend', 'brdy', 'insu_admdvs', 'insutype', 'year', 'coverage_start', 'coverage_end', 'individual_amt', 'medical_fund_amt', 'fiscal_amt'],
        ['P1', ID, '1', '1950-01-01', '370811', '310', '2027', '2027-01-01', '2027-12-31', '30', '60', '10'],
        ['P2', '', '2', '1951-01-01', '370811', '390', '2027', '2027-01-01', '2027-12-31', '30', '60', '10'],
        ['P3', '', '1', '1952-01-01', '370811', '410', '2027', '2027-01-01', '2027-12-31', '30', '60', '10'],
        ['P4', '', '0', '1953-01-01', '370811', '310', '2027', '2027-01-01', '2027-12-31', '30', '60', '10'],
        ['P5', '', '9', '1954-01-01', '370811', '310', '2027', '2027-01-01', '2027-12-31', '30', '60', '10'],
      ]),
      // with a scheme column, insutype 410 (长期照护保险) is not needed: the contract's own column wins
      'enrolment-ltc.csv': csv([
        ['psn_no', 'gend', 'brdy', 'insu_admdvs', 'insutype', 'scheme', 'year', 'coverage_start', 'coverage_end', 'individual_amt', 'medical_fund_amt', 'fiscal_amt'],
        ['P6', '2', '1955-01-01', '370811', '410', '居民', '2027', '2027-01-01', '2027-12-31', '30', '60', '10'],
      ]),
      'institution.csv': csv([
        ['fixmedins_code', 'fixmedins_name', 'admdvs', 'category', 'hosp_lv', 'designated_from'],
        ['I1', '甲医院', '370811', 'medical', '01', '2020-01-01'],
        ['I2', '乙医院', '370811', 'medical', '06', '2020-01-01'],
        ['I3', '丙医院', '370811', 'medical', '10', '2020-01-01'],
        ['I4', '福利院', '370811', 'elderly_care', '11', '2020-01-01'],
        ['I5', '丁医院', '370811', 'medical', '5', '2020-01-01'],
        ['I6', '戊医院', '370811', 'medical', '12', '2020-01-01'],
      ]),
    });
    const r = await ltci('ingest', dir, '--db', db);
    expect(r.code, r.err).toBe(0);
  });

  it('settlement: setl_id, psn_no, insuplc_admdvs, fixmedins_code, medfee_sumamt, fund_pay_sumamt, psn_part_amt, setl_time (its date), init_setl_id', async () => {
    expect(await rows(db, `select settlement_id, person_no, admdvs, institution_code, total_amt, fund_amt, personal_amt, settled_date, reversal_of from raw_settlement order by 1`)).toEqual([
      { settlement_id: 'S1', person_no: 'P1', admdvs: '370811', institution_code: 'I1', total_amt: '1550.00', fund_amt: '1000.00', personal_amt: '550.00', settled_date: '2027-02-05', reversal_of: null },
      { settlement_id: 'S1R', person_no: 'P1', admdvs: '370811', institution_code: 'I1', total_amt: '-1550.00', fund_amt: '-1000.00', personal_amt: '-550.00', settled_date: '2027-02-20', reversal_of: 'S1' },
    ]);
  });

  it('enrolment: insutype 310 → employee, 390 → resident; 410 needs a scheme column; gend 0 and 9 are refused', async () => {
    expect(await rows(db, `select person_no, gender, birth_date, admdvs, scheme, cert_hash is not null as hashed from raw_enrolment order by 1`)).toEqual([
      { person_no: 'P1', gender: '1', birth_date: '1950-01-01', admdvs: '370811', scheme: 'employee', hashed: true },
      { person_no: 'P2', gender: '2', birth_date: '1951-01-01', admdvs: '370811', scheme: 'resident', hashed: false },
      { person_no: 'P6', gender: '2', birth_date: '1955-01-01', admdvs: '370811', scheme: 'resident', hashed: false },
    ]);
    const rejects = await rows(db, `select file, line, column_name, rule, message from load_rejects order by file, line`);
    expect(rejects.map((r) => [r.file, r.line, r.column_name, r.rule])).toEqual([
      ['nhsa/enrolment.csv', '4', 'scheme', 'scheme_from_ltc_insutype'],
      ['nhsa/enrolment.csv', '5', 'gender', 'gender_unknown'],
      ['nhsa/enrolment.csv', '6', 'gender', 'gender_unknown'],
      ['nhsa/institution.csv', '7', 'grade', 'above_max'], // hosp_lv 12 is no level
    ]);
    expect(rejects[0].message).toMatch(/险种410（长期照护保险）不说明参保人是职工还是居民：请在文件中加一列 scheme/);
    const [ltc] = await rows(db, `select extra_columns from load_report where file = 'nhsa/enrolment-ltc.csv'`);
    expect(ltc.extra_columns).toEqual(['insutype']);
  });

  it('institution: fixmedins_code, fixmedins_name, hosp_lv 01–04 → 3, 05–07 → 2, 08–10 → 1, 11 → none', async () => {
    expect(await rows(db, `select institution_code, name, grade from raw_institution order by 1`)).toEqual([
      { institution_code: 'I1', name: '甲医院', grade: 3 },
      { institution_code: 'I2', name: '乙医院', grade: 2 },
      { institution_code: 'I3', name: '丙医院', grade: 1 },
      { institution_code: 'I4', name: '福利院', grade: null },
      { institution_code: 'I5', name: '丁医院', grade: 2 },
    ]);
  });
});

describe('ltci demo --headers platform', () => {
  const KEY = 'platform-test-key';
  let root: string;
  beforeAll(() => {
    root = tempDir();
    vi.stubEnv('LTCI_ID_KEY', KEY); // one key for both warehouses (cert_hash compared)
  });
  afterAll(() => void vi.unstubAllEnvs());

  async function demoWarehouse(headers: 'en' | 'platform'): Promise<string> {
    const out = join(root, `demo-${headers}`);
    await generateDemo({ out, scale: 'tiny', seed: 3, headers });
    const db = join(root, `${headers}.duckdb`);
    await ingestDeliveries(db, [out]);
    const build = await ltci('build', '--db', db);
    expect(build.code, build.err).toBe(0);
    return db;
  }

  /**
   * Every mart_* table and every raw table as sorted JSON rows (lineage left out: the mart_load_*
   * tables, which describe the loads themselves — their ids, times and file paths — not the data).
   */
  async function contents(db: string): Promise<Record<string, string[]>> {
    return withWarehouse(db, async ({ conn }) => {
      const tables = await queryRows(conn, `select table_name from information_schema.tables where (table_name like 'mart\\_%' escape '\\' and table_name not like 'mart\\_load\\_%' escape '\\') or table_name like 'raw\\_%' escape '\\' order by 1`);
      const out: Record<string, string[]> = {};
      for (const { table_name: t } of tables) {
        const columns = String(t).startsWith('raw_') ? '* exclude (load_id, source_file)' : '*';
        const rowsOf = await queryRows(conn, `select ${columns} from "${t}" order by all`);
        out[String(t)] = rowsOf.map((r) => JSON.stringify(r));
      }
      return out;
    }, { readOnly: true });
  }

  it('writes the platform\'s field names and codes, and loads to the same marts as the English headers', async () => {
    const en = await demoWarehouse('en');
    const platform = await demoWarehouse('platform');
    const header = (file: string) => readFileSync(join(root, 'demo-platform', file), 'utf8').split('\n')[0];
    expect(header('settlement.csv')).toBe('setl_id,psn_no,insuplc_admdvs,fixmedins_code,service_type,service_month,service_days,service_hours,visits,medfee_sumamt,eligible_amt,fund_pay_sumamt,psn_part_amt,setl_time,init_setl_id');
    expect(header('enrolment.csv')).toMatch(/^psn_no,certno,gend,brdy,insuplc_admdvs,insutype,/);
    expect(header('institution.csv')).toMatch(/^fixmedins_code,fixmedins_name,admdvs,category,hosp_lv,/);
    expect(readFileSync(join(root, 'demo-platform', 'enrolment.csv'), 'utf8')).toMatch(/,(310|390),/);
    const a = await contents(en);
    const b = await contents(platform);
    expect(Object.keys(a).filter((t) => t.startsWith('mart_')).length).toBeGreaterThanOrEqual(6);
    for (const t of Object.keys(a)) expect(b[t], t).toEqual(a[t]);
    expect(Object.keys(b)).toEqual(Object.keys(a));
  });
});
