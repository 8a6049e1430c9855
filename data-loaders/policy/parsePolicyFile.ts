// Parse and validate one policies/*.json file into catalog rows. Hand-rolled checks, no schema library:
// every value must carry its source (document number + clause quoted) or be marked `assumed` with why.
//
// A value is written either plain (then the row's `source` applies) or as an object:
//   {"value": 50, "clause": "按50元/天的标准与定点护理机构结算"}            (doc defaults to the file's document_no)
//   {"value": 50, "assumed": true, "why": "具体标准另行制定; 取连云港同类标准"}
import { kindByName, SERVICE_TYPES } from '../contract/index.ts';
import { PolicyFileError } from './PolicyFileError.ts';
import {
  EXCLUSION_KINDS, FINANCING_COMPONENTS, PILOT_BATCHES, PRICING_METHODS, SCHEMES, emptyCatalog,
  type PolicyCatalog, type PolicyServiceRow, type PolicySourceRow,
} from './types.ts';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Obj = { [key: string]: Json };

interface Source {
  document_no: string;
  clause: string | null;
  assumed: boolean;
  assumed_why: string | null;
}

interface Sourced<T> {
  value: T;
  source: Source;
}

const SOURCE_KEYS = ['clause', 'doc', 'assumed', 'why'];

class Reader {
  readonly sources: PolicySourceRow[] = [];
  constructor(
    readonly file: string,
    readonly documentNo: string,
    readonly policyId: string,
  ) {}

  fail(field: string, problem: string): never {
    throw new PolicyFileError(this.file, field, problem);
  }

