// The city / scheme / period selectors shared by the pages (Inputs.select and Inputs.radio).
import { Inputs } from './vendor.js';
import { month } from '../vocabulary/format.js';

export interface SiteConfig {
  cityNames: Record<string, string>;
  schemes: Record<string, string>;
  [key: string]: unknown;
}

export function cityName(config: SiteConfig, code: string): string {
  return config.cityNames[code] ?? code;
}

export function schemeName(config: SiteConfig, code: string): string {
  return config.schemes[code] ?? code;
}

/**
 * The city selector. Without `value`, the default is the city whose data reaches furthest
 * (`latest` maps a city to its last period), so the page opens on current figures.
 */
export function citySelect(config: SiteConfig, cities: string[], { value, latest }: { value?: string; latest?: Map<string, string | number> } = {}) {
  if (value === undefined && latest) {
    value = [...cities].sort((a, b) => String(latest.get(b) ?? '').localeCompare(String(latest.get(a) ?? '')) || a.localeCompare(b))[0];
  }
  value ??= cities[0];
  return Inputs.select(cities, { label: '城市', value, format: (c: string) => cityName(config, c) });
}

/** Scheme radio; the order puts `all` (both schemes, one account in Lianyungang) first. */
export function schemeRadio(config: SiteConfig, schemes: string[], { value }: { value?: string } = {}) {
  const order = ['all', 'employee', 'resident', 'unassigned'];
  const rank = (s: string) => (order.includes(s) ? order.indexOf(s) : order.length);
  const sorted = [...schemes].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  return Inputs.radio(sorted, { label: '险种', value: value ?? sorted[0], format: (s: string) => schemeName(config, s) });
}

export function monthSelect(months: string[], { value = months[months.length - 1], label = '月份' } = {}) {
  return Inputs.select([...months].reverse(), { label, value, format: month });
}

export function yearSelect(years: number[], { value = years[years.length - 1], label = '年度' } = {}) {
  return Inputs.select([...years].reverse(), { label, value, format: (y: number) => `${y}年` });
}

/** The last value of `period` per city: feeds citySelect's default. */
export function latestByCity<T extends { city: string }>(rows: T[], period: (row: T) => string | number): Map<string, string | number> {
  const out = new Map<string, string | number>();
  for (const r of rows) {
    const p = period(r);
    const cur = out.get(r.city);
    if (cur === undefined || String(p).padStart(12, '0') > String(cur).padStart(12, '0')) out.set(r.city, p);
  }
  return out;
}

/** Distinct values in first-seen order (sorted when `sort`). */
export function distinct<T>(values: Iterable<T>, sort = true): T[] {
  const out = [...new Set(values)];
  return sort ? out.sort() : out;
}
