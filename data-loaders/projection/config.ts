// The projection's assumptions as data: config/scenarios.json, config/life-table.json and
// config/standard-population.json, validated (every value sourced or marked assumed with why) and
// written to the cfg_projection* tables that the int_projection_* models read.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { lit } from '../db.ts';
import { UserError } from '../errors.ts';
import { PROJECTION_HISTORY_DDL } from './history.ts';

const CONFIG_DIR = resolve(import.meta.dirname, '..', '..', 'config');
export const SCENARIOS_PATH = resolve(CONFIG_DIR, 'scenarios.json');
export const LIFE_TABLE_PATH = resolve(CONFIG_DIR, 'life-table.json');
export const STANDARD_POPULATION_PATH = resolve(CONFIG_DIR, 'standard-population.json');

/** Where a value comes from: a document and its clause, or an assumption and why. */
export type Sourced<T> = { value: T } & ({ source: { document: string; clause: string } } | { assumed: true; why: string });

/** The scenario parameters, each a yearly rate or multiplier as a decimal string. */
export const SCENARIO_RATES = ['prevalence_shift', 'take_up_growth', 'unit_cost_growth', 'financing_growth', 'benefit_level'] as const;
export type ScenarioRate = (typeof SCENARIO_RATES)[number];

export interface Scenario {
  scenario: string;
  label_zh: string;
  description_zh: string;
  population: Sourced<'held' | 'projected'>;
  prevalence_shift: Sourced<string>;
  take_up_growth: Sourced<string>;
  unit_cost_growth: Sourced<string>;
  financing_growth: Sourced<string>;
  benefit_level: Sourced<string>;
}

export interface ScenarioFile {
  as_of: string;
  horizon_years: Sourced<number>;
  healthy_status: Sourced<string>;
  scenarios: Scenario[];
}

export interface LifeTableBand { age_from: number; age_to: number | null; q_male: string; q_female: string }
export interface LifeTableFile { as_of: string; source: { document: string; clause: string } | { assumed: true; why: string }; bands: LifeTableBand[] }
export interface StandardPopulationFile { as_of: string; name_zh: string; source: { document: string; clause: string }; bands: { age_from: number; weight: string }[] }

/** The scenarios every page and test relies on. */
export const REQUIRED_SCENARIOS = ['no_change', 'baseline', 'low_cost', 'high_cost'];

const DECIMAL = /^-?\d+(\.\d{1,6})?$/;

function fail(path: string, what: string): never {
  throw new UserError(`${path}: ${what}. Fix the file and run \`ltci build\` again.`);
}

