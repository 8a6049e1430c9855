// 基金月度收支: each city's monthly income by source, expenditure by kind, net and month-end balance,
// both schemes together (mart_fund_monthly, scheme all). Fund-level amounts: not suppressed.
import type { DuckDBConnection } from '@duckdb/node-api';
import { EXPENDITURE_KINDS, FUND_LABELS, INCOME_SOURCES, UNKNOWN_BALANCE_TEXT } from '../../../vocabulary/index.ts';
import { cityNames, publicTable, rows, type PublicColumn, type PublicTable } from './table.ts';

const money = (key: string, label: string): PublicColumn => ({ key, label, kind: 'money' });

/** The dashboards' words for the fund columns (vocabulary/fundColumns.ts), in 元. */
const COLUMNS: PublicColumn[] = [
  { key: 'city_name', label: '城市', kind: 'text' },
  { key: 'city', label: '医保区划', kind: 'text' },
  { key: 'month', label: '月份', kind: 'text' },
  ...[...INCOME_SOURCES, ['income_total', FUND_LABELS.income_total], ...EXPENDITURE_KINDS,
    ['expenditure_total', FUND_LABELS.expenditure_total], ['net', FUND_LABELS.net]].map(([key, label]) => money(key, `${label}（元）`)),
  money('cumulative_balance', `月末${FUND_LABELS.cumulative_balance}（元）`),
];

export async function fundMonthly(conn: DuckDBConnection): Promise<PublicTable> {
  const cityName = await cityNames(conn);
  const r = await rows(conn, `
    select
        city,
        strftime(month, '%Y-%m') as month,
        income_individual, income_medical_fund, income_fiscal, income_employer, income_other, income_total,
        expenditure_benefits, expenditure_assessment, expenditure_operator, expenditure_other, expenditure_total,
        net,
        cumulative_balance,
        balance_known,
    from mart_fund_monthly
    where scheme = 'all'
    order by city, month`);
  return publicTable({
    name: 'fund-monthly',
    title: '基金月度收支（两险种合计）',
    columns: COLUMNS,
    // a balance not known (no opening balance delivered) is said in words, as on the dashboards
    rows: r.map((x) => ({ ...x, city_name: cityName(x.city), cumulative_balance: x.balance_known === false ? UNKNOWN_BALANCE_TEXT : x.cumulative_balance })),
  });
}
