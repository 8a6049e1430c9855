// 结余与可支付月数: the month-end balance, against the same month a year before; months payable
// and the surplus status on the last 12 months (mart_fund_monthly) and at last year's end
// (mart_fund_annual), or why there is none (期初结余未提供, …); the year to date's 收不抵支 apart
// from the status; the status bands (cfg_surplus_band) in words.
import { UserError } from '../../errors.ts';
import { lit } from '../../db.ts';
import { readThresholds } from '../../config.ts';
import { bandRule, day as dayLabel, OVERDRAWN_TEXT, payableCell, SCHEMES, statusNoteText, UNKNOWN_BALANCE_TEXT, yearLabel } from '../../../vocabulary/index.ts';
import { rows, schemesOf, str, tableColumns, type Ctx } from '../context.ts';
import { reportTable } from '../table.ts';
import type { Section } from '../types.ts';

export async function balanceSection(ctx: Ctx): Promise<Section> {
  const cols = await tableColumns(ctx.conn, 'mart_fund_monthly');
  const has12m = cols.has('months_payable_12m') && cols.has('surplus_status_12m');
  const hasBands = ctx.tables.has('cfg_surplus_band');
  const hasAnnual = ctx.tables.has('mart_fund_annual');
  // opening balances, notes and the deficit flag (docs/marts.md); a warehouse built before them has none
  const hasNotes = cols.has('balance_known') && cols.has('status_note_12m') && cols.has('deficit_ytd');
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
            ${hasNotes
                ? `current.balance_known, current.status_note_12m, current.deficit_ytd,
            ${hasAnnual ? 'annual.balance_known as balance_known_prev, annual.status_note as status_note_prev,' : ''}`
                : ''}
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
  const minMonths = readThresholds().surplus_bands.min_expenditure_months;
  // the status, else why there is none (期初结余未提供, too few months with expenditure, …)
  const statusLabel = (s: unknown, note: unknown = null) =>
    (s === null || s === undefined ? (note ? statusNoteText(String(note), minMonths) : null) : labels.get(String(s)) ?? String(s));
  // The vocabulary's rule (vocabulary/payable.ts): a balance not known reads 期初结余未提供; a fund
  // below zero has no months payable, it reads "—（累计结余穿底）"; a part year is labelled with its months.
  const payable = (months: unknown, balance: unknown, known: unknown) => {
    const v = payableCell(str(months), { balance: str(balance), known: known === false ? false : null });
    return { v, k: v === OVERDRAWN_TEXT || v === UNKNOWN_BALANCE_TEXT ? 'text' : 'number' };
  };
  // a balance not known is a word in the money column
  const balance = (v: unknown, known: unknown) => (known === false ? { v: UNKNOWN_BALANCE_TEXT, k: 'text' } : { v: str(v), k: 'money' });
  const out = schemes.filter((s) => byScheme.has(s)).map((s) => {
    const x = byScheme.get(s)!;
    const now = payable(x.months_payable_12m, x.cumulative_balance, x.balance_known);
    const prev = payable(x.months_payable_prev, x.balance_end_prev, x.balance_known_prev);
    const bal = balance(x.cumulative_balance, x.balance_known);
    const balPrev = balance(x.balance_end_prev, x.balance_known_prev);
    return {
      scheme: SCHEMES[s] ?? s,
      cumulative_balance: bal.v, cumulative_balance__kind: bal.k,
      deficit_ytd: x.deficit_ytd === true ? '累计收不抵支' : x.deficit_ytd === false ? '收入不低于支出' : null,
      balance_prev_year: x.balance_prev_year,
      balance_yoy_pct: x.balance_yoy_pct,
      expenditure_12m: x.expenditure_12m,
      months_payable_12m: now.v, months_payable_12m__kind: now.k,
      surplus_status_12m: statusLabel(x.surplus_status_12m, x.status_note_12m),
      balance_end_prev: balPrev.v, balance_end_prev__kind: balPrev.k,
      months_payable_prev: prev.v, months_payable_prev__kind: prev.k,
      surplus_status_prev: statusLabel(x.surplus_status_prev, x.status_note_prev),
    };
  });
  const prevRow = byScheme.get('all') ?? r[0];
  const prevYear = yearLabel({
    year: ctx.year - 1,
    year_complete: prevRow?.year_complete_prev === false ? false : null,
    first_month: str(prevRow?.first_month_prev),
    last_month: str(prevRow?.last_month_prev),
  });
  return {
    id: 'balance',
    title: '结余与可支付月数',
    notes: [
      `可支付月数 = 月末累计结余 ÷ 近12个月中有支出月份的月均基金支出；上年末可支付月数 = 上年末累计结余 ÷ 上年有支出月份的月均基金支出。累计结余从期初结余（上年结转）起算；基金早于本仓库数据而未提供期初结余的，累计结余未知（期初结余未提供），不判断结余状态。累计结余为负（累计结余穿底）的不计算可支付月数；有支出的月份不足${minMonths}个月的不判断结余状态。收不抵支指本年收入低于支出，与结余状态分别判断。`,
      ...(bandNote ? [bandNote] : []),
    ],
    tables: [reportTable({
      id: 'balance',
      title: '累计结余、可支付月数与结余状态',
      columns: [
        { key: 'scheme', label: '险种', kind: 'text' },
        { key: 'cumulative_balance', label: '月末累计结余（元）', kind: 'mixed' },
        { key: 'balance_prev_year', label: '上年同月末（元）', kind: 'money' },
        { key: 'balance_yoy_pct', label: '同比', kind: 'change' },
        { key: 'expenditure_12m', label: '近12个月支出（元）', kind: 'money' },
        { key: 'months_payable_12m', label: '可支付月数', kind: 'mixed' },
        { key: 'surplus_status_12m', label: '结余状态', kind: 'text' },
        ...(hasNotes ? [{ key: 'deficit_ytd', label: '本年累计收支', kind: 'text' as const }] : []),
        { key: 'balance_end_prev', label: `${prevYear}末累计结余（元）`, kind: 'mixed' },
        { key: 'months_payable_prev', label: `${prevYear}可支付月数`, kind: 'mixed' },
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
