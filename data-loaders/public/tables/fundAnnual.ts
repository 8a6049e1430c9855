// 基金年度收支与结余: each city's income, expenditure, balance, months payable and surplus status by
// year and fund (mart_fund_annual): the two funds and the city's total (合计, which also holds the
// settlements whose fund could not be determined — never a row of their own), newest year first.
// Amounts of 1–10 persons' payments are hidden, and whatever would give them away (suppress.ts).
import type { DuckDBConnection } from '@duckdb/node-api';
import { readThresholds } from '../../config.ts';
import { derived, type Disclosure } from '../../suppress.ts';
import { SCHEME_ORDER, SCHEMES, statusNoteText, UNKNOWN_BALANCE_TEXT, yearLabel } from '../../../vocabulary/index.ts';
import type { FundPersons } from './fundPersons.ts';
import { cents, cityNames, hasTable, publicTable, publish, rows, NEGATIVE_BALANCE_TEXT, SUPPRESSION_NOTE, type PublicTable } from './table.ts';

const MEASURES = ['income_total', 'expenditure_total', 'net'] as const;

/** The name of a fund-annual cell in the site's Disclosure (fundMonthly.ts ties months to it). */
export const annualCell = (city: string, year: number | string, scheme: string, measure: string) => `annual|${city}|${year}|${scheme}|${measure}`;

export async function fundAnnual(conn: DuckDBConnection, d: Disclosure, persons: FundPersons): Promise<() => PublicTable> {
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
    order by annual.city, annual.year desc, list_position(${`['${SCHEME_ORDER.join("','")}']`}, annual.scheme)`);

  const rowOf = new Map(r.map((x) => [`${x.city}|${x.year}|${x.scheme}`, x]));
  for (const x of r) {
    const city = String(x.city);
    const cell = (m: string) => annualCell(city, Number(x.year), String(x.scheme), m);
    const start = `${x.year}-01-01`;
    for (const m of MEASURES) d.amount(cell(m), cents(x[m]), persons(city, String(x.scheme), 'year', start, m), { weight: 4 });
    // 收入 = 当期结余 + 支出
    d.sum(cell('income_total'), [cell('net'), cell('expenditure_total')]);
    if (x.balance_known === false) continue;
    // 年末累计结余 = 上年末 + 当期结余 (+ an opening balance that opens this year, which a reader may know)
    d.amount(cell('balance_end'), cents(x.balance_end), null, { weight: 8 });
    const prev = rowOf.get(`${city}|${Number(x.year) - 1}|${x.scheme}`);
    const before = prev && prev.balance_known !== false ? cents(prev.balance_end) : 0;
    const opening = cents(x.balance_end) - before - cents(x.net);
    const members = [cell('net')];
    if (prev && prev.balance_known !== false) members.push(annualCell(city, Number(x.year) - 1, String(x.scheme), 'balance_end'));
    if (opening !== 0) members.push(d.known(cell('opening'), opening));
    d.sum(cell('balance_end'), members);
  }
  // 合计 = 职工 + 城乡居民 + settlements of no fund (a figure no table shows)
  for (const x of r.filter((y) => y.scheme === 'all')) {
    const city = String(x.city);
    const funds = ['employee', 'resident'].filter((s) => rowOf.has(`${city}|${x.year}|${s}`));
    if (!funds.length) continue;
    for (const m of [...MEASURES, 'balance_end']) {
      if (!d.has(annualCell(city, Number(x.year), 'all', m))) continue;
      if (funds.some((s) => !d.has(annualCell(city, Number(x.year), s, m)))) continue;
      const members = funds.map((s) => annualCell(city, Number(x.year), s, m));
      const rest = cents(x[m]) - funds.reduce((n, s) => n + cents(rowOf.get(`${city}|${x.year}|${s}`)![m]), 0);
      if (rest !== 0) members.push(d.unknown(annualCell(city, Number(x.year), 'no_fund', m), rest));
      d.sum(annualCell(city, Number(x.year), 'all', m), members);
    }
  }

  return () => publicTable({
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
    rows: r.map((x) => {
      const cell = (m: string) => d.cell(annualCell(String(x.city), Number(x.year), String(x.scheme), m));
      const known = x.balance_known !== false;
      const negative = known && cents(x.balance_end) < 0;
      const hidden = [cell('expenditure_total'), known ? cell('balance_end') : null];
      return {
        city_name: cityName(x.city),
        city: x.city,
        year: x.year,
        year_text: yearLabel({ year: Number(x.year), year_complete: x.year_complete === false ? false : null, first_month: x.first_month as string | null, last_month: x.last_month as string | null }),
        scheme: SCHEMES[String(x.scheme)] ?? String(x.scheme),
        income_total: publish(cell('income_total'), x.income_total),
        expenditure_total: publish(cell('expenditure_total'), x.expenditure_total),
        net: publish(cell('net'), x.net),
        // A balance not known (no opening balance delivered) is said in words, as on the dashboards.
        balance_end: known ? publish(cell('balance_end'), x.balance_end) : UNKNOWN_BALANCE_TEXT,
        // Months payable and the status are computed from the balance and the expenditure: hidden with them.
        months_payable: !known ? UNKNOWN_BALANCE_TEXT : derived(negative ? null : x.months_payable, ...hidden),
        surplus_status: !known ? UNKNOWN_BALANCE_TEXT
          : derived(negative ? NEGATIVE_BALANCE_TEXT : x.surplus_status === null ? statusNoteText(x.status_note as string | null, minMonths) || null : x.surplus_status_label, ...hidden),
        months_covered: x.months_covered,
      };
    }),
    note: `收付实现制（缴费按缴费日期、待遇按结算日期计入）。合计含无法确定所属险种的结算。累计结余从期初结余（上年结转）起算，基金早于本数据而未提供期初结余的显示“${UNKNOWN_BALANCE_TEXT}”。可支付月数 = 年末累计结余 ÷ 本年有支出月份的月均基金支出；累计结余为负时不计算可支付月数；有支出的月份不足${minMonths}个月的不判断结余状态；数据覆盖不足12个月的年度标明所含月份。${SUPPRESSION_NOTE}`,
  });
}
