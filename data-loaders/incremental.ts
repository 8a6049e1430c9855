// The incremental build: after a delivery that adds a month, `ltci build` recomputes the
// settlement chain (the four per-settlement intermediate models) for the settlements the new loads
// can have changed, instead of for every settlement in the warehouse. Every other model is rebuilt
// whole. Anything it cannot scope safely — the first build, a changed SQL file, policy catalog or
// config, a changed city-wide input, most settlements touched — gives a full build, and says why.
// docs/performance.md, "Adding a month", explains the scope and why it is complete.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { DuckDBConnection } from '@duckdb/node-api';
import { kindByName, storedName } from './contract/index.ts';
import { lit, queryRows } from './db.ts';
import type { Model } from './models.ts';

/**
 * Bump when the scoping below changes: a warehouse built by another version gets a full build.
 */
const INCREMENTAL_VERSION = '1';

/**
 * Models maintained row by row in an incremental build, and their key: the rows the scoped run writes
 * replace the rows of the same key (every in-scope settlement, and every event of an in-scope
 * settlement or person, is written again; ingest never removes a key).
 */
export const INCREMENTAL_MODELS: Readonly<Record<string, readonly string[]>> = {
  int_person_events_schemed: ['event_kind', 'event_id'],
  int_eligibility_checked: ['settlement_id'],
  int_settlements_schemed: ['settlement_id'],
  int_settlement_priced: ['settlement_id'],
};

/**
 * What an incremental model reads, narrowed to the scope for the length of its statement (a TEMP
 * view of the same name shadows the warehouse's). Every row an in-scope settlement's result depends
 * on stays visible: the person's whole enrolment, assessment and visit history, and the
 * settlements it is linked to (reversals, duplicate groups), which the scope is closed under.
 */
export const SCOPED_SOURCES: Readonly<Record<string, string>> = {
  stg_settlement: 'settlement_id in (select settlement_id from __scope_settlement)',
  stg_enrolment: 'person_no in (select person_no from __scope_person)',
  stg_assessment: 'person_no in (select person_no from __scope_person)',
  stg_visit: 'person_no in (select person_no from __scope_person)',
  int_person_events_schemed: "event_kind = 'settlement' and event_id in (select settlement_id from __scope_settlement)",
  int_eligibility_checked: 'settlement_id in (select settlement_id from __scope_settlement)',
};

/**
 * What an incremental model reads whole, and why that is safe. A model that starts reading
 * anything else gets full builds until it is listed here or in SCOPED_SOURCES.
 */
export const WHOLE_SOURCES: Readonly<Record<string, string>> = {
  stg_institution: 'the settlements at an institution a new load delivers are in scope',
  int_visit_cities: 'city-wide, kept from the last build: when it changed, the model reading it is built whole',
};

/** City-wide models whose last output is kept when the plan is made, to tell whether they changed. */
const SNAPSHOT_MODELS = ['int_visit_cities'] as const;

/** Above this share of the warehouse's settlements a full build is as quick. */
const MAX_SCOPE_SHARE = 0.5;

export type BuildPlan =
  | { mode: 'full'; reason: string; fingerprint: string }
  | {
      mode: 'incremental';
      fingerprint: string;
      newLoads: number;
      settlements: number;
      persons: number;
      totalSettlements: number;
    };

/**
 * What the models' output depends on besides the raw tables: the SQL files, the policy catalog,
 * the config and reference tables (hashed by content), and this file's version.
 */
