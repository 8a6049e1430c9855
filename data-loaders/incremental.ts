// The incremental build: after a delivery that adds a month, `ltci build` recomputes the
// settlement chain (the four per-settlement intermediate models) for the settlements the new loads
// can have changed, instead of for every settlement in the warehouse, and keeps the participant and
// financing counts (ADDITIVE_MODELS) by difference for the persons whose enrolment rows the loads
// wrote. Every other model is rebuilt whole. Anything it cannot scope safely — the first build, a
// changed SQL file, policy catalog or config, a changed city-wide input, most settlements touched —
// gives a full build (or builds the model concerned whole), and says why.
// docs/performance.md, "Adding a month", explains the scope and why it is complete.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { DuckDBConnection } from '@duckdb/node-api';
import { kindByName, storedName } from './contract/index.ts';
import { lit, queryRows } from './db.ts';
import type { Model } from './models.ts';
import { describeStored, storedOverShare, type StoredRows } from './storage.ts';

/**
 * Bump when the scoping below changes: a warehouse built by another version gets a full build.
 */
const INCREMENTAL_VERSION = '2';

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
 * Models that count or add up enrolment rows per person, kept by difference in an incremental build:
 * the counts of the persons the new loads touched (__delta_person), as the last build saw them, are
 * subtracted, and their counts now added. Each person's rows give their own share of every group
 * (the models group by person before they count), so the result is what a full count gives. `key`:
 * the model's grain; `measures`: what is added, the first one a count (a group whose count falls to 0
 * is gone, as in a full count).
 */
export const ADDITIVE_MODELS: Readonly<Record<string, { key: readonly string[]; measures: readonly string[] }>> = {
  int_participants_counted: { key: ['city', 'year', 'scheme_mask', 'contributed'], measures: ['persons'] },
  int_district_participants_counted: { key: ['city', 'admdvs', 'year', 'scheme_mask'], measures: ['persons'] },
  int_financing_summed: { key: ['city', 'scheme', 'year'], measures: ['financed_persons', 'financing_total'] },
  int_contributions_summed: {
    key: ['city', 'admdvs', 'scheme', 'flow_date', 'flow_month'],
    measures: [
      'enrolment_rows',
      ...['individual', 'medical_fund', 'fiscal', 'employer', 'other'].flatMap((c) => [`income_${c}`, `income_${c}_rows`]),
    ],
  },
};

/** What an additive model counts per person: read for the persons of __delta_person only, twice. */
const ADDITIVE_SOURCE = 'stg_enrolment';

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
  stg_inpatient: 'person_no in (select person_no from __scope_person)',
  stg_work_injury: 'person_no in (select person_no from __scope_person)',
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

/**
 * City-wide models whose last output (the columns given) is kept when the plan is made, to tell
 * whether they changed: a model reading one that changed is built whole. The additive models read
 * only these besides their enrolment rows (the period's last year caps the years a coverage counts
 * in; the scheme bits are what their masks are made of).
 */
const SNAPSHOTS: Readonly<Record<string, string>> = {
  int_visit_cities: '*',
  int_scheme_bits: '*',
  int_extract_period_bounded: 'last_year',
};

/** Above this share of the warehouse's settlements a full build is as quick. */
const MAX_SCOPE_SHARE = 0.5;

/** Above this share of the enrolment rows written by the new loads, the counts are made whole. */
const MAX_DELTA_SHARE = 0.5;

export type BuildPlan =
  | { mode: 'full'; reason: string; fingerprint: string }
  | {
      mode: 'incremental';
      fingerprint: string;
      newLoads: number;
      settlements: number;
      persons: number;
      totalSettlements: number;
      /** Persons whose enrolment counts are replaced in the additive models. */
      deltaPersons: number;
      /** Why the additive models are counted whole in this build, if they are. */
      countsWhole?: string;
      /** Chain tables written anew in this build (storage.ts, MAX_DEAD_SHARE), with their stored and live rows. */
      rewrite: Record<string, StoredRows>;
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
  if (!(await tableExists(conn, 'replaced_enrolment'))) return fullBuild('the warehouse was loaded by an earlier version (no replaced_enrolment table)');
  if (state.fingerprint !== fingerprint) return fullBuild('the SQL models, the policy catalog or the config changed since the last build');
  for (const m of models) {
    if (m.materialize === 'table' && !(await tableExists(conn, m.name))) return fullBuild(`model ${m.name} has no output yet`);
  }
  for (const m of models.filter((x) => x.name in INCREMENTAL_MODELS)) {
    const unsure = m.dependsOn.filter((d) => !(d in SCOPED_SOURCES) && !(d in WHOLE_SOURCES));
    if (unsure.length) return fullBuild(`${m.name} reads ${unsure.join(', ')}, which the incremental build does not scope`);
  }
  for (const m of models.filter((x) => x.name in ADDITIVE_MODELS)) {
    const unsure = m.dependsOn.filter((d) => d !== ADDITIVE_SOURCE && !(d in SNAPSHOTS));
    if (unsure.length) return fullBuild(`${m.name} reads ${unsure.join(', ')}, which its counts by difference do not follow`);
  }

  try {
    return await planScope(conn, fingerprint, models);
  } catch (err) {
    // e.g. a raw table that no longer fits the staging views: the full build names the model that fails
    return fullBuild(`the incremental scope could not be computed (${(err as Error).message.split('\n')[0]})`);
  }
}

