// Which period and city a page opens on, and which it offers. The rule (docs/site.md):
//  - no month after the data's as-of date (meta.asOf) is offered, whatever the marts hold;
//  - a city opens on its latest *complete* month: the latest month, at or before the as-of date,
//    with both income and benefit expenditure (meta.cities[].default_month: mart_data_period);
//  - the default city is the one whose latest complete month is latest; ties go to the smallest
//    6-digit city code (meta.defaultCity), so the choice is stable from build to build.

export interface CityPeriod { city: string; default_month: string | null; latest_complete_month: string | null; last_month: string | null }
export interface PeriodMeta { asOf: string | null; defaultCity?: string | null; defaultMonth?: string | null; cities?: CityPeriod[] }

/** Is an ISO month or date ("2028-01-01") at or before the as-of date? True when there is no as-of date. */
export function notAfterAsOf(meta: PeriodMeta, iso: string): boolean {
  return !meta.asOf || String(iso).slice(0, 10) <= String(meta.asOf).slice(0, 10);
}

/** Is a calendar year at or before the as-of date's year? */
export function yearNotAfterAsOf(meta: PeriodMeta, year: number): boolean {
  return !meta.asOf || year <= Number(String(meta.asOf).slice(0, 4));
}

/** The default city among `cities` (meta.defaultCity when offered, else the smallest code). */
export function defaultCity(meta: PeriodMeta, cities: string[]): string {
  return meta.defaultCity && cities.includes(meta.defaultCity) ? meta.defaultCity : [...cities].sort()[0];
}

/** The month a city opens on, among the months offered (ISO, ascending). */
export function defaultMonth(meta: PeriodMeta, city: string, months: string[]): string {
  const want = meta.cities?.find((c) => c.city === city)?.default_month;
  if (want && months.includes(want)) return want;
  return [...months].filter((m) => notAfterAsOf(meta, m)).sort().at(-1) ?? [...months].sort().at(-1)!;
}

/** The year a city opens on: the year of its default month, else the latest year offered. */
export function defaultYear(meta: PeriodMeta, city: string | null, years: number[]): number {
  const want = city ? meta.cities?.find((c) => c.city === city)?.default_month : meta.defaultMonth;
  const y = want ? Number(want.slice(0, 4)) : NaN;
  return years.includes(y) ? y : [...years].sort((a, b) => a - b).at(-1)!;
}
