// Dated site configuration (config/thresholds.json): read, validate, and write the cfg_surplus_band table.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { UserError } from './errors.ts';
import { lit } from './db.ts';
import { loadProjectionConfig } from './projection/config.ts';

export const THRESHOLDS_PATH = resolve(import.meta.dirname, '..', 'config', 'thresholds.json');
export const ADMDVS_PATH = resolve(import.meta.dirname, '..', 'config', 'admdvs.json');

export interface AreaName {
  admdvs: string;
  name: string;
  city: string;
}

/** config/admdvs.json: names of the area codes (GB/T 2260) the deliveries carry; validated. */
export function readAreaNames(path = ADMDVS_PATH): AreaName[] {
  let doc: { areas?: unknown };
  try {
    doc = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    fail(path, `not readable JSON (${(err as Error).message})`);
  }
  if (!Array.isArray(doc.areas)) fail(path, '"areas" must be a list of {admdvs, name, city}');
  const seen = new Set<string>();
  return doc.areas.map((a: AreaName, i: number) => {
    if (!/^\d{6}$/.test(a?.admdvs ?? '')) fail(path, `areas[${i}].admdvs must be 6 digits (got ${JSON.stringify(a?.admdvs)})`);
    if (typeof a.name !== 'string' || !a.name) fail(path, `areas[${i}].name is missing`);
    if (a.city !== `${a.admdvs.slice(0, 4)}00`) fail(path, `areas[${i}].city must be the first four digits of admdvs + 00`);
    if (seen.has(a.admdvs)) fail(path, `areas[${i}].admdvs ${a.admdvs} is listed twice`);
    seen.add(a.admdvs);
    return { admdvs: a.admdvs, name: a.name, city: a.city };
  });
}

/** The area names, by code. */
export function areaNameMap(path = ADMDVS_PATH): Map<string, string> {
  return new Map(readAreaNames(path).map((a) => [a.admdvs, a.name]));
}

async function writeAreaNames(conn: DuckDBConnection, areas: AreaName[]): Promise<void> {
  await conn.run('create or replace table ref_admdvs (admdvs VARCHAR, name VARCHAR, city VARCHAR)');
  const values = areas.map((a) => `(${lit(a.admdvs)}, ${lit(a.name)}, ${lit(a.city)})`).join(', ');
  if (values) await conn.run(`insert into ref_admdvs values ${values}`);
}

/** The statuses of spec "surplus_status", in order from worst to most excessive. */
export const SURPLUS_STATUSES = ['overdrawn', 'insufficient', 'low', 'reasonable', 'high', 'excessive'] as const;
export type SurplusStatus = (typeof SURPLUS_STATUSES)[number];

export interface SurplusBandLabel {
  status: SurplusStatus;
  label_zh: string;
  label_en: string;
  colour: string;
}

export interface Thresholds {
  as_of: string;
  surplus_bands: {
    description?: string;
    /** [a, b, c, d]: insufficient M < a; low a ≤ M < b; reasonable b ≤ M ≤ c; high c < M ≤ d; excessive M > d. */
    breaks_months: [number, number, number, number];
    /** No status is judged on fewer months with expenditure than this (mart_fund_annual.status_note 'few_expenditure_months'). */
    min_expenditure_months: number;
    min_expenditure_months_why?: string;
    min_expenditure_months_why_zh?: string;
    source: string;
    uncertainty: string;
    bands: SurplusBandLabel[];
  };
}

/** One row of cfg_surplus_band: a status and the interval that selects it. */
export interface SurplusBandRow {
  status: SurplusStatus;
  sort_order: number;
  label_zh: string;
  label_en: string;
  colour: string;
  /** 'balance': the band is judged on balance_end (overdrawn); 'months_payable': on M. */
  basis: 'balance' | 'months_payable';
  min_value: number | null;
  min_inclusive: boolean;
  max_value: number | null;
  max_inclusive: boolean;
}

function fail(path: string, what: string): never {
  throw new UserError(`${path}: ${what}. Fix the file and run \`ltci build\` again.`);
}