async function planScope(conn: DuckDBConnection, fingerprint: string, models: Model[]): Promise<BuildPlan> {
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
select person_no from ${isNew('stg_inpatient')}
union
select person_no from ${isNew('stg_work_injury')}
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
  // reverses, and the settlements of the same person, city and month (duplicates, days_overlap).
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
        select distinct person_no, city, service_month
        from stg_settlement
        where settlement_id in (select settlement_id from __scope_settlement)
    ) as groups
        on groups.person_no is not distinct from settlements.person_no
        and groups.city is not distinct from settlements.city
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
  // an incremental build does not vacuum (storage.ts): a chain table that keeps too many replaced rows is written anew
  const rewrite = await storedOverShare(conn, Object.keys(INCREMENTAL_MODELS));

  // The persons whose enrolment counts change: rows a new load wrote or replaced (the key holds the
  // person, so a replaced row's person is the new row's).
  await conn.run(`create or replace temp table __delta_person as
select person_no from main.raw_enrolment where load_id in (select load_id from __new_load)
union
select person_no from main.replaced_enrolment where replaced_by_load in (select load_id from __new_load)`);
  const deltaPersons = num((await queryRows(conn, 'select count(*) as n from __delta_person'))[0].n);
  // a new contribution year for everyone: reading their rows twice would cost more than counting all
  const [rows] = await queryRows(conn, `select
    (select count(*) from main.raw_enrolment where load_id in (select load_id from __new_load)) as written,
    (select count(*) from main.raw_enrolment) as total`);
  const countsWhole = num(rows.written) > MAX_DELTA_SHARE * num(rows.total) && num(rows.written) > 1000
    ? `the new loads wrote ${num(rows.written)} of ${num(rows.total)} enrolment rows`
    : undefined;
  if (!countsWhole) await deltaRows(conn, models);

  // City-wide inputs of the incremental models, as the last build left them (see wholeInputChanged).
  for (const [name, columns] of Object.entries(SNAPSHOTS)) {
    await conn.run(`create or replace temp table __last_${name} as select ${columns} from main.${name}`);
  }
  return { mode: 'incremental', fingerprint, newLoads, settlements, persons: num(sizes.persons), totalSettlements, deltaPersons, countsWhole, rewrite };
}

/**
 * The city-wide input of `m` (SNAPSHOT_MODELS) that differs from what the last build left, if any:
 * then `m` is built whole in this build.
 */
export async function wholeInputChanged(conn: DuckDBConnection, m: Model): Promise<string | undefined> {
  for (const [name, columns] of Object.entries(SNAPSHOTS).filter(([n]) => m.dependsOn.includes(n))) {
    const [diff] = await queryRows(conn, `select
    (select count(*) from (select ${columns} from main.${name} except all select * from __last_${name})) as a,
    (select count(*) from (select * from __last_${name} except all select ${columns} from main.${name})) as b`);
    if (num(diff.a) || num(diff.b)) return name;
  }
  return undefined;
}

/**
 * Rebuild one incremental model for the scope: its sources shadowed, its output for the scope's
 * keys deleted and inserted again — or, with `anew`, the table written again with the scope's rows
 * in place of the old ones, which drops the rows earlier builds replaced (storage.ts). Returns
 * the number of rows written for the scope.
 */
export async function runScoped(conn: DuckDBConnection, m: Model, { anew = false } = {}): Promise<number> {
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
  // the scope's keys (s), and the warehouse's rows (t) of the same key
  const scopedKeys = `(select distinct ${key.join(', ')} from __scoped) as s`;
  const sameKey = key.map((k) => `t.${k} = s.${k}`).join(' and ');
  if (anew) {
    await conn.run(`create or replace table main.${m.name} as
select t.* from main.${m.name} as t anti join ${scopedKeys} on ${sameKey}
union all by name
select * from __scoped`);
  } else {
    await conn.run(`delete from main.${m.name} as t using ${scopedKeys} where ${sameKey}`);
    await conn.run(`insert into main.${m.name} by name select * from __scoped`);
  }
  const n = num((await queryRows(conn, 'select count(*) as n from __scoped'))[0].n);
  await conn.run('drop table __scoped');
  return n;
}

