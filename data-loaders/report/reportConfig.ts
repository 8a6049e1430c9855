// config/report.json: when the report prints a change (环比/同比), and its chart colours. Read and
// checked once per process; a broken file stops the report with the field to fix.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { UserError } from '../errors.ts';

export const REPORT_CONFIG_PATH = resolve(import.meta.dirname, '..', '..', 'config', 'report.json');

export interface ReportConfig {
  as_of: string;
  change: { min_base_share: string; why_zh: string };
  colours: Record<'income' | 'expenditure' | 'balance' | 'balance_projected' | 'months_payable' | 'healthy_band' | 'overdrawn', string>;
}

const COLOUR_KEYS = ['income', 'expenditure', 'balance', 'balance_projected', 'months_payable', 'healthy_band', 'overdrawn'] as const;

let cached: { path: string; config: ReportConfig } | null = null;

export function reportConfig(path = REPORT_CONFIG_PATH): ReportConfig {
  if (cached?.path === path) return cached.config;
  const fail = (what: string): never => {
    throw new UserError(`${path}: ${what}`);
  };
  let doc: Record<string, any>;
  try {
    doc = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    return fail(`not readable JSON (${(err as Error).message})`);
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(String(doc.as_of ?? ''))) fail('"as_of" must be the date the settings were set (YYYY-MM-DD)');
  const share = doc.change?.min_base_share;
  if (typeof share !== 'string' || !/^0(\.\d+)?$|^1(\.0+)?$/.test(share)) fail('"change.min_base_share" must be a decimal string from "0" to "1", e.g. "0.1"');
  if (typeof doc.change?.why_zh !== 'string' || !doc.change.why_zh) fail('"change.why_zh" must say in Chinese why a change on a small base is not printed');
  for (const k of COLOUR_KEYS) {
    if (!/^#[0-9a-fA-F]{6}$/.test(String(doc.colours?.[k] ?? ''))) fail(`"colours.${k}" must be a colour like "#4269d0"`);
  }
  const config: ReportConfig = {
    as_of: doc.as_of,
    change: { min_base_share: share, why_zh: doc.change.why_zh },
    colours: Object.fromEntries(COLOUR_KEYS.map((k) => [k, doc.colours[k]])) as ReportConfig['colours'],
  };
  cached = { path, config };
  return config;
}
