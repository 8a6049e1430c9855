// A later --end extends an earlier delivery (docs/demo.md): the same institutions, the same
// settlements and visits of the months both hold. The bench's month (docs/performance.md) is the
// difference between two deliveries, so anything the generator redraws with --end would make it
// look like a correction of the whole history.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../data-loaders/db.ts';
import { generateDemo } from '../../data-loaders/demo/index.ts';

const root = mkdtempSync(join(tmpdir(), 'ltci-demo-extends-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

// the small scale at a fifth of its population: enough institutions per area and category that a
// redraw shows (the tiny scale has the minimum of two nearly everywhere)
const FACTOR = 0.5;
const earlier = join(root, 'to-2023-12');
const later = join(root, 'to-2024-06');

describe('ltci demo: a later --end extends an earlier delivery', () => {
  let instance: DuckDBInstance;
  let conn: Awaited<ReturnType<DuckDBInstance['connect']>>;
  const rows = (sql: string) => queryRows(conn, sql);

  beforeAll(async () => {
    await generateDemo({ out: earlier, scale: 'small', factor: FACTOR, end: '2023-12', seed: 1 });
    await generateDemo({ out: later, scale: 'small', factor: FACTOR, end: '2024-06', seed: 1 });
    instance = await DuckDBInstance.create(':memory:');
    conn = await instance.connect();
    const csv = (dir: string, file: string) => `read_csv('${join(dir, file)}', all_varchar = true, header = true)`;
    for (const [name, dir] of [['a', earlier], ['b', later]]) {
      await conn.run(`
create view ${name}_inst as select * from ${csv(dir, 'institution.csv')};
create view ${name}_settlement as select * from ${csv(dir, 'settlement.csv')};
create view ${name}_visit as select * from ${csv(dir, 'visit.csv')};
create view ${name}_key as select * from ${csv(dir, 'answer-key.csv')};`);
    }
    // planted anomalies are drawn per delivery (docs/demo.md): left out of the comparison
    await conn.run(`
create view planted as select settlement_id from a_key union select settlement_id from b_key;
create view planted_care as
select person_no, institution_code, service_month from a_settlement where settlement_id in (select * from planted)
union
select person_no, institution_code, service_month from b_settlement where settlement_id in (select * from planted);`);
  }, 120_000);
  afterAll(() => {
    conn?.closeSync();
    instance?.closeSync();
  });

  it('keeps every institution: code, name, area, category, grade, designation date and beds', async () => {
    const [n] = await rows(`select count(*)::INTEGER as n from a_inst where substr(institution_code, 8, 1) <> '9'`);
    expect(n.n).toBeGreaterThan(30);
    // the anomalies' copies (P + area + 9nnn) are drawn per delivery
    const changed = await rows(`
select institution_code from (
    select * exclude (designated_to) from a_inst where substr(institution_code, 8, 1) <> '9'
    except
    select * exclude (designated_to) from b_inst
)`);
    expect(changed).toEqual([]);
    // an agreement's end appears once it has passed, and never moves
    const ends = await rows(`
select a.institution_code, a.designated_to as a_to, b.designated_to as b_to
from a_inst as a join b_inst as b using (institution_code)
where a.designated_to is distinct from b.designated_to
    and substr(a.institution_code, 8, 1) <> '9'
    and not (a.designated_to is null and b.designated_to > '2023-12-31')`);
    expect(ends).toEqual([]);
    // the only new ones were designated after the earlier end, except in a program younger than a
    // year, whose institutions still follow its first beneficiaries: Huai'an (3208…), from 2023-10
    const added = await rows(`
select institution_code, designated_from from b_inst
where substr(institution_code, 8, 1) <> '9' and institution_code not in (select institution_code from a_inst)
    and designated_from <= '2023-12-31' and substr(institution_code, 2, 4) <> '3208'`);
    const [young] = await rows(`select count(*)::INTEGER as n from b_inst where substr(institution_code, 2, 4) = '3208'`);
    expect(young.n).toBeGreaterThan(0);
    expect(added).toEqual([]);
  });

  it('keeps the settlements and visits of the months both deliveries hold complete', async () => {
    // up to three months before the earlier end: every settlement and correction of those months is
    // settled by then (a few reversals of the last months come later, as in a real extract)
    const [a] = await rows(`select count(*)::INTEGER as n from a_settlement where service_month <= '2023-09'`);
    expect(a.n).toBeGreaterThan(10_000);
    const clean = (side: string) => `
select * from ${side}_settlement
where service_month <= '2023-09'
    and settlement_id not in (select * from planted)
    and coalesce(reversal_of, '') not in (select * from planted)`;
    const onlyEarlier = await rows(`select settlement_id from (${clean('a')} except all ${clean('b')}) limit 5`);
    const onlyLater = await rows(`select settlement_id from (${clean('b')} except all ${clean('a')}) limit 5`);
    expect(onlyEarlier).toEqual([]);
    expect(onlyLater).toEqual([]);

    const visits = (side: string) => `
select * from ${side}_visit as v
where check_in < '2023-10'
    and not exists (
        select 1 from planted_care as p
        where p.person_no = v.person_no and p.institution_code = v.institution_code and p.service_month = substr(v.check_in, 1, 7)
    )`;
    const [v] = await rows(`select count(*)::INTEGER as n from (${visits('a')})`);
    expect(v.n).toBeGreaterThan(30_000);
    const [d] = await rows(`
select
    (select count(*) from (${visits('a')} except all ${visits('b')}))::INTEGER as only_earlier,
    (select count(*) from (${visits('b')} except all ${visits('a')}))::INTEGER as only_later`);
    expect(d).toEqual({ only_earlier: 0, only_later: 0 });
  });
});
