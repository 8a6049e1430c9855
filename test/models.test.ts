// runModels: a model whose .sql file is removed leaves no stale output behind; other tables stay.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, expect, it } from 'vitest';
import { runModels } from '../data-loaders/models.ts';

const dir = mkdtempSync(join(tmpdir(), 'ltci-models-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('drops the table or view of a model that no longer exists, and nothing else', async () => {
  for (const layer of ['staging', 'intermediate', 'marts']) mkdirSync(join(dir, layer));
  writeFileSync(join(dir, 'staging', 'stg_thing.sql'), 'select * from raw_thing');
  writeFileSync(join(dir, 'intermediate', 'int_thing_doubled.sql'), 'select n * 2 as n from stg_thing');
  writeFileSync(join(dir, 'marts', 'mart_thing.sql'), 'select sum(n) as total from int_thing_doubled');
  writeFileSync(join(dir, 'marts', 'mart_old.sql'), 'select count(*) as n from stg_thing');
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  const tables = async () => (await conn.runAndReadAll("select table_name from information_schema.tables where table_schema = 'main' order by 1")).getRows().map((r) => String(r[0]));
  try {
    await conn.run('create table raw_thing as select * from range(3) t(n); create table load_report (x integer); create table int_notes (x integer)');
    const first: string[] = [];
    await runModels(conn, { sqlDir: dir, progress: (l) => first.push(l) });
    // int_notes has no model: any stg_/int_/mart_ name is the models' to manage
    expect(await tables()).toEqual(['int_thing_doubled', 'load_report', 'mart_old', 'mart_thing', 'raw_thing', 'stg_thing']);
    expect(first.filter((l) => l.includes('dropped')).map((l) => l.trim().split(/\s+/)[1])).toEqual(['int_notes']);

    rmSync(join(dir, 'marts', 'mart_old.sql'));
    rmSync(join(dir, 'staging', 'stg_thing.sql'));
    writeFileSync(join(dir, 'intermediate', 'int_thing_doubled.sql'), 'select n * 2 as n from raw_thing');
    const lines: string[] = [];
    await runModels(conn, { sqlDir: dir, progress: (l) => lines.push(l) });
    expect(await tables()).toEqual(['int_thing_doubled', 'load_report', 'mart_thing', 'raw_thing']);
    expect(lines.filter((l) => l.includes('dropped')).map((l) => l.trim().split(/\s+/)[1]).sort()).toEqual(['mart_old', 'stg_thing']);
    expect((await conn.runAndReadAll('select total from mart_thing')).getRows()[0][0]).toBe(6n);
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
});
