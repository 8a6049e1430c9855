// The report's two charts, as data (drawn by svgChart.ts; written as tables in the workbook and as
// CSV on the site): income and expenditure, and the balance with months payable — the 12 months to
// the report month (mart_fund_monthly), or every year to the report year (mart_fund_annual).
// A city with separately accounted schemes (status_basis 'none' on its total) gets a months-payable
// line per fund: the total's is no fund's. A balance not known (期初结余未提供) is no bar.
import { lit } from '../../db.ts';
import { month as monthLabel, SCHEMES, yearLabel } from '../../../vocabulary/index.ts';
import { rows, str, tableColumns, type Ctx } from '../context.ts';
import { reportTable } from '../table.ts';
import type { Chart, Column } from '../types.ts';

export type Band = Chart['band'];

/** The healthy band of months payable (cfg_projection.healthy_status, else 结余合理), in words. */
export async function healthyBand(ctx: Ctx): Promise<Band> {
  if (!ctx.tables.has('cfg_surplus_band')) return null;
  const status = ctx.tables.has('cfg_projection') ? `(select healthy_status from cfg_projection limit 1)` : `'reasonable'`;
  const [b] = await rows(ctx.conn, `
    select label_zh, min_value::double as min_value, max_value::double as max_value
    from cfg_surplus_band where status = ${status} and min_value is not null and max_value is not null`);
  return b ? { min: Number(b.min_value), max: Number(b.max_value), label: `${b.label_zh}（${Number(b.min_value)}–${Number(b.max_value)}个月）` } : null;
}

interface Series { balance: string | null; months: Record<string, string | null> }

/** Months-payable columns: one for the city's fund, or one per fund when the total is no fund. */
function payableColumns(funds: string[]): Column[] {
  return funds.length
    ? funds.map((s) => ({ key: `months_payable_${s}`, label: `可支付月数（${SCHEMES[s] ?? s}）`, kind: 'number' as const }))
    : [{ key: 'months_payable', label: '可支付月数', kind: 'number' as const }];
}

function seriesOf(byScheme: Map<string, Record<string, unknown>>, funds: string[], balanceKey: string, monthsKey: string): Series {
  const all = byScheme.get('all');
  const known = (r?: Record<string, unknown>) => r && r.balance_known !== false;
  const months: Record<string, string | null> = {};
  if (funds.length) {
    for (const s of funds) {
      const r = byScheme.get(s);
      months[`months_payable_${s}`] = known(r) ? str(r![monthsKey]) : null;
    }
  } else months.months_payable = known(all) ? str(all![monthsKey]) : null;
  return { balance: known(all) ? str(all![balanceKey]) : null, months };
}

const UNKNOWN_NOTE = '期初结余未提供：累计结余未知，不绘制结余和可支付月数';

/** 月报: the 12 months to the report month. */
export async function monthlyCharts(ctx: Ctx): Promise<Chart[]> {
  const cols = await tableColumns(ctx.conn, 'mart_fund_monthly');
  const extra = ['balance_known', 'status_basis', 'is_fund'].filter((c) => cols.has(c)).join(', ');
  const r = await rows(ctx.conn, `
    select strftime(month, '%Y-%m') as month, scheme, income_total, expenditure_total, cumulative_balance,
        ${cols.has('months_payable_12m') ? 'months_payable_12m' : 'null as months_payable_12m'}${extra ? `, ${extra}` : ''}
    from mart_fund_monthly
    where city = ${lit(ctx.city)} and month between ${ctx.d} - interval 11 month and ${ctx.d}
    order by month`);
  const months = [...new Set(r.map((x) => String(x.month)))];
  const separate = r.some((x) => x.scheme === 'all' && x.status_basis === 'none');
  const funds = separate ? [...new Set(r.filter((x) => x.is_fund === true).map((x) => String(x.scheme)))] : [];
  const flows = months.map((m) => {
    const all = r.find((x) => x.month === m && x.scheme === 'all');
    return { label: monthLabel(m), income_total: all?.income_total, expenditure_total: all?.expenditure_total };
  });
  const balance = months.map((m) => {
    const byScheme = new Map(r.filter((x) => x.month === m).map((x) => [String(x.scheme), x]));
    const s = seriesOf(byScheme, funds, 'cumulative_balance', 'months_payable_12m');
    return { label: monthLabel(m), balance: s.balance, ...s.months };
  });
  const span = `${monthLabel(months[0])}—${monthLabel(months[months.length - 1])}`;
  // The annual collection: January's income several times any other month's (a picture's words, on floats)
  const jan = flows.find((f) => f.label.endsWith('年1月'));
  const others = flows.filter((f) => f !== jan).map((f) => Number(f.income_total ?? 0));
  const collection = jan && others.length && Number(jan.income_total ?? 0) > 3 * Math.max(...others, 0);
  return [
    {
      id: 'chart-flows',
      type: 'flows',
      title: `近12个月基金收入与支出（${span}）`,
      table: reportTable({
        id: 'chart-flows',
        title: `近12个月基金收入与支出（${span}）`,
        columns: [
          { key: 'label', label: '月份', kind: 'text' },
          { key: 'income_total', label: '基金收入（元）', kind: 'amount' },
          { key: 'expenditure_total', label: '基金支出（元）', kind: 'amount' },
        ],
        rows: flows,
      }),
      ...(collection ? {
        marks: [{ label: jan.label, text: '年度集中缴费' }],
        note: '1月收入明显高于其他月份：年度筹资（个人缴费、医保基金划拨、财政补助等）集中在年初到账，其余月份收入较少；支出按月结算。',
      } : {}),
    },
    {
      id: 'chart-balance',
      type: 'balance',
      title: `月末累计结余与可支付月数（${span}）`,
      table: reportTable({
        id: 'chart-balance',
        title: `月末累计结余与可支付月数（${span}）`,
        columns: [{ key: 'label', label: '月份', kind: 'text' }, { key: 'balance', label: '月末累计结余（元）', kind: 'amount' }, ...payableColumns(funds)],
        rows: balance,
      }),
      band: await healthyBand(ctx),
      ...(balance.every((b) => b.balance === null) ? { note: UNKNOWN_NOTE } : {}),
    },
  ];
}

