// The city / scheme / period selectors shared by the pages (Inputs.select and Inputs.radio).
import * as Inputs from '@observablehq/inputs';
import { month } from './format.js';

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

export function citySelect(config: SiteConfig, cities: string[], { value = cities[0] } = {}) {
  return Inputs.select(cities, { label: '城市', value, format: (c: string) => cityName(config, c) });
}

/** Scheme radio; the order puts `all` (both schemes, one account in Lianyungang) first. */
export function schemeRadio(config: SiteConfig, schemes: string[], { value }: { value?: string } = {}) {
  const order = ['all', 'employee', 'resident'];
  const sorted = [...schemes].sort((a, b) => order.indexOf(a) - order.indexOf(b));
  return Inputs.radio(sorted, { label: '险种', value: value ?? sorted[0], format: (s: string) => schemeName(config, s) });
}

export function monthSelect(months: string[], { value = months[months.length - 1], label = '月份' } = {}) {
  return Inputs.select([...months].reverse(), { label, value, format: month });
}

export function yearSelect(years: number[], { value = years[years.length - 1], label = '年度' } = {}) {
  return Inputs.select([...years].reverse(), { label, value, format: (y: number) => `${y}年` });
}

/** Distinct values in first-seen order (sorted when `sort`). */
export function distinct<T>(values: Iterable<T>, sort = true): T[] {
  const out = [...new Set(values)];
  return sort ? out.sort() : out;
}
