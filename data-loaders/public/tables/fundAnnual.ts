// 基金年度收支与结余: each city's income, expenditure, balance, months payable and surplus status by
// year and scheme (mart_fund_annual). Fund-level amounts, not about persons: not suppressed.
import type { DuckDBConnection } from '@duckdb/node-api';
import { payableCell, SCHEME_ORDER, SCHEMES, yearLabel } from '../../../vocabulary/index.ts';
import { cityNames, hasTable, publicTable, rows, type PublicTable } from './table.ts';

export async function fundAnnual(conn: DuckDBConnection): Promise<PublicTable> {
  const cityName = await cityNames(conn);
  const hasBands = await hasTable(conn, 'cfg_surplus_band');
  const r = await rows(conn, `
    with annual as (
        select * from mart_fund_annual
        where scheme <> 'unassigned' or income_total <> 0 or expenditure_total <> 0
    )
    select
        annual.city,
        annual.year,
        annual.scheme,
        annual.income_total,
        annual.expenditure_total,
        annual.net,
        annual.balance_end,
        annual.months_payable,
        annual.surplus_status,
        ${hasBands ? 'bands.label_zh' : 'annual.surplus_status'} as surplus_status_label,
        annual.months_covered,
        annual.year_complete,
        strftime(annual.first_month, '%Y-%m-%d') as first_month,
        strftime(annual.last_month, '%Y-%m-%d') as last_month,
    from annual
    ${hasBands ? 'left join cfg_surplus_band as bands on bands.status = annual.surplus_status' : ''}
    order by annual.city, annual.year, list_position(${`['${SCHEME_ORDER.join("','")}']`}, annual.scheme)`);
  return publicTable({
    name: 'fund-annual',
    title: '基金年度收支与结余',
    columns: [
      { key: 'city_name', label: '城市', kind: 'text' },
      { key: 'city', label: '医保区划', kind: 'text' },
      { key: 'year', label: '年度', kind: 'text' },
      { key: 'year_text', label: '期间', kind: 'text' },
      { key: 'scheme', label: '险种', kind: 'text' },
      { key: 'income_total', label: '基金收入（元）', kind: 'money' },
      { key: 'expenditure_total', label: '基金支出（元）', kind: 'money' },
      { key: 'net', label: '当期结余（元）', kind: 'money' },
      { key: 'balance_end', label: '年末累计结余（元）', kind: 'money' },
      { key: 'months_payable', label: '可支付月数', kind: 'number' },
      { key: 'surplus_status', label: '结余状态', kind: 'text' },
      { key: 'months_covered', label: '数据覆盖月数', kind: 'count' },
    ],
    rows: r.map((x) => ({
      ...x,
      city_name: cityName(x.city),
      year_text: yearLabel({ year: Number(x.year), year_complete: x.year_complete === false ? false : null, first_month: x.first_month as string | null, last_month: x.last_month as string | null }),
      scheme: SCHEMES[String(x.scheme)] ?? String(x.scheme),
      // The vocabulary's rule, as on the dashboards: an overdrawn fund has no months payable.
      months_payable: payableCell(x.months_payable as string | null, { balance: x.balance_end as string | null, status: x.surplus_status as string | null }),
      surplus_status: x.surplus_status_label,
    })),
    note: '收付实现制（缴费按缴费日期、待遇按结算日期计入）。可支付月数 = 年末累计结余 ÷（年度基金支出 ÷ 12）；累计结余为负的基金已穿底，显示为“—（已穿底）”；数据覆盖不足12个月的年度标明所含月份，其可支付月数为暂估。',
  });
}