/** 年报: every year of the city's data to the report year. */
export async function annualCharts(ctx: Ctx): Promise<Chart[]> {
  if (!ctx.tables.has('mart_fund_annual')) return [];
  const cols = await tableColumns(ctx.conn, 'mart_fund_annual');
  const extra = ['balance_known', 'status_basis', 'is_fund', 'year_complete', 'first_month', 'last_month'].filter((c) => cols.has(c))
    .map((c) => (c.endsWith('_month') ? `strftime(${c}, '%Y-%m-%d') as ${c}` : c)).join(', ');
  const r = await rows(ctx.conn, `
    select year, scheme, income_total, expenditure_total, balance_end, months_payable${extra ? `, ${extra}` : ''}
    from mart_fund_annual
    where city = ${lit(ctx.city)} and year <= ${ctx.year}
    order by year`);
  const years = [...new Set(r.map((x) => Number(x.year)))];
  const separate = r.some((x) => x.scheme === 'all' && x.status_basis === 'none');
  const funds = separate ? [...new Set(r.filter((x) => x.is_fund === true).map((x) => String(x.scheme)))] : [];
  const label = (y: number) => {
    const all = r.find((x) => Number(x.year) === y && x.scheme === 'all') ?? r.find((x) => Number(x.year) === y);
    return yearLabel({ year: y, year_complete: all?.year_complete === false ? false : null, first_month: str(all?.first_month), last_month: str(all?.last_month) });
  };
  const flows = years.map((y) => {
    const all = r.find((x) => Number(x.year) === y && x.scheme === 'all');
    return { label: label(y), income_total: all?.income_total, expenditure_total: all?.expenditure_total };
  });
  const balance = years.map((y) => {
    const byScheme = new Map(r.filter((x) => Number(x.year) === y).map((x) => [String(x.scheme), x]));
    const s = seriesOf(byScheme, funds, 'balance_end', 'months_payable');
    return { label: label(y), balance: s.balance, ...s.months };
  });
  return [
    {
      id: 'chart-flows',
      type: 'flows',
      title: '历年基金收入与支出',
      table: reportTable({
        id: 'chart-flows',
        title: '历年基金收入与支出',
        columns: [
          { key: 'label', label: '年度', kind: 'text' },
          { key: 'income_total', label: '基金收入（元）', kind: 'amount' },
          { key: 'expenditure_total', label: '基金支出（元）', kind: 'amount' },
        ],
        rows: flows,
      }),
      note: '年度不完整的标注数据覆盖的月份。',
    },
    {
      id: 'chart-balance',
      type: 'balance',
      title: '历年年末累计结余与可支付月数',
      table: reportTable({
        id: 'chart-balance',
        title: '历年年末累计结余与可支付月数',
        columns: [{ key: 'label', label: '年度', kind: 'text' }, { key: 'balance', label: '年末累计结余（元）', kind: 'amount' }, ...payableColumns(funds)],
        rows: balance,
      }),
      band: await healthyBand(ctx),
      ...(balance.every((b) => b.balance === null) ? { note: UNKNOWN_NOTE } : {}),
    },
  ];
}
