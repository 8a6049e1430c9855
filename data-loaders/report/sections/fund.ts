// 基金收支: every income and expenditure line for the month, the month before, the same month a
// year before and the year to date, with the changes (mart_fund_item_monthly), per scheme.
import { lit } from '../../db.ts';
import { EXPENDITURE_KINDS, FUND_LABELS, INCOME_SOURCES, SCHEMES } from '../../../vocabulary/index.ts';
import { rows, schemesOf, type Ctx } from '../context.ts';
import { reportTable } from '../table.ts';
import type { Column, Section, Table } from '../types.ts';

/** The income and expenditure lines (mart_fund_item_monthly.item), in the dashboards' words. */
const FUND_ITEMS: [key: string, label: string][] = [
  ...INCOME_SOURCES,
  ['income_total', FUND_LABELS.income_total],
  ...EXPENDITURE_KINDS,
  ['expenditure_total', FUND_LABELS.expenditure_total],
  ['net', FUND_LABELS.net],
];

const CHANGE_COLUMNS: Column[] = [
  { key: 'item', label: '项目', kind: 'text' },
  { key: 'current', label: '本月（元）', kind: 'money' },
  { key: 'prev_month', label: '上月（元）', kind: 'money' },
  { key: 'mom_pct', label: '环比', kind: 'change' },
  { key: 'prev_year', label: '上年同月（元）', kind: 'money' },
  { key: 'yoy_pct', label: '同比', kind: 'change' },
  { key: 'ytd', label: '本年累计（元）', kind: 'money' },
  { key: 'ytd_prev_year', label: '上年同期累计（元）', kind: 'money' },
  { key: 'ytd_yoy_pct', label: '累计同比', kind: 'change' },
];

async function fundItemTable(ctx: Ctx, scheme: string): Promise<Table> {
  const r = await rows(ctx.conn, `
    select
        item,
        amount as current,
        amount_prev_month as prev_month,
        mom_pct,
        amount_prev_year as prev_year,
        yoy_pct,
        ytd,
        ytd_prev_year,
        ytd_yoy_pct,
    from mart_fund_item_monthly
    where city = ${lit(ctx.city)} and scheme = ${lit(scheme)} and month = ${ctx.d}`);
  const byItem = new Map(r.map((x) => [String(x.item), x]));
  return reportTable({
    id: `fund-${scheme}`,
    title: `基金收支明细（${SCHEMES[scheme] ?? scheme}）`,
    columns: CHANGE_COLUMNS,
    rows: FUND_ITEMS.map(([key, label]) => {
      const x = byItem.get(key) ?? {};
      return Object.fromEntries(CHANGE_COLUMNS.map((c) => [c.key, c.key === 'item' ? label : x[c.key]]));
    }),
    totalRows: [5, 10, 11],
    note: '收付实现制：缴费按缴费日期、待遇按结算日期、台账按记账日期计入当月。环比、同比为增减幅度；上期为零或无数据时不计算。',
  });
}

export async function fundSection(ctx: Ctx): Promise<Section> {
  // A city with one scheme (or one account for both) gets the `all` table only: a scheme table would repeat it.
  const schemes = await schemesOf(ctx);
  const parts = schemes.filter((s) => s !== 'all');
  const shown = parts.length >= 2 ? schemes : schemes.filter((s) => s === 'all');
  const tables: Table[] = [];
  for (const s of shown) tables.push(await fundItemTable(ctx, s));
  return { id: 'fund', title: '基金收支', tables };
}