  object(raw: Json | undefined, field: string): Obj {
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) this.fail(field, 'expected an object');
    return raw as Obj;
  }

  array(raw: Json | undefined, field: string, { required = true } = {}): Json[] {
    if (raw === undefined && !required) return [];
    if (!Array.isArray(raw)) this.fail(field, 'expected a list');
    return raw as Json[];
  }

  text(raw: Json | undefined, field: string): string {
    if (typeof raw !== 'string' || raw.trim() === '') this.fail(field, 'expected a non-empty text');
    return (raw as string).trim();
  }

  onlyKeys(obj: Obj, allowed: string[], field: string) {
    for (const key of Object.keys(obj)) {
      if (!allowed.includes(key)) this.fail(field ? `${field}.${key}` : key, `unknown field (allowed: ${allowed.join(', ')})`);
    }
  }

  /** A row-level or group-level source: {"clause": "…"} or {"assumed": true, "why": "…"}. */
  source(raw: Json | undefined, field: string): Source {
    const obj = this.object(raw, field);
    this.onlyKeys(obj, SOURCE_KEYS, field);
    return this.sourceOf(obj, field);
  }

  private sourceOf(obj: Obj, field: string): Source {
    const doc = obj.doc === undefined ? this.documentNo : this.text(obj.doc, `${field}.doc`);
    if (obj.assumed !== undefined) {
      if (obj.assumed !== true) this.fail(`${field}.assumed`, 'must be true when present (omit it for a sourced value)');
      if (obj.clause !== undefined) this.fail(field, 'a value is either quoted from a clause or assumed, not both');
      const why = typeof obj.why === 'string' ? obj.why.trim() : '';
      if (!why) this.fail(`${field}.why`, 'an assumed value must say why it is assumed');
      return { document_no: doc, clause: null, assumed: true, assumed_why: why };
    }
    if (typeof obj.clause !== 'string' || obj.clause.trim() === '') {
      this.fail(field, 'value without source: add "clause" (quoted verbatim from the document) or "assumed": true with "why"');
    }
    return { document_no: doc, clause: (obj.clause as string).trim(), assumed: false, assumed_why: null };
  }

  /** A value with its source; `fallback` is the enclosing row's source for plain values. */
  sourced(raw: Json | undefined, field: string, fallback?: Source): Sourced<Json> {
    if (raw !== null && typeof raw === 'object' && !Array.isArray(raw)) {
      const obj = raw as Obj;
      this.onlyKeys(obj, ['value', ...SOURCE_KEYS], field);
      if (!('value' in obj)) this.fail(`${field}.value`, 'missing: a sourced value is {"value": …, "clause": "…"}');
      return { value: obj.value, source: this.sourceOf(obj, field) };
    }
    if (raw === undefined) this.fail(field, 'missing');
    if (!fallback) this.fail(field, 'value without source: write {"value": …, "clause": "…"} or {"value": …, "assumed": true, "why": "…"}');
    return { value: raw, source: fallback };
  }

  record(param: string, value: Json, source: Source) {
    this.sources.push({
      policy_id: this.policyId,
      param,
      value: value === null ? null : String(value),
      ...source,
    });
  }

  // Typed values. Each records its policy_source row under `param`.
  private take<T>(raw: Json | undefined, field: string, param: string, fallback: Source | undefined, convert: (v: Json) => T): T {
    const { value, source } = this.sourced(raw, field, fallback);
    const converted = convert(value);
    this.record(param, converted === null ? null : (converted as Json), source);
    return converted;
  }

  str(raw: Json | undefined, field: string, param = field, fallback?: Source): string {
    return this.take(raw, field, param, fallback, (v) => this.text(v, field));
  }

  oneOf<T extends string>(raw: Json | undefined, field: string, allowed: readonly T[], param = field, fallback?: Source): T {
    return this.take(raw, field, param, fallback, (v) => {
      if (typeof v !== 'string' || !allowed.includes(v as T)) this.fail(field, `unknown value ${JSON.stringify(v)} (allowed: ${allowed.join(', ')})`);
      return v as T;
    });
  }

  /** A sourced 6-digit admdvs code. */
  code(raw: Json | undefined, field: string, param = field, fallback?: Source, nullable = false): string | null {
    return this.take(raw, field, param, fallback, (v) => (v === null && nullable ? null : this.admdvs(v, field)));
  }

  admdvs(v: Json, field: string): string {
    if (typeof v !== 'string' || !/^\d{6}$/.test(v)) this.fail(field, `expected a 6-digit admdvs code in quotes, got ${JSON.stringify(v)}`);
    return v as string;
  }

  date(raw: Json | undefined, field: string, { nullable = false, param = field, fallback }: { nullable?: boolean; param?: string; fallback?: Source } = {}): string | null {
    return this.take(raw, field, param, fallback, (v) => {
      if (v === null && nullable) return null;
      if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(Date.parse(`${v}T00:00:00Z`)) || new Date(`${v}T00:00:00Z`).toISOString().slice(0, 10) !== v) {
        this.fail(field, `expected a date YYYY-MM-DD${nullable ? ' or null' : ''}, got ${JSON.stringify(v)}`);
      }
      return v as string;
    });
  }

  int(raw: Json | undefined, field: string, { nullable = false, min = 0, max = 1200, param = field, fallback }: { nullable?: boolean; min?: number; max?: number; param?: string; fallback?: Source } = {}): number | null {
    return this.take(raw, field, param, fallback, (v) => {
      if (v === null && nullable) return null;
      if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) this.fail(field, `expected a whole number from ${min} to ${max}${nullable ? ' or null' : ''}, got ${JSON.stringify(v)}`);
      return v as number;
    });
  }

  bool(raw: Json | undefined, field: string, param = field, fallback?: Source): boolean {
    return this.take(raw, field, param, fallback, (v) => {
      if (typeof v !== 'boolean') this.fail(field, `expected true or false, got ${JSON.stringify(v)}`);
      return v as boolean;
    });
  }

  /** A decimal as an exact string: money (2 places) or a ratio (4 places, 0..1). */
  decimal(raw: Json | undefined, field: string, { places, nullable = false, ratio = false, param = field, fallback }: { places: number; nullable?: boolean; ratio?: boolean; param?: string; fallback?: Source }): string | null {
    return this.take(raw, field, param, fallback, (v) => {
      if (v === null && nullable) return null;
      const text = typeof v === 'number' ? String(v) : v;
      const re = new RegExp(`^\\d+(\\.\\d{1,${places}})?$`);
      if (typeof text !== 'string' || !re.test(text)) this.fail(field, `expected a non-negative number with at most ${places} decimals${nullable ? ' or null' : ''}, got ${JSON.stringify(v)}`);
      if (ratio && Number(text) > 1) this.fail(field, `a ratio must lie between 0 and 1 (65 % is 0.65), got ${text}`);
      return text as string;
    });
  }
}

