// Labels, thresholds and colours for the pages, each from its one home:
//  - surplus statuses, their bands, labels and colours: the bands the warehouse used
//    (cfg_surplus_band, written from config/thresholds.json by `ltci build`);
//  - city names and each scheme's eligibility: the policy catalog (policy_scheme, national_pilot_city);
//  - the national guideline for the fund's share of costs: policy_national.fund_share_target;
//  - service types and ledger categories: the extract contract (data-loaders/contract);
//  - every other word: vocabulary/labels.ts;
//  - the publisher: config/site.json (data-loaders/report/publisher.ts); the charts' settings
//    (income_spike_ratio: when a month's income is annotated as the year's collection) too.
// A missing table is an error that names the fix, not a silent default.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { publisher } from '../../data-loaders/report/publisher.ts';
import { LEDGER_CATEGORIES, SERVICE_TYPES } from '../../data-loaders/contract/index.ts';
import { AUDIT_RULES, DISABILITY_LEVELS, HOME_COMMUNITY_TYPES, SCHEMES, surplusAdvice } from '../../vocabulary/index.ts';
import { hasTable, printJson, rowsOf } from './lib/mart.ts';

const thresholdsPath = resolve(import.meta.dirname, '../../config/thresholds.json');
const sitePath = resolve(import.meta.dirname, '../../config/site.json');

async function required(conn: DuckDBConnection, table: string, sql: string) {
  if (!(await hasTable(conn, table))) {
    throw new Error(`the warehouse has no ${table}: run \`node bin/ltci.mjs build\` (it loads the policy catalog and config/thresholds.json) before building the site`);
  }
  return rowsOf(conn, sql);
}

await printJson(async (conn) => {
  const thresholds = existsSync(thresholdsPath) ? JSON.parse(readFileSync(thresholdsPath, 'utf8')) : null;
  const site = JSON.parse(readFileSync(sitePath, 'utf8'));
  const bands = await required(conn, 'cfg_surplus_band', 'select * from cfg_surplus_band order by sort_order');
  const cities = await required(conn, 'policy_scheme', 'select distinct city, city_name from policy_scheme order by city');
  const pilots = await required(conn, 'national_pilot_city', 'select city, city_name from national_pilot_city where city is not null');
  const [national] = await required(conn, 'policy_national', 'select fund_share_target, document_no from policy_national');
  if (national?.fund_share_target === null || national?.fund_share_target === undefined) {
    throw new Error('policy_national has no fund_share_target: check the national guideline in policies/ and run `node bin/ltci.mjs build`');
  }
  // Each city scheme's latest policy: who qualifies, and whether both schemes share one account.
  const cityPolicies = await rowsOf(conn, `
    select city, scheme, min_level, min_disability_months, single_account, document_no, document_title,
    from policy_scheme
    qualify row_number() over (partition by city, scheme order by effective_from desc) = 1
    order by city, scheme`);
  const cityNames: Record<string, string> = {};
  for (const c of [...pilots, ...cities]) cityNames[String(c.city)] = String(c.city_name);
  const num = (x: unknown) => (x === null || x === undefined ? null : Number(x));
  const surplusStatus = bands.map((b) => ({
    code: String(b.status),
    label: String(b.label_zh),
    color: String(b.colour),
    advice: surplusAdvice(String(b.status), { min: num(b.min_value), max: num(b.max_value) }),
  }));
  return {
    thresholds,
    bands,
    schemes: SCHEMES,
    surplusStatus,
    serviceTypes: { ...SERVICE_TYPES },
    homeCommunityTypes: HOME_COMMUNITY_TYPES,
    ledger: Object.fromEntries(Object.entries(LEDGER_CATEGORIES).map(([k, v]) => [k, v.zh])),
    levels: DISABILITY_LEVELS,
    auditRules: AUDIT_RULES,
    cityNames,
    cityPolicies,
    publisher: publisher(),
    incomeSpikeRatio: Number(site.income_spike_ratio ?? 3),
    areaNames: Object.fromEntries((await rowsOf(conn, 'select admdvs, min(area_name) as area_name from policy_area group by admdvs')).map((r) => [String(r.admdvs), String(r.area_name)])),
    fundShareGuideline: Number(national.fund_share_target),
    fundShareGuidelineSource: national.document_no ?? null,
  };
});