/**
 * The enrolment rows of the persons in __delta_person, through the staging view, read once for every
 * additive model: as they are now (__delta_now), and as the last build saw them (__delta_old: their
 * rows from earlier loads, and the rows the new loads replaced that earlier loads had written).
 */
async function deltaRows(conn: DuckDBConnection, models: Model[]): Promise<void> {
  const staging = models.find((m) => m.name === ADDITIVE_SOURCE);
  if (!staging) throw new Error(`the additive models need the ${ADDITIVE_SOURCE} model`);
  const newLoad = 'select load_id from __new_load';
  const inDelta = 'person_no in (select person_no from __delta_person)';
  // their raw rows, read once (a semi join on the raw table, before the staging view's expressions)
  await conn.run(`create or replace temp table __delta_raw as
select * from ${await warehouseName(conn, 'raw_enrolment')} where ${inDelta}`);
  try {
    await conn.run('create or replace temp view raw_enrolment as select * from __delta_raw');
    await conn.run(`create or replace temp table __delta_now as\n${staging.sql}`);
    await conn.run(`create or replace temp view raw_enrolment as
select * from __delta_raw
where load_id not in (${newLoad})
union all by name
select * exclude (replaced_by_load) from ${await warehouseName(conn, 'replaced_enrolment')}
where ${inDelta} and replaced_by_load in (${newLoad}) and load_id not in (${newLoad})`);
    await conn.run(`create or replace temp table __delta_old as\n${staging.sql}`);
  } finally {
    await conn.run('drop view if exists temp.main.raw_enrolment');
    await conn.run('drop table if exists __delta_raw');
  }
}

/**
 * Keep one additive model (ADDITIVE_MODELS) by difference: run its SQL on the rows of __delta_now
 * and of __delta_old (deltaRows), add the first, subtract the second.
 */
export async function runAdditive(conn: DuckDBConnection, m: Model): Promise<void> {
  const { key, measures } = ADDITIVE_MODELS[m.name];
  try {
    for (const [rows, out] of [['__delta_now', '__plus'], ['__delta_old', '__minus']]) {
      await conn.run(`create or replace temp view ${ADDITIVE_SOURCE} as select * from ${rows}`);
      await conn.run(`create or replace temp table ${out} as\n${m.sql}`);
    }
  } finally {
    await conn.run(`drop view if exists temp.main.${ADDITIVE_SOURCE}`);
  }
  const cols = [...key, ...measures].join(', ');
  await conn.run(`create or replace temp table __merged as
select ${key.join(', ')}, ${measures.map((x) => `sum(${x}) as ${x}`).join(', ')}
from (
    select ${cols} from main.${m.name}
    union all
    select ${cols} from __plus
    union all
    select ${key.join(', ')}, ${measures.map((x) => `-${x} as ${x}`).join(', ')} from __minus
)
group by ${key.join(', ')}
having sum(${measures[0]}) <> 0`);
  // a count below zero means the last build saw other rows than the warehouse kept (a raw table
  // written by something else than ltci ingest): refuse rather than publish it
  const [negative] = await queryRows(conn, `select count(*) as n from __merged where ${measures[0]} < 0`);
  if (num(negative.n)) {
    throw new Error(`the counts by difference of ${m.name} fell below zero in ${num(negative.n)} group(s): the raw enrolment rows were changed outside ltci ingest; run ltci build --full`);
  }
  await conn.run(`delete from main.${m.name}`);
  await conn.run(`insert into main.${m.name} by name select * from __merged`);
  for (const t of ['__plus', '__minus', '__merged']) await conn.run(`drop table ${t}`);
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
  const counts = plan.countsWhole ? `the enrolment counts whole (${plan.countsWhole})` : `the enrolment counts of ${plan.deltaPersons} persons`;
  const anew = Object.entries(plan.rewrite).map(([name, r]) => `${name} written anew (${describeStored(r)})`);
  return `incremental build: ${plan.newLoads} new load(s); the settlement chain for ${plan.settlements} of ${plan.totalSettlements} settlements (${share} %), ${plan.persons} persons${anew.length ? ` (${anew.join('; ')})` : ''}; ${counts}; every other model whole`;
}
