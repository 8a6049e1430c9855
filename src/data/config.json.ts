// Labels, thresholds and colours for the pages: config/thresholds.json (dated, user-editable),
// the surplus bands the warehouse used (cfg_surplus_band), and the site's labels (lib/labels.ts).
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { printJson, rowsIfTable } from './lib/mart.ts';
import * as labels from './lib/labels.ts';

const thresholdsPath = resolve(import.meta.dirname, '../../config/thresholds.json');
// The publisher (footer, methodology): config/site.json, also read by observablehq.config.js.
const sitePath = resolve(import.meta.dirname, '../../config/site.json');

await printJson(async (conn) => {
  const thresholds = existsSync(thresholdsPath) ? JSON.parse(readFileSync(thresholdsPath, 'utf8')) : null;
  const bands = await rowsIfTable(conn, 'cfg_surplus_band', 'select * from cfg_surplus_band');
  const cities = await rowsIfTable(conn, 'policy_scheme', 'select distinct city, city_name from policy_scheme order by city');
  const cityNames: Record<string, string> = { ...labels.CITY_NAMES };
  for (const c of cities) cityNames[String(c.city)] = String(c.city_name);
  // Status labels and colours: config/thresholds.json wins over the site's defaults.
  const configured = new Map<string, { label_zh?: string; colour?: string }>(
    (thresholds?.surplus_bands?.bands ?? []).map((b: { status: string }) => [b.status, b]),
  );
  // … and the bands the warehouse actually used (cfg_surplus_band) win over both.
  for (const b of bands) configured.set(String(b.status), { label_zh: String(b.label_zh), colour: String(b.colour) });
  const surplusStatus = labels.SURPLUS_STATUS.map((s) => ({
    ...s,
    label: configured.get(s.code)?.label_zh ?? s.label,
    color: configured.get(s.code)?.colour ?? s.color,
  }));
  return {
    thresholds,
    bands,
    defaultBands: labels.DEFAULT_BANDS,
    schemes: labels.SCHEMES,
    surplusStatus,
    serviceTypes: labels.SERVICE_TYPE_LABELS,
    homeCommunityTypes: labels.HOME_COMMUNITY_TYPES,
    ledger: labels.LEDGER_LABELS,
    levels: labels.DISABILITY_LEVELS,
    auditRules: labels.AUDIT_RULES,
    cityNames,
    publisher: existsSync(sitePath) ? (JSON.parse(readFileSync(sitePath, 'utf8')).publisher ?? null) : null,
    fundShareGuideline: thresholds?.fund_share_guideline ?? labels.FUND_SHARE_GUIDELINE_DEFAULT,
  };
});