export async function buildFingerprint(conn: DuckDBConnection, models: Model[], macroPaths: string[]): Promise<string> {
  const h = createHash('sha256');
  h.update(`incremental v${INCREMENTAL_VERSION}\n`);
  for (const path of [...macroPaths, ...models.map((m) => m.path)]) {
    h.update(path.replace(/^.*\/sql\//, 'sql/'));
    h.update(readFileSync(path));
  }
  const tables = await queryRows(conn, `select table_name from information_schema.tables
where table_schema = 'main' and table_catalog = current_database() and table_type = 'BASE TABLE'
    and regexp_matches(table_name, '^(policy|cfg|ref)_')
order by table_name`);
  for (const { table_name } of tables) {
    const name = String(table_name);
    const [row] = await queryRows(conn, `select count(*)::bigint as n, md5(coalesce(string_agg(t::varchar, chr(10) order by t::varchar), '')) as h from ${name} as t`);
    h.update(`${name} ${row.n} ${row.h}\n`);
  }
  return h.digest('hex');
}

const STATE_DDL = [
  'create table if not exists build_state (fingerprint VARCHAR, mode VARCHAR, built_at TIMESTAMP)',
  'create table if not exists build_loads (load_id VARCHAR)',
];

async function tableExists(conn: DuckDBConnection, name: string): Promise<boolean> {
  const rows = await queryRows(conn, `select 1 from information_schema.tables
where table_schema = 'main' and table_catalog = current_database() and table_name = ${lit(name)}`);
  return rows.length > 0;
}

const num = (v: unknown) => Number(v);

const fullPlan = (fingerprint: string, reason: string): BuildPlan => ({ mode: 'full', reason, fingerprint });

/**
 * The warehouse's own `name`, qualified by catalog: what a TEMP view of the same name reads without
 * reading itself.
 */
async function warehouseName(conn: DuckDBConnection, name: string): Promise<string> {
  const [{ db }] = await queryRows(conn, 'select current_database() as db');
  return `"${String(db).replaceAll('"', '""')}".main.${name}`;
}

/**
 * Decide between a full and an incremental build. For an incremental one, leaves the scope in
 * TEMP tables __scope_settlement (settlement_id) and __scope_person (person_no).
 */
export async function planBuild(
  conn: DuckDBConnection,
  models: Model[],
  { fingerprint, full = false }: { fingerprint: string; full?: boolean },
): Promise<BuildPlan> {
  const fullBuild = (reason: string) => fullPlan(fingerprint, reason);
  if (full) return fullBuild('asked for (--full)');
  if (!(await tableExists(conn, 'build_state'))) return fullBuild('the warehouse has no earlier build');
  const [state] = await queryRows(conn, 'select fingerprint from build_state');
  if (!state) return fullBuild('the warehouse has no earlier build');
  if (!(await tableExists(conn, 'load_replaced'))) return fullBuild('the warehouse was loaded by an earlier version (no load_replaced table)');
  if (state.fingerprint !== fingerprint) return fullBuild('the SQL models, the policy catalog or the config changed since the last build');
  for (const m of models) {
    if (m.materialize === 'table' && !(await tableExists(conn, m.name))) return fullBuild(`model ${m.name} has no output yet`);
  }
  for (const m of models.filter((x) => x.name in INCREMENTAL_MODELS)) {
    const unsure = m.dependsOn.filter((d) => !(d in SCOPED_SOURCES) && !(d in WHOLE_SOURCES));
    if (unsure.length) return fullBuild(`${m.name} reads ${unsure.join(', ')}, which the incremental build does not scope`);
  }

  try {
    return await planScope(conn, fingerprint);
  } catch (err) {
    // e.g. a raw table that no longer fits the staging views: the full build names the model that fails
    return fullBuild(`the incremental scope could not be computed (${(err as Error).message.split('\n')[0]})`);
  }
}

async function planScope(conn: DuckDBConnection, fingerprint: string): Promise<BuildPlan> {
  await conn.run(`create or replace temp table __new_load as
select distinct load_id from load_report
where load_id not in (select load_id from build_loads)`);
  const newLoads = num((await queryRows(conn, 'select count(*) as n from __new_load'))[0].n);
  const isNew = (t: string) => `(select * from ${t} where load_id in (select load_id from __new_load))`;

  // Persons whose every settlement is recomputed: a new or corrected enrolment or assessment row
  // (the spells, schemes and assessments their settlements are checked against), and the old person
  // of any row a load replaced (it may have left a duplicate group, a reversal or a month's hours).
  await conn.run(`create or replace temp table __scope_person_all as
select person_no from ${isNew('stg_enrolment')}
union
select person_no from ${isNew('stg_assessment')}
union
select person_no from load_replaced where load_id in (select load_id from __new_load)`);
  // Settlements: new or corrected ones, those of the persons above, those whose person, institution
  // and month have new visits (the recorded hours), those at an institution a load delivered.
  await conn.run(`create or replace temp table __scope_settlement as
select settlement_id from ${isNew('stg_settlement')}
union
select settlement_id from stg_settlement
where person_no in (select person_no from __scope_person_all)
union
select settlements.settlement_id
from stg_settlement as settlements
inner join (select distinct person_no, institution_code, service_month from ${isNew('stg_visit')}) as visits
    on visits.person_no = settlements.person_no
    and visits.institution_code = settlements.institution_code
    and visits.service_month = settlements.service_month
union
select settlement_id from stg_settlement
where institution_code in (select institution_code from ${isNew('stg_institution')})`);
  // Closed under what links one settlement's result to another's: a reversal and what it
  // reverses, and the settlements of the same duplicate group (person, city, service type, month).
  for (;;) {
    const added = await conn.run(`insert into __scope_settlement
select settlement_id from (
    select settlement_id from stg_settlement
    where reversal_of in (select settlement_id from __scope_settlement)
    union
    select originals.settlement_id
    from stg_settlement as reversals
    inner join stg_settlement as originals
        on originals.settlement_id = reversals.reversal_of
    where reversals.settlement_id in (select settlement_id from __scope_settlement)
    union
    select settlements.settlement_id
    from stg_settlement as settlements
    inner join (
        select distinct person_no, city, service_type, service_month
        from stg_settlement
        where settlement_id in (select settlement_id from __scope_settlement)
    ) as groups
        on groups.person_no is not distinct from settlements.person_no
        and groups.city is not distinct from settlements.city
        and groups.service_type is not distinct from settlements.service_type
        and groups.service_month is not distinct from settlements.service_month
)
where settlement_id not in (select settlement_id from __scope_settlement)`);
    if (!added.rowsChanged) break;
  }
  await conn.run(`create or replace temp table __scope_person as
select person_no from __scope_person_all
union
select person_no from stg_settlement where settlement_id in (select settlement_id from __scope_settlement)`);
  const [sizes] = await queryRows(conn, `select
    (select count(*) from __scope_settlement) as settlements,
    (select count(*) from __scope_person) as persons,
    (select count(*) from stg_settlement) as total`);
  const settlements = num(sizes.settlements);
  const totalSettlements = num(sizes.total);
  if (settlements > MAX_SCOPE_SHARE * totalSettlements && settlements > 1000) {
    return fullPlan(fingerprint, `the new loads touch ${settlements} of ${totalSettlements} settlements (${Math.round((100 * settlements) / totalSettlements)} %): a full build is as quick`);
  }

  // City-wide inputs of the incremental models, as the last build left them (see wholeInputChanged).
  for (const name of SNAPSHOT_MODELS) {
    await conn.run(`create or replace temp table __last_${name} as select * from main.${name}`);
  }
  return { mode: 'incremental', fingerprint, newLoads, settlements, persons: num(sizes.persons), totalSettlements };
}

/**
 * The city-wide input of `m` (SNAPSHOT_MODELS) that differs from what the last build left, if any:
 * then `m` is built whole in this build.
 */
export async function wholeInputChanged(conn: DuckDBConnection, m: Model): Promise<string | undefined> {
  for (const name of SNAPSHOT_MODELS.filter((n) => m.dependsOn.includes(n))) {
    const [diff] = await queryRows(conn, `select
    (select count(*) from (select * from main.${name} except all select * from __last_${name})) as a,
    (select count(*) from (select * from __last_${name} except all select * from main.${name})) as b`);
    if (num(diff.a) || num(diff.b)) return name;
  }
  return undefined;
}

/**
 * Rebuild one incremental model for the scope: its sources shadowed, its output for the scope's
 * keys deleted and inserted again. Returns the number of rows written.
 */
export async function runScoped(conn: DuckDBConnection, m: Model): Promise<number> {
  const key = INCREMENTAL_MODELS[m.name];
  const shadows = m.dependsOn.filter((d) => d in SCOPED_SOURCES);
  try {
    for (const d of shadows) {
      await conn.run(`create or replace temp view ${d} as select * from ${await warehouseName(conn, d)} where ${SCOPED_SOURCES[d]}`);
    }
    await conn.run(`create or replace temp table __scoped as\n${m.sql}`);
  } finally {
    for (const d of shadows) await conn.run(`drop view if exists temp.main.${d}`);
  }
  await conn.run(`delete from main.${m.name} as t
using (select distinct ${key.join(', ')} from __scoped) as s
where ${key.map((k) => `t.${k} = s.${k}`).join(' and ')}`);
  await conn.run(`insert into main.${m.name} by name select * from __scoped`);
  const n = num((await queryRows(conn, 'select count(*) as n from __scoped'))[0].n);
  await conn.run('drop table __scoped');
  return n;
}

/**
 * For the key test of a staging view (`stg_<kind>__key_unique_not_null`), shadow the view with the
 * rows whose key a new load wrote, and return the view's name. The keys were unique and not null at
 * the last build, and ingest only adds or replaces rows, so any repeat or null now has a row of a new
 * load among its rows. Other tests run on whole tables (undefined).
 */
export async function scopeKeyTest(conn: DuckDBConnection, test: string): Promise<string | undefined> {
  const m = test.match(/^(stg_(\w+?))__key_unique_not_null$/);
  const kind = m && kindByName(m[2]);
  if (!m || !kind) return undefined;
  const view = m[1];
  const keys = kind.key.map((k) => storedName(kind.columns.find((c) => c.name === k)!));
  const main = await warehouseName(conn, view);
  await conn.run(`create or replace temp view ${view} as
select rows.* from ${main} as rows
semi join (select distinct ${keys.join(', ')} from ${main} where load_id in (select load_id from __new_load)) as new_keys
    on ${keys.map((k) => `rows.${k} is not distinct from new_keys.${k}`).join(' and ')}`);
  return view;
}

/** Record what the warehouse's models now reflect: the fingerprint and every load so far. */
export async function recordBuild(conn: DuckDBConnection, plan: BuildPlan): Promise<void> {
  for (const ddl of STATE_DDL) await conn.run(ddl);
  await conn.run('delete from build_state');
  await conn.run(`insert into build_state values (${lit(plan.fingerprint)}, ${lit(plan.mode)}, now()::timestamp)`);
  await conn.run('delete from build_loads');
  await conn.run('insert into build_loads select distinct load_id from load_report');
}

/** One line for the build's log. */
export function describePlan(plan: BuildPlan): string {
  if (plan.mode === 'full') return `full build: ${plan.reason}`;
  const share = plan.totalSettlements ? ((100 * plan.settlements) / plan.totalSettlements).toFixed(1) : '0';
  return `incremental build: ${plan.newLoads} new load(s); the settlement chain for ${plan.settlements} of ${plan.totalSettlements} settlements (${share} %), ${plan.persons} persons; every other model whole`;
}
