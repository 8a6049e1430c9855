// 结余与可支付月数: the month-end balance, against the same month a year before; months payable
// and the surplus status on the last 12 months (mart_fund_monthly) and at last year's end
// (mart_fund_annual); the status bands (cfg_surplus_band) in words.
import { UserError } from '../../errors.ts';
import { lit } from '../../db.ts';
import { readThresholds } from '../../config.ts';
import { bandRule, day as dayLabel, OVERDRAWN_TEXT, payableCell, SCHEMES, yearLabel } from '../../../vocabulary/index.ts';
import { rows, schemesOf, str, tableColumns, type Ctx } from '../context.ts';
import { reportTable } from '../table.ts';
import type { Section } from '../types.ts';

export async function balanceSection(ctx: Ctx): Promise<Section> {
  const cols = await tableColumns(ctx.conn, 'mart_fund_monthly');
  const has12m = cols.has('months_payable_12m') && cols.has('surplus_status_12m');
  const hasBands = ctx.tables.has('cfg_surplus_band');
  const hasAnnual = ctx.tables.has('mart_fund_annual');
  const r = await rows(ctx.conn, `
    with monthly as (
        select * from mart_fund_monthly where city = ${lit(ctx.city)}
    ),
    current as (
        select * from monthly where month = ${ctx.d}
    ),
    ${hasAnnual ? `annual as (
        select * from mart_fund_annual where city = ${lit(ctx.city)} and year = ${ctx.year - 1}
    ),` : ''}
    final as (
        select
            current.scheme,
            current.cumulative_balance,
            year_ago.cumulative_balance as balance_prev_year,
            case when year_ago.cumulative_balance <> 0
                then round((current.cumulative_balance - year_ago.cumulative_balance) / abs(year_ago.cumulative_balance), 4)
            end as balance_yoy_pct,
            ${has12m ? 'current.expenditure_12m, current.months_payable_12m, current.surplus_status_12m' : 'null as expenditure_12m, null as months_payable_12m, null as surplus_status_12m'},
            ${hasAnnual
                ? `annual.balance_end as balance_end_prev, annual.months_payable as months_payable_prev, annual.surplus_status as surplus_status_prev,
            annual.year_complete as year_complete_prev, strftime(annual.first_month, '%Y-%m-%d') as first_month_prev, strftime(annual.last_month, '%Y-%m-%d') as last_month_prev`
                : 'null as balance_end_prev, null as months_payable_prev, null as surplus_status_prev, null as year_complete_prev, null as first_month_prev, null as last_month_prev'},
        from current
        left join monthly as year_ago
            on year_ago.scheme = current.scheme
            and year_ago.month = current.month - interval 12 month
        ${hasAnnual ? 'left join annual on annual.scheme = current.scheme' : ''}
    )
    select * from final`);
  const labels = hasBands
    ? new Map((await rows(ctx.conn, `select status, label_zh from cfg_surplus_band`)).map((x) => [String(x.status), String(x.label_zh)]))
    : new Map<string, string>();
  const bandNote = hasBands ? await bandsNote(ctx) : null;
  const schemes = await schemesOf(ctx);
  const byScheme = new Map(r.map((x) => [String(x.scheme), x]));
  const statusLabel = (s: unknown) => (s === null || s === undefined ? null : labels.get(String(s)) ?? String(s));
  // The vocabulary's rule (vocabulary/payable.ts): an overdrawn fund has no months payable, it
  // reads "—（已穿底）"; a part year is labelled with its months and its months payable is provisional.
  const payable = (months: unknown, balance: unknown, status: unknown) => {
    const v = payableCell(str(months), { balance: str(balance), status: str(status) });
    return { v, k: v === OVERDRAWN_TEXT ? 'text' : 'number' };
  };
  const out = schemes.filter((s) => byScheme.has(s)).map((s) => {
    const x = byScheme.get(s)!;
    const now = payable(x.months_payable_12m, x.cumulative_balance, x.surplus_status_12m);
    const prev = payable(x.months_payable_prev, x.balance_end_prev, x.surplus_status_prev);
    return {
      scheme: SCHEMES[s] ?? s,
      cumulative_balance: x.cumulative_balance,
      balance_prev_year: x.balance_prev_year,
      balance_yoy_pct: x.balance_yoy_pct,
      expenditure_12m: x.expenditure_12m,
      months_payable_12m: now.v, months_payable_12m__kind: now.k,
      surplus_status_12m: statusLabel(x.surplus_status_12m),
      balance_end_prev: x.balance_end_prev,
      months_payable_prev: prev.v, months_payable_prev__kind: prev.k,
      surplus_status_prev: statusLabel(x.surplus_status_prev),
    };
  });
  const prevRow = byScheme.get('all') ?? r[0];
  const prevYear = yearLabel({
    year: ctx.year - 1,
    year_complete: prevRow?.year_complete_prev === false ? false : null,
    first_month: str(prevRow?.first_month_prev),
    last_month: str(prevRow?.last_month_prev),
  });
  const prevPart = prevRow?.year_complete_prev === false;
  return {
    id: 'balance',
    title: '结余与可支付月数',
    notes: [
      '可支付月数 = 月末累计结余 ÷ 近12个月月均基金支出（不足12个月的按已有月份平均）；上年末可支付月数 = 上年末累计结余 ÷（上年基金支出 ÷ 12）。累计结余为负的基金已穿底，不计算可支付月数。',
      ...(prevPart ? [`${prevYear}数据未满12个月，其可支付月数仍按全年支出 ÷ 12 计算，为暂估。`] : []),
      ...(bandNote ? [bandNote] : []),
    ],
    tables: [reportTable({
      id: 'balance',
      title: '累计结余、可支付月数与结余状态',
      columns: [
        { key: 'scheme', label: '险种', kind: 'text' },
        { key: 'cumulative_balance', label: '月末累计结余（元）', kind: 'money' },
        { key: 'balance_prev_year', label: '上年同月末（元）', kind: 'money' },
        { key: 'balance_yoy_pct', label: '同比', kind: 'change' },
        { key: 'expenditure_12m', label: '近12个月支出（元）', kind: 'money' },
        { key: 'months_payable_12m', label: '可支付月数', kind: 'mixed' },
        { key: 'surplus_status_12m', label: '结余状态', kind: 'text' },
        { key: 'balance_end_prev', label: `${prevYear}末累计结余（元）`, kind: 'money' },
        { key: 'months_payable_prev', label: `${prevYear}可支付月数${prevPart ? '（暂估）' : ''}`, kind: 'mixed' },
        { key: 'surplus_status_prev', label: `${prevYear}结余状态`, kind: 'text' },
      ],
      rows: out,
    })],
  };
}

async function bandsNote(ctx: Ctx): Promise<string> {
  const b = await rows(ctx.conn, `
    select status, label_zh, basis, min_value::varchar as min_value, max_value::varchar as max_value,
        min_inclusive, max_inclusive, strftime(as_of, '%Y-%m-%d') as as_of, source
    from cfg_surplus_band order by sort_order`);
  const parts = b.map((x) => `${x.label_zh}：${bandRule(x)}`);
  const first = b[0] ?? {};
  return `结余状态分档（M 为可支付月数，${first.as_of ? `${dayLabel(String(first.as_of))}设定` : '设定日期不详'}）：${parts.join('；')}。分档依据：${bandSourceZh(String(first.source ?? ''))}。`;
}

/** The bands' source in Chinese: config/thresholds.json `surplus_bands.source_zh` (the warehouse keeps only the English source). */
function bandSourceZh(source: string): string {
  const zh = (readThresholds().surplus_bands as { source_zh?: string }).source_zh;
  if (zh) return zh;
  throw new UserError(`config/thresholds.json has no "surplus_bands.source_zh": add the Chinese wording of "${source}" for the report`);
}