function readJson(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new UserError(`cannot read ${path}: ${(err as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new UserError(`${path} is not valid JSON: ${(err as Error).message}`);
  }
}

function checkSource(path: string, where: string, s: unknown): void {
  const v = s as { source?: { document?: unknown; clause?: unknown }; assumed?: unknown; why?: unknown };
  if (v?.assumed === true) {
    if (typeof v.why !== 'string' || !v.why.trim()) fail(path, `${where} is marked assumed but says no "why"`);
    return;
  }
  if (typeof v?.source?.document !== 'string' || !v.source.document.trim() || typeof v.source.clause !== 'string' || !v.source.clause.trim()) {
    fail(path, `${where} needs "source": {"document", "clause"} or "assumed": true with "why"`);
  }
}

function checkAsOf(path: string, asOf: unknown): void {
  if (typeof asOf !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(asOf)) fail(path, `"as_of" must be a date YYYY-MM-DD (got ${JSON.stringify(asOf)})`);
}

export function validateScenarios(value: unknown, path = 'config/scenarios.json'): ScenarioFile {
  const f = value as ScenarioFile;
  if (typeof f !== 'object' || f === null) fail(path, 'expected a JSON object');
  checkAsOf(path, f.as_of);
  checkSource(path, '"horizon_years"', f.horizon_years);
  const h = f.horizon_years?.value;
  if (!Number.isInteger(h) || h < 1 || h > 50) fail(path, `"horizon_years.value" must be a whole number of years from 1 to 50 (got ${JSON.stringify(h)})`);
  checkSource(path, '"healthy_status"', f.healthy_status);
  if (typeof f.healthy_status?.value !== 'string') fail(path, '"healthy_status.value" must name a status of config/thresholds.json, e.g. "reasonable"');
  if (!Array.isArray(f.scenarios) || !f.scenarios.length) fail(path, '"scenarios" must be a list');
  const seen = new Set<string>();
  for (const [i, s] of f.scenarios.entries()) {
    const at = `scenarios[${i}]`;
    if (typeof s?.scenario !== 'string' || !/^[a-z_]+$/.test(s.scenario)) fail(path, `${at}.scenario must be a lower-case code (got ${JSON.stringify(s?.scenario)})`);
    if (seen.has(s.scenario)) fail(path, `scenario "${s.scenario}" is listed twice`);
    seen.add(s.scenario);
    for (const field of ['label_zh', 'description_zh'] as const) {
      if (typeof s[field] !== 'string' || !s[field].trim()) fail(path, `${at}.${field} is missing`);
    }
    checkSource(path, `${at}.population`, s.population);
    if (s.population.value !== 'held' && s.population.value !== 'projected') fail(path, `${at}.population.value must be "held" or "projected"`);
    for (const rate of SCENARIO_RATES) {
      checkSource(path, `${at}.${rate}`, s[rate]);
      const v = s[rate]?.value;
      if (typeof v !== 'string' || !DECIMAL.test(v)) fail(path, `${at}.${rate}.value must be a decimal string with at most 6 decimals, e.g. "0.0225" (got ${JSON.stringify(v)})`);
      if (rate === 'benefit_level' ? Number(v) <= 0 : Number(v) <= -1) fail(path, `${at}.${rate}.value ${v} is out of range`);
    }
  }
  for (const name of REQUIRED_SCENARIOS) if (!seen.has(name)) fail(path, `scenario "${name}" is missing (required: ${REQUIRED_SCENARIOS.join(', ')})`);
  return f;
}

export function validateLifeTable(value: unknown, path = 'config/life-table.json'): LifeTableFile {
  const f = value as LifeTableFile;
  if (typeof f !== 'object' || f === null) fail(path, 'expected a JSON object');
  checkAsOf(path, f.as_of);
  checkSource(path, '"source"', f.source && 'assumed' in f.source ? f.source : { source: f.source });
  if (!Array.isArray(f.bands) || f.bands.length < 2) fail(path, '"bands" must list the age bands');
  let next = 0;
  for (const [i, b] of f.bands.entries()) {
    if (b.age_from !== next) fail(path, `bands[${i}].age_from must be ${next} (bands start at 0 and follow each other)`);
    const last = i === f.bands.length - 1;
    if (last ? b.age_to !== null : !(Number.isInteger(b.age_to) && (b.age_to as number) >= b.age_from)) {
      fail(path, `bands[${i}].age_to must be ${last ? 'null (the open top band)' : 'a whole age at or after age_from'}`);
    }
    for (const q of ['q_male', 'q_female'] as const) {
      if (typeof b[q] !== 'string' || !DECIMAL.test(b[q]) || Number(b[q]) < 0 || Number(b[q]) >= 1) fail(path, `bands[${i}].${q} must be a death probability in [0, 1) as a decimal string`);
    }
    next = (b.age_to ?? 0) + 1;
  }
  return f;
}

export function validateStandardPopulation(value: unknown, bands: LifeTableBand[], path = 'config/standard-population.json'): StandardPopulationFile {
  const f = value as StandardPopulationFile;
  if (typeof f !== 'object' || f === null) fail(path, 'expected a JSON object');
  checkAsOf(path, f.as_of);
  checkSource(path, '"source"', { source: f.source });
  if (typeof f.name_zh !== 'string' || !f.name_zh.trim()) fail(path, '"name_zh" must name the standard population');
  const starts = bands.map((b) => b.age_from);
  if (!Array.isArray(f.bands) || f.bands.map((b) => b.age_from).join() !== starts.join()) {
    fail(path, `"bands" must have the age bands of config/life-table.json (starting at ${starts.join(', ')})`);
  }
  for (const [i, b] of f.bands.entries()) {
    if (typeof b.weight !== 'string' || !DECIMAL.test(b.weight) || Number(b.weight) < 0) fail(path, `bands[${i}].weight must be a non-negative decimal string`);
  }
  return f;
}

export interface ProjectionConfig { scenarios: ScenarioFile; lifeTable: LifeTableFile; standard: StandardPopulationFile }

export function readProjectionConfig({ scenarios = SCENARIOS_PATH, lifeTable = LIFE_TABLE_PATH, standard = STANDARD_POPULATION_PATH } = {}): ProjectionConfig {
  const life = validateLifeTable(readJson(lifeTable), lifeTable);
  return {
    scenarios: validateScenarios(readJson(scenarios), scenarios),
    lifeTable: life,
    standard: validateStandardPopulation(readJson(standard), life.bands, standard),
  };
}

/** 1 / band width to 6 decimals (the share that moves up a band each year), 0 for the open band. */
export function advanceShare(b: LifeTableBand): string {
  return b.age_to === null ? '0' : (1 / (b.age_to - b.age_from + 1)).toFixed(6);
}

type SourceLike = { source?: { document: string; clause: string }; assumed?: boolean; why?: string };

function sourceValues(s: SourceLike): string {
  return s.assumed
    ? `null, null, true, ${lit(s.why ?? '')}`
    : `${lit(s.source?.document ?? '')}, ${lit(s.source?.clause ?? '')}, false, null`;
}

/** (Re)write the cfg_projection* tables; make sure projection_history exists (history.ts). */
export async function writeProjectionConfig(conn: DuckDBConnection, c: ProjectionConfig): Promise<void> {
  const s = c.scenarios;
  await conn.run(`create or replace table cfg_projection (horizon_years INTEGER, healthy_status VARCHAR, as_of DATE, standard_population VARCHAR)`);
  await conn.run(`insert into cfg_projection values (${s.horizon_years.value}, ${lit(s.healthy_status.value)}, date ${lit(s.as_of)}, ${lit(c.standard.name_zh)})`);
  await conn.run(`create or replace table cfg_projection_scenario (
    scenario VARCHAR primary key, sort_order INTEGER, label_zh VARCHAR, description_zh VARCHAR, population VARCHAR,
    prevalence_shift DECIMAL(18,6), take_up_growth DECIMAL(18,6), unit_cost_growth DECIMAL(18,6), financing_growth DECIMAL(18,6), benefit_level DECIMAL(18,6))`);
  await conn.run(`insert into cfg_projection_scenario values\n${s.scenarios
    .map((x, i) => `(${lit(x.scenario)}, ${i + 1}, ${lit(x.label_zh)}, ${lit(x.description_zh)}, ${lit(x.population.value)}, ${SCENARIO_RATES.map((r) => x[r].value).join(', ')})`)
    .join(',\n')}`);
  await conn.run(`create or replace table cfg_life_table (sex VARCHAR, age_from INTEGER, age_to INTEGER, death_rate DECIMAL(18,6), advance_share DECIMAL(18,6))`);
  await conn.run(`insert into cfg_life_table values\n${c.lifeTable.bands
    .flatMap((b) => [
      `('male', ${b.age_from}, ${b.age_to ?? 'null'}, ${b.q_male}, ${advanceShare(b)})`,
      `('female', ${b.age_from}, ${b.age_to ?? 'null'}, ${b.q_female}, ${advanceShare(b)})`,
    ])
    .join(',\n')}`);
  await conn.run(`create or replace table cfg_standard_population (age_from INTEGER, age_to INTEGER, weight DECIMAL(10,4))`);
  await conn.run(`insert into cfg_standard_population values\n${c.standard.bands
    .map((b, i) => `(${b.age_from}, ${c.lifeTable.bands[i].age_to ?? 'null'}, ${b.weight})`)
    .join(',\n')}`);
  // Every assumption with its source, for the methodology page.
  const rows: string[] = [];
  const add = (file: string, scenario: string | null, param: string, value: string, src: SourceLike) =>
    rows.push(`(${lit(file)}, ${scenario === null ? 'null' : lit(scenario)}, ${lit(param)}, ${lit(value)}, ${sourceValues(src)})`);
  add('config/scenarios.json', null, 'horizon_years', String(s.horizon_years.value), s.horizon_years);
  add('config/scenarios.json', null, 'healthy_status', s.healthy_status.value, s.healthy_status);
  for (const x of s.scenarios) {
    add('config/scenarios.json', x.scenario, 'population', x.population.value, x.population);
    for (const r of SCENARIO_RATES) add('config/scenarios.json', x.scenario, r, x[r].value, x[r]);
  }
  add('config/life-table.json', null, 'life_table', `${c.lifeTable.bands.length} age bands`, 'assumed' in c.lifeTable.source ? c.lifeTable.source : { source: c.lifeTable.source });
  add('config/standard-population.json', null, 'standard_population', c.standard.name_zh, { source: c.standard.source });
  await conn.run(`create or replace table cfg_projection_assumption (
    file VARCHAR, scenario VARCHAR, param VARCHAR, value VARCHAR, document VARCHAR, clause VARCHAR, assumed BOOLEAN, why VARCHAR)`);
  await conn.run(`insert into cfg_projection_assumption values\n${rows.join(',\n')}`);
  await conn.run(PROJECTION_HISTORY_DDL);
}

/** Read, validate and load the projection config (what `ltci build` does before the models). */
export async function loadProjectionConfig(conn: DuckDBConnection, { progress = (() => {}) as (line: string) => void } = {}): Promise<ProjectionConfig> {
  const c = readProjectionConfig();
  await writeProjectionConfig(conn, c);
  progress(`  cfg_projection: ${c.scenarios.scenarios.length} scenarios, ${c.scenarios.horizon_years.value} years, ${c.lifeTable.bands.length} age bands (as of ${c.scenarios.as_of})`);
  return c;
}
