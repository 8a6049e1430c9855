// 基金收支: every income and expenditure line for the month, the month before, the same month a
// year before and the year to date, with the changes (mart_fund_item_monthly), per scheme. The
// annual report prints the year to date at the year's last month against the same months of the
// year before (at December: the year against the year before).
import { lit } from '../../db.ts';
import { EXPENDITURE_KINDS, FUND_LABELS, INCOME_SOURCES, SCHEMES } from '../../../vocabulary/index.ts';
import { changeNote, changeRuleText, shownChange } from '../change.ts';
import { rows, schemesOf, type Ctx } from '../context.ts';
import { reportTable } from '../table.ts';
import type { Column, Section, Table } from '../types.ts';

/** The income and expenditure lines (mart_fund_item_monthly.item), in the dashboards' words. */
export const FUND_ITEMS: [key: string, label: string][] = [
  ...INCOME_SOURCES,
  ['income_total', FUND_LABELS.income_total],
  ...EXPENDITURE_KINDS,
  ['expenditure_total', FUND_LABELS.expenditure_total],
  ['net', FUND_LABELS.net],
];
const TOTAL_ROWS = [5, 10, 11];

const MONTH_COLUMNS: Column[] = [
  { key: 'item', label: '项目', kind: 'text' },
  { key: 'current', label: '本月（元）', kind: 'amount' },
  { key: 'prev_month', label: '上月（元）', kind: 'amount' },
  { key: 'mom_pct', label: '环比', kind: 'change' },
  { key: 'prev_year', label: '上年同月（元）', kind: 'amount' },
  { key: 'yoy_pct', label: '同比', kind: 'change' },
  { key: 'ytd', label: '本年累计（元）', kind: 'amount' },
  { key: 'ytd_prev_year', label: '上年同期累计（元）', kind: 'amount' },
  { key: 'ytd_yoy_pct', label: '累计同比', kind: 'change' },
];

const CASH_NOTE = '收付实现制：缴费按缴费日期、待遇按结算日期、台账按记账日期计入当月。';

async function itemRows(ctx: Ctx, scheme: string): Promise<Record<string, unknown>[]> {
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
  return FUND_ITEMS.map(([key, label]) => {
    const x = byItem.get(key) ?? {};
    return {
      item: label,
      item_key: key,
      current: x.current, prev_month: x.prev_month, prev_year: x.prev_year, ytd: x.ytd, ytd_prev_year: x.ytd_prev_year,
      ...shownChange('mom_pct', x.mom_pct, x.prev_month, x.current),
      ...shownChange('yoy_pct', x.yoy_pct, x.prev_year, x.current),
      ...shownChange('ytd_yoy_pct', x.ytd_yoy_pct, x.ytd_prev_year, x.ytd),
    };
  });
}

async function fundItemTable(ctx: Ctx, scheme: string): Promise<Table> {
  const r = await itemRows(ctx, scheme);
  const why = changeNote(r, 'item', [['mom_pct', '环比', '上月'], ['yoy_pct', '同比', '上年同月'], ['ytd_yoy_pct', '累计同比', '上年同期']]);
  return reportTable({
    id: `fund-${scheme}`,
    title: `基金收支明细（${SCHEMES[scheme] ?? scheme}）`,
    columns: MONTH_COLUMNS,
    rows: r,
    totalRows: TOTAL_ROWS,
    note: `${CASH_NOTE}环比、同比为增减幅度；${changeRuleText()}。${why}`,
  });
}

async function annualItemTable(ctx: Ctx, scheme: string, months: string): Promise<Table> {
  const r = await itemRows(ctx, scheme);
  const why = changeNote(r, 'item', [['ytd_yoy_pct', '比上年', '上年']]);
  return reportTable({
    id: `fund-${scheme}`,
    title: `基金收支明细（${SCHEMES[scheme] ?? scheme}）`,
    columns: [
      { key: 'item', label: '项目', kind: 'text' },
      { key: 'ytd', label: `${ctx.year}年${months}（元）`, kind: 'amount' },
      { key: 'ytd_prev_year', label: `${ctx.year - 1}年${months}（元）`, kind: 'amount' },
      { key: 'ytd_yoy_pct', label: '比上年增减', kind: 'change' },
    ],
    rows: r,
    totalRows: TOTAL_ROWS,
    note: `${CASH_NOTE}上年为上年同期（相同月份）。${changeRuleText()}。${why}`,
  });
}

/** A city with one scheme (or one account for both) gets the `all` table only: a scheme table would repeat it. */
async function shownSchemes(ctx: Ctx): Promise<string[]> {
  const schemes = await schemesOf(ctx);
  const parts = schemes.filter((s) => s !== 'all');
  return parts.length >= 2 ? schemes : schemes.filter((s) => s === 'all');
}

export async function fundSection(ctx: Ctx): Promise<Section> {
  const tables: Table[] = [];
  for (const s of await shownSchemes(ctx)) tables.push(await fundItemTable(ctx, s));
  return { id: 'fund', title: '基金收支', tables };
}

/** 年报: the year (to its last month in the data, `ctx.d`) against the same months of the year before. */
export async function annualFundSection(ctx: Ctx, months: string): Promise<Section> {
  const tables: Table[] = [];
  for (const s of await shownSchemes(ctx)) tables.push(await annualItemTable(ctx, s, months));
  return { id: 'fund', title: '基金收支', tables };
}
