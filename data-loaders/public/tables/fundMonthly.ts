// 基金月度收支: each city's monthly income by source, expenditure by kind, net and month-end balance,
// both funds together (mart_fund_monthly, scheme all), newest month first. Tied to the annual table
// (a year = its months) and to the service types (the year's 待遇支出 = what the fund paid for each
// service), so a month's amount of 1–10 persons is hidden with whatever would give it away.
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Disclosure } from '../../suppress.ts';
import { EXPENDITURE_KINDS, FUND_LABELS, INCOME_SOURCES, UNKNOWN_BALANCE_TEXT } from '../../../vocabulary/index.ts';
import { annualCell } from './fundAnnual.ts';
import type { FundMeasure, FundPersons } from './fundPersons.ts';
import { cents, cityNames, publicTable, publish, rows, SUPPRESSION_NOTE, type PublicColumn, type PublicTable } from './table.ts';

const money = (key: string, label: string): PublicColumn => ({ key, label, kind: 'money' });
const INCOME = INCOME_SOURCES.map(([k]) => k);
const EXPENDITURE = EXPENDITURE_KINDS.map(([k]) => k);
/** Ledger entries (经办服务费, 其他支出) are nobody's payments. */
const NO_PERSONS = new Set(['expenditure_operator', 'expenditure_other']);

/** The dashboards' words for the fund columns (vocabulary/fundColumns.ts), in 元. */
const COLUMNS: PublicColumn[] = [
  { key: 'city_name', label: '城市', kind: 'text' },
  { key: 'city', label: '医保区划', kind: 'text' },
  { key: 'month', label: '月份', kind: 'text' },
  ...[...INCOME, 'income_total', ...EXPENDITURE, 'expenditure_total', 'net'].map((key) => money(key, `${FUND_LABELS[key]}（元）`)),
  money('cumulative_balance', `月末${FUND_LABELS.cumulative_balance}（元）`),
];
const AMOUNTS = COLUMNS.filter((c) => c.kind === 'money').map((c) => c.key);

/** The year's 待遇支出 summed over its months: no table shows it, but serviceTypes.ts ties it to the service types. */
export const yearBenefitsCell = (city: string, year: number | string) => `benefits|${city}|${year}`;

export async function fundMonthly(conn: DuckDBConnection, d: Disclosure, persons: FundPersons): Promise<() => PublicTable> {
  const cityName = await cityNames(conn);
  const r = await rows(conn, `
    select
        city,
        strftime(month, '%Y-%m') as month,
        ${AMOUNTS.join(', ')},
        balance_known,
    from mart_fund_monthly
    where scheme = 'all'
    order by city, month`);

  const cellOf = (city: unknown, month: unknown, m: string) => `month|${city}|${month}|${m}`;
  const weight: Record<string, number> = { income_total: 2, expenditure_total: 2, net: 3, cumulative_balance: 8 };
  const byYear = new Map<string, Record<string, unknown>[]>();
  let prev: Record<string, unknown> | null = null;
  for (const x of r) {
    const city = String(x.city);
    const cell = (m: string) => cellOf(city, x.month, m);
    for (const m of AMOUNTS.filter((a) => a !== 'cumulative_balance')) {
      const who = NO_PERSONS.has(m) ? null : persons(city, 'all', 'month', `${x.month}-01`, m as FundMeasure);
      d.amount(cell(m), cents(x[m]), who, { weight: weight[m] });
    }
    d.sum(cell('income_total'), INCOME.map(cell));
    d.sum(cell('expenditure_total'), EXPENDITURE.map(cell));
    d.sum(cell('income_total'), [cell('net'), cell('expenditure_total')]);
    // 月末累计结余 = 上月末 + 当期结余 (+ an opening balance that opens this month, which a reader may know)
    if (x.balance_known !== false) {
      d.amount(cell('cumulative_balance'), cents(x.cumulative_balance), null, { weight: weight.cumulative_balance });
      const chained = prev && prev.city === x.city && prev.balance_known !== false ? prev : null;
      const opening = cents(x.cumulative_balance) - (chained ? cents(chained.cumulative_balance) : 0) - cents(x.net);
      const members = [cell('net')];
      if (chained) members.push(cellOf(city, chained.month, 'cumulative_balance'));
      if (opening !== 0) members.push(d.known(cell('opening'), opening));
      d.sum(cell('cumulative_balance'), members);
    }
    const key = `${city}|${String(x.month).slice(0, 4)}`;
    byYear.set(key, [...(byYear.get(key) ?? []), x]);
    prev = x;
  }
  // A year is the sum of its months; the year-end balance is its last month's.
  for (const [key, months] of byYear) {
    const [city, year] = key.split('|');
    for (const m of ['income_total', 'expenditure_total', 'net']) {
      d.sum(annualCell(city, year, 'all', m), months.map((x) => cellOf(city, x.month, m)));
    }
    const last = months.at(-1)!;
    if (d.has(annualCell(city, year, 'all', 'balance_end')) && last.balance_known !== false) {
      d.sum(annualCell(city, year, 'all', 'balance_end'), [cellOf(city, last.month, 'cumulative_balance')]);
    }
    const benefits = months.reduce((n, x) => n + cents(x.expenditure_benefits), 0);
    d.sum(d.unknown(yearBenefitsCell(city, year), benefits), months.map((x) => cellOf(city, x.month, 'expenditure_benefits')));
  }

  return () => publicTable({
    name: 'fund-monthly',
    title: '基金月度收支（两险种合计）',
    columns: COLUMNS,
    rows: [...r].sort((a, b) => String(a.city).localeCompare(String(b.city)) || String(b.month).localeCompare(String(a.month))).map((x) => ({
      city_name: cityName(x.city),
      city: x.city,
      month: x.month,
      ...Object.fromEntries(AMOUNTS.filter((m) => m !== 'cumulative_balance').map((m) => [m, publish(d.cell(cellOf(x.city, x.month, m)), x[m])])),
      // a balance not known (no opening balance delivered) is said in words, as on the dashboards
      cumulative_balance: x.balance_known === false ? UNKNOWN_BALANCE_TEXT : publish(d.cell(cellOf(x.city, x.month, 'cumulative_balance')), x.cumulative_balance),
    })),
    note: `收付实现制：缴费收入计入缴费月份，待遇支出计入结算月份（冲销为负数）。${SUPPRESSION_NOTE}`,
  });
}