const SCHEME_FIELDS = [
  'kind', 'policy_id', 'document_no', 'document_title', 'city', 'city_name', 'province', 'scheme',
  'effective_from', 'effective_to', 'benefits_from', 'fund_from', 'single_account', 'min_level', 'min_disability_months',
  'benefit_start_offset_days', 'reassessment_months', 'waiting_period_months', 'assessment_fee_from_fund',
  'operator_fee_ratio', 'financing', 'areas', 'services', 'institution_categories', 'exclusions', 'provisions',
];

/** The institution categories of the contract (institution.category). */
function institutionCategories(): string[] {
  return Object.keys(kindByName('institution')!.columns.find((c) => c.name === 'category')!.values!);
}

/** Parse one policy file's text. Throws PolicyFileError naming the file and field. */
export function parsePolicyFile(file: string, text: string): PolicyCatalog {
  let json: Json;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, '')) as Json;
  } catch (err) {
    throw new PolicyFileError(file, '', `not valid JSON: ${(err as Error).message}`);
  }
  const boot = new Reader(file, '', '');
  const top = boot.object(json, '');
  const kind = top.kind;
  if (kind !== 'city_scheme' && kind !== 'national') boot.fail('kind', `expected "city_scheme" or "national", got ${JSON.stringify(kind)}`);
  const policyId = boot.text(top.policy_id, 'policy_id');
  if (!/^[a-z0-9-]+$/.test(policyId)) boot.fail('policy_id', `use lowercase letters, digits and dashes, got ${JSON.stringify(policyId)}`);
  const r = new Reader(file, boot.text(top.document_no, 'document_no'), policyId);
  const documentTitle = r.text(top.document_title, 'document_title');
  return kind === 'national' ? parseNational(r, top, documentTitle) : parseCityScheme(r, top, documentTitle);
}

