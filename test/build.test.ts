// ltci build builds every model, whole, and is all or nothing: a model that fails or a data test
// that finds rows leaves the warehouse with its previous build — no mart replaced, no policy table
// rewritten.
import { execFileSync } from 'node:child_process';
import { copyFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../data-loaders/cli.ts';
import { discoverModels } from '../data-loaders/models.ts';
import { REPO, sharedWarehouse } from './support/demoWarehouse.ts';

const wh = sharedWarehouse('ltci-build-');
afterAll(() => rmSync(wh.tmp, { recursive: true, force: true }));

async function withDb<T>(db: string, fn: (q: (sql: string) => Promise<unknown[][]>) => Promise<T>): Promise<T> {
  const instance = await DuckDBInstance.create(db);
  const conn = await instance.connect();
  try {
    return await fn(async (sql) => (await conn.runAndReadAll(sql)).getRows());
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}

/** A fingerprint of what the dashboards read: every mart's rows, and the policy tables. */
const STATE = `select
    (select count(*) from mart_fund_monthly) as fund_rows,
    (select sum(income_total)::varchar from mart_fund_monthly) as income,
    (select count(*) from mart_audit_findings) as findings,
    (select count(*) from policy_source) as sources,
    (select count(*) from information_schema.tables where table_name = 'mart_city_comparison') as comparison`;

async function runBuild(db: string): Promise<{ code: number; errors: string }> {
  const errors: string[] = [];
  const [log, err] = [console.log, console.error];
  console.log = () => {};
  console.error = (...a: unknown[]) => errors.push(a.join(' '));
  try {
    return { code: await main(['build', '--db', db]), errors: errors.join('\n') };
  } finally {
    [console.log, console.error] = [log, err];
  }
}

describe('ltci build, one path', () => {
  it('leaves no record of earlier builds or of replaced rows in a fresh warehouse', async () => {
    // the shared warehouse is a fresh one after `ltci ingest` + `ltci build` (test/globalSetup.ts)
    const tables = await withDb(wh.db, (q) => q(`select table_name from information_schema.tables
        where table_schema = 'main' and table_name in ('load_replaced', 'replaced_enrolment', 'build_state', 'build_loads', 'load_report')
        order by 1`));
    // load_report stays: ingest's own record (rows read = loaded + rejected, rows replaced)
    expect(tables.map(([t]) => t)).toEqual(['load_report']);
  });

  it('builds every model whole from the raw tables as they are, whichever loads wrote them', async () => {
    const db = join(wh.tmp, 'again.duckdb');
    copyFileSync(wh.db, db);
    // one settlement changed with no new load (load_report unchanged): a build that planned its
    // work from the new loads would keep the old figure; every model is built from the raw rows
    const id = await withDb(db, async (q) => {
      const [[settlementId]] = await q(`select settlement_id from raw_settlement where reversal_of is null and fund_amt > 0 order by settlement_id limit 1`);
      await q(`update raw_settlement set fund_amt = fund_amt + 1, personal_amt = personal_amt - 1 where settlement_id = '${settlementId}'`);
      return String(settlementId);
    });
    const lines: string[] = [];
    const log = console.log;
    console.log = (...a: unknown[]) => lines.push(a.join(' '));
    try {
      expect(await main(['build', '--db', db])).toBe(0);
    } finally {
      console.log = log;
    }
    // one line per model of sql/, in layer order, each with its rows: nothing kept from the last build
    const built = lines.map((l) => /^\s+(?:staging|intermediate|marts)\s+(\S+)\s+\d+ rows/.exec(l)?.[1]).filter(Boolean);
    expect(built).toEqual(discoverModels().map((m) => m.name));
    const [[priced, raw]] = await withDb(db, (q) => q(`select
        (select fund_amt from int_settlement_priced where settlement_id = '${id}'),
        (select fund_amt from raw_settlement where settlement_id = '${id}')`));
    expect(priced).toEqual(raw);
  }, 120_000);
});

describe('ltci build on a warehouse last ingested under an older contract', () => {
  it('creates a missing raw table of the contract empty, and the audit lists its clauses as not checked', async () => {
    const db = join(wh.tmp, 'old.duckdb');
    copyFileSync(wh.db, db);
    // before the optional kind inpatient existed: no raw_inpatient (nor the view on it); a work-injury
    // allowance in Lianyungang, for contrast: that clause is checked
    await withDb(db, async (q) => {
      await q('drop view stg_inpatient');
      await q('drop table raw_inpatient');
      await q(`insert into raw_work_injury (record_id, person_no, admdvs, allowance_from, load_id) values ('W-OLD', 'P-OLD', '320706', date '2027-01-01', 'L-old')`);
    });
    const { code, errors } = await runBuild(db);
    expect(errors).toBe('');
    expect(code).toBe(0);
    const [[rows, clauses, checked, lygChecked]] = await withDb(db, (q) => q(`select
        (select count(*) from raw_inpatient),
        (select count(*) from mart_audit_checks where data_kind = 'inpatient'),
        (select count(*) filter (where is_checked) from mart_audit_checks where data_kind = 'inpatient'),
        (select bool_and(is_checked) from mart_audit_checks where data_kind = 'work_injury' and city = '320700')`));
    expect([rows, checked, lygChecked]).toEqual([0n, 0n, true]);
    // 淮安 and 济宁 exclude inpatient days
    expect(clauses).toBe(2n);
    // 方法说明 reads this loader: each inpatient clause not checked, so the page says 未核查（缺少数据：…）
    const out = JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', 'src/data/audit-checks.json.ts'], {
      cwd: REPO, env: { ...process.env, LTCI_DB: db }, encoding: 'utf8',
    })) as { checks: { data_kind: string; is_checked: boolean; clause: string | null }[] };
    const inpatient = out.checks.filter((c) => c.data_kind === 'inpatient');
    expect(inpatient.length).toBe(Number(clauses));
    expect(inpatient.every((c) => !c.is_checked && c.clause)).toBe(true);
  }, 120_000);

  it('drops the tables an older version wrote (the incremental build, replaced rows)', async () => {
    const db = join(wh.tmp, 'older.duckdb');
    copyFileSync(wh.db, db);
    await withDb(db, async (q) => {
      await q(`create table load_replaced (load_id varchar, person_no varchar)`);
      await q(`insert into load_replaced values ('L-old', 'hash-of-a-corrected-person')`);
      await q(`create table build_state (k varchar, v varchar)`);
    });
    const { code } = await runBuild(db);
    expect(code).toBe(0);
    const left = await withDb(db, (q) => q(`select table_name from information_schema.tables
        where table_name in ('load_replaced', 'replaced_enrolment', 'build_state', 'build_loads')`));
    expect(left).toEqual([]);
  }, 120_000);
});

