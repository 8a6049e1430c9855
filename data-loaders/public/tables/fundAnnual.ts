// 基金年度收支与结余: each city's income, expenditure, balance, months payable and surplus status by
// year and scheme (mart_fund_annual): the funds and the city's total, never settlements of no scheme
// as a scheme of their own. Fund-level amounts, not about persons: not suppressed.
import type { DuckDBConnection } from '@duckdb/node-api';
import { readThresholds } from '../../config.ts';
import { OVERDRAWN_TEXT, payableCell, SCHEME_ORDER, SCHEMES, statusNoteText, UNKNOWN_BALANCE_TEXT, yearLabel } from '../../../vocabulary/index.ts';
import { cityNames, hasTable, publicTable, rows, type PublicTable } from './table.ts';

export async function fundAnnual(conn: DuckDBConnection): Promise<PublicTable> {
  const cityName = await cityNames(conn);
  const hasBands = await hasTable(conn, 'cfg_surplus_band');
  const minMonths = readThresholds().surplus_bands.min_expenditure_months;
  const r = await rows(conn, `
    with annual as (
        select * from mart_fund_annual
        where scheme in ('employee', 'resident', 'all')
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
        annual.balance_known,
        annual.status_note,
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
      // The vocabulary's rule, as on the dashboards: a balance not known reads 期初结余未提供; a
      // balance below zero has no months payable; no status says why.
      balance_end: x.balance_known === false ? UNKNOWN_BALANCE_TEXT : x.balance_end,
      months_payable: payableCell(x.months_payable as string | null, { balance: x.balance_end as string | null, known: x.balance_known as boolean | null }),
      surplus_status: x.surplus_status === null ? statusNoteText(x.status_note as string | null, minMonths) || null : x.surplus_status_label,
    })),
    note: `收付实现制（缴费按缴费日期、待遇按结算日期计入）。累计结余从期初结余（上年结转）起算，基金早于本数据而未提供期初结余的显示“${UNKNOWN_BALANCE_TEXT}”。可支付月数 = 年末累计结余 ÷ 本年有支出月份的月均基金支出；累计结余为负的显示为“${OVERDRAWN_TEXT}”；有支出的月份不足${minMonths}个月的不判断结余状态；数据覆盖不足12个月的年度标明所含月份。`,
  });
}