function parseCityScheme(r: Reader, top: Obj, documentTitle: string): PolicyCatalog {
  r.onlyKeys(top, SCHEME_FIELDS, '');
  const catalog = emptyCatalog();
  const city = r.code(top.city, 'city')!;
  if (!city.endsWith('00')) r.fail('city', `a city code ends in 00 (first four digits + 00), got ${city}`);
  const effectiveFrom = r.date(top.effective_from, 'effective_from')!;
  const effectiveTo = r.date(top.effective_to, 'effective_to', { nullable: true });
  if (effectiveTo !== null && effectiveTo < effectiveFrom) r.fail('effective_to', `${effectiveTo} is before effective_from ${effectiveFrom}`);
  const benefitsFrom = top.benefits_from === undefined ? effectiveFrom : r.date(top.benefits_from, 'benefits_from')!;
  if (benefitsFrom < effectiveFrom || (effectiveTo !== null && benefitsFrom > effectiveTo)) r.fail('benefits_from', `${benefitsFrom} lies outside the effective period ${effectiveFrom} – ${effectiveTo ?? 'open'}`);
  // the fund this scheme pays into began before the policy (residents joining the employee fund's account)
  const fundFrom = top.fund_from === undefined ? null : r.date(top.fund_from, 'fund_from');
  if (fundFrom !== null && fundFrom >= effectiveFrom) r.fail('fund_from', `${fundFrom} is not before effective_from ${effectiveFrom}: omit fund_from when the fund begins with the policy`);
  catalog.scheme.push({
    policy_id: r.policyId,
    city,
    city_name: r.str(top.city_name, 'city_name'),
    province: r.str(top.province, 'province'),
    scheme: r.oneOf(top.scheme, 'scheme', SCHEMES),
    effective_from: effectiveFrom,
    effective_to: effectiveTo,
    document_no: r.documentNo,
    document_title: documentTitle,
    single_account: r.bool(top.single_account, 'single_account'),
    min_level: r.int(top.min_level, 'min_level', { min: 0, max: 5 })!,
    min_disability_months: r.int(top.min_disability_months, 'min_disability_months')!,
    benefit_start_offset_days: r.int(top.benefit_start_offset_days, 'benefit_start_offset_days', { max: 366 })!,
    reassessment_months: r.int(top.reassessment_months, 'reassessment_months', { nullable: true, min: 1 }),
    waiting_period_months: r.int(top.waiting_period_months, 'waiting_period_months', { nullable: true, min: 1 }),
    assessment_fee_from_fund: r.bool(top.assessment_fee_from_fund, 'assessment_fee_from_fund'),
    operator_fee_ratio: r.decimal(top.operator_fee_ratio, 'operator_fee_ratio', { places: 4, nullable: true, ratio: true }),
    benefits_from: benefitsFrom,
    source_file: r.file,
    fund_from: fundFrom,
  });

  // Financing: one row per component and period; periods of one component must not overlap.
  r.array(top.financing, 'financing').forEach((raw, i) => {
    const field = `financing[${i}]`;
    const row = r.object(raw, field);
    r.onlyKeys(row, ['component', 'amount', 'effective_from', 'effective_to', 'source'], field);
    const component = r.text(row.component, `${field}.component`);
    if (!(FINANCING_COMPONENTS as readonly string[]).includes(component)) r.fail(`${field}.component`, `unknown component ${JSON.stringify(component)} (allowed: ${FINANCING_COMPONENTS.join(', ')})`);
    const fallback = row.source === undefined ? undefined : r.source(row.source, `${field}.source`);
    const param = `financing.${component}.${String(peek(row.effective_from) ?? effectiveFrom)}`;
    const from = row.effective_from === undefined ? effectiveFrom : r.date(row.effective_from, `${field}.effective_from`, { param: `${param}.effective_from`, fallback })!;
    const to = row.effective_to === undefined ? effectiveTo : r.date(row.effective_to, `${field}.effective_to`, { nullable: true, param: `${param}.effective_to`, fallback });
    if (to !== null && to < from) r.fail(`${field}.effective_to`, `${to} is before effective_from ${from}`);
    if (from < effectiveFrom || (effectiveTo !== null && (to === null || to > effectiveTo))) r.fail(`${field}.effective_from`, `the period ${from} – ${to ?? 'open'} lies outside the policy's ${effectiveFrom} – ${effectiveTo ?? 'open'}`);
    const amount = r.decimal(row.amount, `${field}.amount`, { places: 2, param: `${param}.amount`, fallback })!;
    for (const other of catalog.financing.filter((f) => f.component === component)) {
      if (overlaps(from, to, other.effective_from, other.effective_to)) r.fail(`${field}.effective_from`, `${component} ${from} – ${to ?? 'open'} overlaps ${other.effective_from} – ${other.effective_to ?? 'open'} of the same component`);
    }
    catalog.financing.push({ policy_id: r.policyId, component: component as PolicyCatalog['financing'][number]['component'], amount, effective_from: from, effective_to: to });
  });

  // Areas: the city code itself means the whole city.
  r.array(top.areas, 'areas').forEach((raw, i) => {
    const field = `areas[${i}]`;
    const row = r.object(raw, field);
    r.onlyKeys(row, ['admdvs', 'area_name', 'source'], field);
    const source = r.source(row.source, `${field}.source`);
    const admdvs = r.admdvs(row.admdvs, `${field}.admdvs`);
    if (admdvs.slice(0, 4) !== city.slice(0, 4)) r.fail(`${field}.admdvs`, `${admdvs} does not lie in the city ${city}`);
    const areaName = r.text(row.area_name, `${field}.area_name`);
    if (catalog.area.some((a) => a.admdvs === admdvs)) r.fail(`${field}.admdvs`, `${admdvs} is listed twice`);
    r.record(`area.${admdvs}`, `${admdvs} ${areaName}`, source);
    catalog.area.push({ policy_id: r.policyId, admdvs, area_name: areaName });
  });
  if (!catalog.area.length) r.fail('areas', 'list at least one area (the city code itself = the whole city)');

  // Services: one row per service type (and hospital grade).
  r.array(top.services, 'services').forEach((raw, i) => {
    const field = `services[${i}]`;
    const row = r.object(raw, field);
    r.onlyKeys(row, ['service_type', 'source', 'method', 'rate', 'ratio', 'hospital_grade', 'monthly_cap', 'hours_per_visit', 'min_visits_per_month'], field);
    const serviceType = r.text(row.service_type, `${field}.service_type`);
    if (!(serviceType in SERVICE_TYPES)) r.fail(`${field}.service_type`, `unknown service type ${JSON.stringify(serviceType)} (allowed: ${Object.keys(SERVICE_TYPES).join(', ')})`);
    const source = r.source(row.source, `${field}.source`);
    const grade = row.hospital_grade === undefined ? null : r.int(row.hospital_grade, `${field}.hospital_grade`, { min: 1, max: 3, nullable: true, param: `service.${serviceType}.hospital_grade`, fallback: source });
    const p = `service.${serviceType}${grade === null ? '' : `.grade${grade}`}`;
    r.record(p, 'covered', source);
    const method = r.oneOf(row.method, `${field}.method`, PRICING_METHODS, `${p}.method`, source);
    const opt = (key: string, places: number, extra: { ratio?: boolean } = {}) =>
      row[key] === undefined ? null : r.decimal(row[key], `${field}.${key}`, { places, nullable: true, param: `${p}.${key}`, fallback: source, ...extra });
    const service: PolicyServiceRow = {
      policy_id: r.policyId,
      service_type: serviceType,
      method,
      rate: opt('rate', 2),
      ratio: opt('ratio', 4, { ratio: true }),
      hospital_grade: grade,
      monthly_cap: opt('monthly_cap', 2),
      hours_per_visit: opt('hours_per_visit', 2),
      min_visits_per_month: row.min_visits_per_month === undefined ? null : r.int(row.min_visits_per_month, `${field}.min_visits_per_month`, { nullable: true, max: 31, param: `${p}.min_visits_per_month`, fallback: source }),
    };
    if (method === 'ratio' && service.ratio === null) r.fail(`${field}.ratio`, 'method "ratio" needs a ratio (0..1)');
    if (method !== 'ratio' && service.rate === null) r.fail(`${field}.rate`, `method "${method}" needs a rate in yuan`);
    if (catalog.service.some((s) => s.service_type === serviceType && (s.hospital_grade === grade || s.hospital_grade === null || grade === null))) {
      r.fail(`${field}.service_type`, `${serviceType} is priced twice for the same hospital grade`);
    }
    catalog.service.push(service);
  });

  // Institution categories: which categories of institution may bill which of the policy's service
  // types (the audit prices a bed at the category's rate). Each row: categories × service types, one source.
  const categories = institutionCategories();
  r.array(top.institution_categories, 'institution_categories', { required: false }).forEach((raw, i) => {
    const field = `institution_categories[${i}]`;
    const row = r.object(raw, field);
    r.onlyKeys(row, ['categories', 'service_types', 'source'], field);
    const source = r.source(row.source, `${field}.source`);
    const cats = r.array(row.categories, `${field}.categories`).map((c, j) => r.text(c, `${field}.categories[${j}]`));
    const types = r.array(row.service_types, `${field}.service_types`).map((t, j) => r.text(t, `${field}.service_types[${j}]`));
    if (!cats.length || !types.length) r.fail(field, 'list at least one category and one service type');
    for (const [j, c] of cats.entries()) {
      if (!categories.includes(c)) r.fail(`${field}.categories[${j}]`, `unknown institution category ${JSON.stringify(c)} (allowed: ${categories.join(', ')})`);
    }
    for (const [j, t] of types.entries()) {
      if (!catalog.service.some((s) => s.service_type === t)) r.fail(`${field}.service_types[${j}]`, `${JSON.stringify(t)} is not one of this policy's services`);
    }
    for (const category of cats) {
      for (const service_type of types) {
        if (catalog.categoryService.some((x) => x.category === category && x.service_type === service_type)) {
          r.fail(field, `${category} × ${service_type} is listed twice`);
        }
        r.record(`institution_category.${category}.${service_type}`, 'may bill', source);
        catalog.categoryService.push({ policy_id: r.policyId, category, service_type });
      }
    }
  });

  // Exclusions: days of an inpatient stay or a work-injury nursing allowance on which the policy pays
  // no benefit (for the service types given; none given = every service type).
  r.array(top.exclusions, 'exclusions', { required: false }).forEach((raw, i) => {
    const field = `exclusions[${i}]`;
    const row = r.object(raw, field);
    r.onlyKeys(row, ['data_kind', 'service_types', 'source'], field);
    const source = r.source(row.source, `${field}.source`);
    const dataKind = r.text(row.data_kind, `${field}.data_kind`);
    if (!(EXCLUSION_KINDS as readonly string[]).includes(dataKind)) r.fail(`${field}.data_kind`, `unknown data kind ${JSON.stringify(dataKind)} (allowed: ${EXCLUSION_KINDS.join(', ')})`);
    if (catalog.exclusion.some((x) => x.data_kind === dataKind)) r.fail(`${field}.data_kind`, `${dataKind} is listed twice`);
    const types = row.service_types === undefined ? null : r.array(row.service_types, `${field}.service_types`).map((t, j) => r.text(t, `${field}.service_types[${j}]`));
    for (const [j, t] of (types ?? []).entries()) {
      if (!catalog.service.some((s) => s.service_type === t)) r.fail(`${field}.service_types[${j}]`, `${JSON.stringify(t)} is not one of this policy's services`);
    }
    r.record(`exclusion.${dataKind}`, types ? types.join(', ') : 'all services', source);
    for (const service_type of types ?? [null]) {
      catalog.exclusion.push({ policy_id: r.policyId, data_kind: dataKind as (typeof EXCLUSION_KINDS)[number], service_type });
    }
  });

  // Provisions: sourced facts without a column of their own (no deductible, who may not claim twice, …).
  r.array(top.provisions, 'provisions', { required: false }).forEach((raw, i) => {
    const field = `provisions[${i}]`;
    const row = r.object(raw, field);
    r.onlyKeys(row, ['param', 'value', ...SOURCE_KEYS], field);
    const param = r.text(row.param, `${field}.param`);
    r.str(Object.fromEntries(Object.entries(row).filter(([k]) => k !== 'param')) as Obj, field, `provision.${param}`);
  });

  catalog.source.push(...r.sources);
  catalog.files.push(r.file);
  return catalog;
}