describe('ltci build, all or nothing', () => {
  it('keeps the previous build when a data test finds rows', async () => {
    const db = join(wh.tmp, 'dup.duckdb');
    copyFileSync(wh.db, db);
    const before = await withDb(db, async (q) => {
      const state = await q(STATE);
      // a second copy of one settlement, as a faulty load would write it: stg_settlement__key_unique_not_null
      // must fail, and the marts built from it would count the settlement twice
      await q(`insert into load_report (load_id, file, kind, rows_read, rows_loaded, rows_rejected, rows_replaced, rows_unchanged, loaded_at)
        values ('L-faulty', 'faulty/settlement.csv', 'settlement', 1, 1, 0, 0, 0, now()::timestamp)`);
      await q(`insert into raw_settlement select * replace ('L-faulty' as load_id) from raw_settlement where reversal_of is null limit 1`);
      await q('delete from policy_source where true');
      return state;
    });
    const { code, errors } = await runBuild(db);
    expect(code).toBe(1);
    expect(errors).toMatch(/data test failed: stg_settlement__key_unique_not_null/);
    expect(errors).toMatch(/nothing of this build was kept/);
    // the marts are those of the previous build; the policy catalog was not rewritten either
    const after = await withDb(db, (q) => q(STATE));
    expect(after[0].slice(0, 3)).toEqual(before[0].slice(0, 3));
    expect(after[0][3]).toBe(0n);
  }, 120_000);

  it('keeps the previous build when a model fails, and says which', async () => {
    const db = join(wh.tmp, 'broken.duckdb');
    copyFileSync(wh.db, db);
    const before = await withDb(db, async (q) => {
      const state = await q(STATE);
      await q('alter table raw_visit drop column check_out');
      // the catalog is rewritten before the models run: kept only if the whole build is
      await q('delete from policy_source where true');
      return state;
    });
    await expect(main(['build', '--db', db])).rejects.toThrow(/model stg_visit .*check_out[\s\S]*nothing of this build was kept/);
    const after = await withDb(db, (q) => q(STATE));
    expect(after[0].slice(0, 3)).toEqual(before[0].slice(0, 3));
    expect(after[0][3]).toBe(0n);
    expect(before[0][3]).toBeGreaterThan(300n);
  }, 120_000);
});
