// The publisher named on the report, the dashboards' footer and methodology: config/site.json
// (`publisher`), the one place it is set (observablehq.config.js and the public config read it too).
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { UserError } from '../errors.ts';

export const SITE_CONFIG_PATH = resolve(import.meta.dirname, '..', '..', 'config', 'site.json');

export function publisher(path = SITE_CONFIG_PATH): string {
  const value = existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as { publisher?: unknown }).publisher : undefined;
  if (typeof value !== 'string' || !value.trim()) {
    throw new UserError(`${path}: set "publisher" to the bureau's name (e.g. 淮安市医疗保障局); it is printed on the report and the site`);
  }
  return value;
}