/** Check a parsed thresholds file; throws a UserError naming the field to fix. */
export function validateThresholds(value: unknown, path = 'config/thresholds.json'): Thresholds {
  const t = value as Thresholds;
  if (typeof t !== 'object' || t === null) fail(path, 'expected a JSON object');
  if (typeof t.as_of !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(t.as_of) || Number.isNaN(Date.parse(t.as_of))) {
    fail(path, `"as_of" must be the date the thresholds were set, as YYYY-MM-DD (got ${JSON.stringify(t.as_of)})`);
  }
  const s = t.surplus_bands;
  if (typeof s !== 'object' || s === null) fail(path, '"surplus_bands" is missing');
  const b = s.breaks_months;
  if (!Array.isArray(b) || b.length !== 4 || !b.every((x) => typeof x === 'number' && Number.isFinite(x) && x >= 0)) {
    fail(path, `"surplus_bands.breaks_months" must be four non-negative numbers of months, e.g. [3, 6, 9, 15] (got ${JSON.stringify(b)})`);
  }
  for (let i = 1; i < 4; i++) {
    if (!(b[i] > b[i - 1])) fail(path, `"surplus_bands.breaks_months" must increase strictly (got ${JSON.stringify(b)})`);
  }
  if (!b.every((x) => Math.round(x * 100) === x * 100)) fail(path, '"surplus_bands.breaks_months" may have at most 2 decimals');
  const m = s.min_expenditure_months;
  if (typeof m !== 'number' || !Number.isInteger(m) || m < 1 || m > 12) {
    fail(path, `"surplus_bands.min_expenditure_months" must be a whole number of months from 1 to 12: no status is judged on fewer months with expenditure (got ${JSON.stringify(m)})`);
  }
  for (const field of ['source', 'uncertainty'] as const) {
    if (typeof s[field] !== 'string' || !s[field].trim()) fail(path, `"surplus_bands.${field}" must say where the bands come from and how sure that is`);
  }
  if (!Array.isArray(s.bands)) fail(path, '"surplus_bands.bands" must list the six statuses with label_zh, label_en and colour');
  for (const status of SURPLUS_STATUSES) {
    const found = s.bands.filter((x) => x?.status === status);
    if (found.length !== 1) fail(path, `"surplus_bands.bands" must have exactly one entry for status "${status}" (found ${found.length})`);
    const band = found[0];
    if (typeof band.label_zh !== 'string' || !band.label_zh.trim()) fail(path, `band "${status}" needs a Chinese label "label_zh"`);
    if (typeof band.label_en !== 'string' || !band.label_en.trim()) fail(path, `band "${status}" needs an English label "label_en"`);
    if (typeof band.colour !== 'string' || !/^#[0-9a-fA-F]{6}$/.test(band.colour)) fail(path, `band "${status}" needs a colour as #rrggbb (got ${JSON.stringify(band.colour)})`);
  }
  const unknown = s.bands.filter((x) => !SURPLUS_STATUSES.includes(x?.status));
  if (unknown.length) fail(path, `"surplus_bands.bands" has unknown statuses ${JSON.stringify(unknown.map((x) => x?.status))}; allowed: ${SURPLUS_STATUSES.join(', ')}`);
  return t;
}

/** Read and validate config/thresholds.json (or another file). */
export function readThresholds(path = THRESHOLDS_PATH): Thresholds {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new UserError(`cannot read the thresholds file ${path}: ${(err as Error).message}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw new UserError(`${path} is not valid JSON: ${(err as Error).message}`);
  }
  return validateThresholds(parsed, path);
}

/** The six rows of cfg_surplus_band, from the breaks [a, b, c, d] and the labels. */
export function surplusBandRows(t: Thresholds): SurplusBandRow[] {
  const [a, b, c, d] = t.surplus_bands.breaks_months;
  const intervals: Record<SurplusStatus, Pick<SurplusBandRow, 'basis' | 'min_value' | 'min_inclusive' | 'max_value' | 'max_inclusive'>> = {
    overdrawn: { basis: 'balance', min_value: null, min_inclusive: false, max_value: 0, max_inclusive: false },
    insufficient: { basis: 'months_payable', min_value: null, min_inclusive: false, max_value: a, max_inclusive: false },
    low: { basis: 'months_payable', min_value: a, min_inclusive: true, max_value: b, max_inclusive: false },
    reasonable: { basis: 'months_payable', min_value: b, min_inclusive: true, max_value: c, max_inclusive: true },
    high: { basis: 'months_payable', min_value: c, min_inclusive: false, max_value: d, max_inclusive: true },
    excessive: { basis: 'months_payable', min_value: d, min_inclusive: false, max_value: null, max_inclusive: false },
  };
  return SURPLUS_STATUSES.map((status, i) => {
    const label = t.surplus_bands.bands.find((x) => x.status === status)!;
    return { status, sort_order: i + 1, label_zh: label.label_zh, label_en: label.label_en, colour: label.colour, ...intervals[status] };
  });
}

export const CFG_SURPLUS_BAND_DDL = `create or replace table cfg_surplus_band (
    status VARCHAR primary key, sort_order INTEGER, label_zh VARCHAR, label_en VARCHAR, colour VARCHAR,
    basis VARCHAR, min_value DECIMAL(8,2), min_inclusive BOOLEAN, max_value DECIMAL(8,2), max_inclusive BOOLEAN,
    as_of DATE, source VARCHAR, uncertainty VARCHAR
)`;

const num = (v: number | null) => (v === null ? 'null' : String(v));

/** (Re)write cfg_surplus_band from a validated thresholds object. */
export async function writeSurplusBands(conn: DuckDBConnection, t: Thresholds): Promise<SurplusBandRow[]> {
  const rows = surplusBandRows(t);
  await conn.run(CFG_SURPLUS_BAND_DDL);
  const values = rows.map((r) =>
    `(${lit(r.status)}, ${r.sort_order}, ${lit(r.label_zh)}, ${lit(r.label_en)}, ${lit(r.colour)}, ${lit(r.basis)}, ` +
    `${num(r.min_value)}, ${r.min_inclusive}, ${num(r.max_value)}, ${r.max_inclusive}, ` +
    `date ${lit(t.as_of)}, ${lit(t.surplus_bands.source)}, ${lit(t.surplus_bands.uncertainty)})`,
  );
  await conn.run(`insert into cfg_surplus_band values\n${values.join(',\n')}`);
  return rows;
}

export const CFG_SURPLUS_RULE_DDL = `create or replace table cfg_surplus_rule (
    min_expenditure_months INTEGER, min_expenditure_months_why VARCHAR, as_of DATE
)`;

/** (Re)write cfg_surplus_rule: the one row of rules besides the bands (the fewest months with expenditure to judge on). */
export async function writeSurplusRule(conn: DuckDBConnection, t: Thresholds): Promise<void> {
  const s = t.surplus_bands;
  await conn.run(CFG_SURPLUS_RULE_DDL);
  await conn.run(`insert into cfg_surplus_rule values (${s.min_expenditure_months}, ${lit(s.min_expenditure_months_why_zh ?? s.min_expenditure_months_why ?? '')}, date ${lit(t.as_of)})`);
}

/** Load config/thresholds.json into the warehouse (what `ltci build` does before the models). */
export async function loadConfig(conn: DuckDBConnection, { path = THRESHOLDS_PATH, progress = (() => {}) as (line: string) => void } = {}): Promise<Thresholds> {
  const t = readThresholds(path);
  await writeSurplusBands(conn, t);
  await writeSurplusRule(conn, t);
  progress(`  cfg_surplus_band: breaks ${t.surplus_bands.breaks_months.join(' / ')} months, judged on ${t.surplus_bands.min_expenditure_months}+ months with expenditure (as of ${t.as_of})`);
  const areas = readAreaNames();
  await writeAreaNames(conn, areas);
  progress(`  ref_admdvs: ${areas.length} area names`);
  await loadProjectionConfig(conn, { progress });
  return t;
}