function parseNational(r: Reader, top: Obj, documentTitle: string): PolicyCatalog {
  r.onlyKeys(top, ['kind', 'policy_id', 'document_no', 'document_title', 'fund_share_target', 'min_disability_months', 'pilot_cities', 'provisions'], '');
  const catalog = emptyCatalog();
  catalog.national.push({
    policy_id: r.policyId,
    document_no: r.documentNo,
    document_title: documentTitle,
    fund_share_target: r.decimal(top.fund_share_target, 'fund_share_target', { places: 4, ratio: true })!,
    min_disability_months: r.int(top.min_disability_months, 'min_disability_months')!,
  });
  r.array(top.pilot_cities, 'pilot_cities').forEach((raw, i) => {
    const field = `pilot_cities[${i}]`;
    const group = r.object(raw, field);
    r.onlyKeys(group, ['province', 'batch', 'source', 'codes_source', 'cities'], field);
    const source = r.source(group.source, `${field}.source`);
    const codes = group.codes_source === undefined ? undefined : r.source(group.codes_source, `${field}.codes_source`);
    const province = r.str(group.province, `${field}.province`, `pilot_city.${i}.province`, source);
    const batch = r.oneOf(group.batch, `${field}.batch`, PILOT_BATCHES, `pilot_city.${i}.batch`, source);
    r.array(group.cities, `${field}.cities`).forEach((rawCity, j) => {
      const cf = `${field}.cities[${j}]`;
      const c = r.object(rawCity, cf);
      r.onlyKeys(c, ['city_name', 'city', 'admdvs', 'batch', 'scheme_from', 'scheme_document'], cf);
      const name = r.str(c.city_name, `${cf}.city_name`, `pilot_city.${province}${typeof c.city_name === 'string' ? c.city_name : j}`, source);
      // a city's own batch where it differs from its province's (长春 and 青岛: first batch among key-province cities)
      const cityBatch = c.batch === undefined ? batch : r.oneOf(c.batch, `${cf}.batch`, PILOT_BATCHES, `pilot_city.${name}.batch`);
      // the year its own scheme began, with the document (its own source: {"value": "2018", "doc": …, "clause": …})
      let schemeFrom: string | null = null;
      let schemeDocument: string | null = null;
      if (c.scheme_from !== undefined) {
        const sourced = r.sourced(c.scheme_from, `${cf}.scheme_from`);
        if (typeof sourced.value !== 'string' || !/^\d{4}$/.test(sourced.value)) r.fail(`${cf}.scheme_from`, `expected a year "YYYY", got ${JSON.stringify(sourced.value)}`);
        schemeFrom = sourced.value as string;
        // the document that dates the scheme, which the clause names (it may be cited by another document)
        schemeDocument = c.scheme_document === undefined ? sourced.source.document_no : r.text(c.scheme_document, `${cf}.scheme_document`);
        r.record(`pilot_city.${name}.scheme_from`, schemeFrom, sourced.source);
      }
      const code = (key: 'city' | 'admdvs') =>
        c[key] === undefined ? null : r.code(c[key], `${cf}.${key}`, `pilot_city.${name}.${key}`, codes, true);
      const city = code('city');
      if (city !== null && !city.endsWith('00')) r.fail(`${cf}.city`, `a city code ends in 00, got ${city} (put a district or county code in "admdvs")`);
      if (catalog.nationalPilotCity.some((p) => p.city_name === name && p.province === province)) r.fail(`${cf}.city_name`, `${province}${name} is listed twice`);
      catalog.nationalPilotCity.push({ city_name: name, province, batch: cityBatch, city, admdvs: code('admdvs'), scheme_from: schemeFrom, scheme_document: schemeDocument });
    });
  });
  r.array(top.provisions, 'provisions', { required: false }).forEach((raw, i) => {
    const field = `provisions[${i}]`;
    const row = r.object(raw, field);
    r.onlyKeys(row, ['param', 'value', ...SOURCE_KEYS], field);
    r.str(Object.fromEntries(Object.entries(row).filter(([k]) => k !== 'param')) as Obj, field, `provision.${r.text(row.param, `${field}.param`)}`);
  });
  catalog.source.push(...r.sources);
  catalog.files.push(r.file);
  return catalog;
}

/** The bare value of a plain or sourced value, before validation (used only to name a param). */
function peek(raw: Json | undefined): Json | undefined {
  return raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Obj).value : raw;
}

export function overlaps(fromA: string, toA: string | null, fromB: string, toB: string | null): boolean {
  return (toB === null || fromA <= toB) && (toA === null || fromB <= toA);
}
