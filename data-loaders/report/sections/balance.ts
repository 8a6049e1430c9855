// 结余与可支付月数: the month-end balance, against the same month a year before; months payable
// and the surplus status on the last 12 months (mart_fund_monthly) and at last year's end
// (mart_fund_annual), or why there is none (期初结余未提供, …); the year to date's 收不抵支 apart
// from the status; the status bands (cfg_surplus_band) in words. The annual report: the year's end
// against the year before (mart_fund_annual).
import { UserError } from '../../errors.ts';
import { lit } from '../../db.ts';
import { readThresholds } from '../../config.ts';
import { bandRule, day as dayLabel, OVERDRAWN_TEXT, payableCell, SCHEMES, statusNoteText, UNKNOWN_BALANCE_TEXT, yearLabel } from '../../../vocabulary/index.ts';
import { changeNote, changeRuleText, shownChange } from '../change.ts';
import { rows, schemesOf, str, tableColumns, type Ctx } from '../context.ts';
import { reportTable } from '../table.ts';
import type { Section } from '../types.ts';

interface Helpers {
  statusLabel: (s: unknown, note?: unknown) => string | null;
  payable: (months: unknown, balance: unknown, known: unknown) => { v: string | null; k: 'text' | 'number' };
  balance: (v: unknown, known: unknown) => { v: string | null; k: 'text' | 'amount' };
}

async function helpers(ctx: Ctx): Promise<Helpers> {
  const labels = ctx.tables.has('cfg_surplus_band')
    ? new Map((await rows(ctx.conn, `select status, label_zh from cfg_surplus_band`)).map((x) => [String(x.status), String(x.label_zh)]))
    : new Map<string, string>();
  const minMonths = readThresholds().surplus_bands.min_expenditure_months;
  return {
    // the status, else why there is none (期初结余未提供, too few months with expenditure, …)
    statusLabel: (s, note = null) =>
      (s === null || s === undefined ? (note ? statusNoteText(String(note), minMonths) : null) : labels.get(String(s)) ?? String(s)),
    // The vocabulary's rule (vocabulary/payable.ts): a balance not known reads 期初结余未提供; a fund
    // below zero has no months payable, it reads "—（累计结余穿底）".
    payable: (months, balance, known) => {
      const v = payableCell(str(months), { balance: str(balance), known: known === false ? false : null });
      return { v, k: v === OVERDRAWN_TEXT || v === UNKNOWN_BALANCE_TEXT ? 'text' : 'number' };
    },
    // a balance not known is a word in the amount column
    balance: (v, known) => (known === false ? { v: UNKNOWN_BALANCE_TEXT, k: 'text' } : { v: str(v), k: 'amount' }),
  };
}

const deficitText = (d: unknown, words: [string, string]) => (d === true ? words[0] : d === false ? words[1] : null);

export async function balanceSection(ctx: Ctx): Promise<Section> {
  const cols = await tableColumns(ctx.conn, 'mart_fund_monthly');
  const has12m = cols.has('months_payable_12m') && cols.has('surplus_status_12m');
  const hasAnnual = ctx.tables.has('mart_fund_annual');
  // opening balances, notes and the deficit flag (docs/marts.md); a warehouse built before them has none
  const hasNotes = cols.has('balance_known') && cols.has('status_note_12m') && cols.has('deficit_ytd');
  const hasBasis = cols.has('status_basis') && cols.has('is_fund');
  const annualCols = hasAnnual ? await tableColumns(ctx.conn, 'mart_fund_annual') : new Set<string>();
  const hasAnnualNotes = annualCols.has('balance_known') && annualCols.has('status_note');
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
            ${hasNotes ? 'current.balance_known, current.status_note_12m, current.deficit_ytd, year_ago.balance_known as balance_known_prev_year,' : ''}
            ${hasBasis ? 'current.status_basis, current.is_fund,' : ''}
            ${hasAnnualNotes ? 'annual.balance_known as balance_known_prev, annual.status_note as status_note_prev,' : ''}
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
  const h = await helpers(ctx);
  const bandNote = ctx.tables.has('cfg_surplus_band') ? await bandsNote(ctx) : null;
  const schemes = await schemesOf(ctx);
  const byScheme = new Map(r.map((x) => [String(x.scheme), x]));
  const out = schemes.filter((s) => byScheme.has(s)).map((s) => {
    const x = byScheme.get(s)!;
    const now = h.payable(x.months_payable_12m, x.cumulative_balance, x.balance_known);
    const prev = h.payable(x.months_payable_prev, x.balance_end_prev, x.balance_known_prev);
    const bal = h.balance(x.cumulative_balance, x.balance_known);
    const balPrev = h.balance(x.balance_end_prev, x.balance_known_prev);
    const yearAgo = h.balance(x.balance_prev_year, x.balance_known_prev_year);
    return {
      scheme: SCHEMES[s] ?? s,
      scheme_code: s,
      cumulative_balance: bal.v, cumulative_balance__kind: bal.k,
      deficit_ytd: deficitText(x.deficit_ytd, ['累计收不抵支', '收入不低于支出']),
      balance_prev_year: yearAgo.v, balance_prev_year__kind: yearAgo.k,
      ...shownChange('balance_yoy_pct', x.balance_yoy_pct, yearAgo.k === 'amount' ? x.balance_prev_year : null, bal.k === 'amount' ? x.cumulative_balance : null),
      expenditure_12m: x.expenditure_12m,
      months_payable_12m: now.v, months_payable_12m__kind: now.k,
      surplus_status_12m: h.statusLabel(x.surplus_status_12m, x.status_note_12m),
      balance_end_prev: balPrev.v, balance_end_prev__kind: balPrev.k,
      months_payable_prev: prev.v, months_payable_prev__kind: prev.k,
      surplus_status_prev: h.statusLabel(x.surplus_status_prev, x.status_note_prev),
      // for the narrative (not printed)
      status_basis: str(x.status_basis), is_fund: x.is_fund === undefined ? null : x.is_fund === true ? 'true' : 'false',
      balance_known: x.balance_known === false ? 'false' : 'true', status_raw: str(x.surplus_status_12m), status_note: str(x.status_note_12m),
      deficit_flag: x.deficit_ytd === true ? 'true' : x.deficit_ytd === false ? 'false' : null, balance_raw: str(x.cumulative_balance),
    };
  });
  const prevRow = byScheme.get('all') ?? r[0];
  const prevYear = yearLabel({
    year: ctx.year - 1,
    year_complete: prevRow?.year_complete_prev === false ? false : null,
    first_month: str(prevRow?.first_month_prev),
    last_month: str(prevRow?.last_month_prev),
  });
  const why = changeNote(out, 'scheme', [['balance_yoy_pct', '累计结余同比', '上年同月末']]);
  const minMonths = readThresholds().surplus_bands.min_expenditure_months;
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
        { key: 'balance_prev_year', label: '上年同月末（元）', kind: 'mixed' },
        { key: 'balance_yoy_pct', label: '同比', kind: 'change' },
        { key: 'expenditure_12m', label: '近12个月支出（元）', kind: 'amount' },
        { key: 'months_payable_12m', label: '可支付月数', kind: 'mixed' },
        { key: 'surplus_status_12m', label: '结余状态', kind: 'text' },
        ...(hasNotes ? [{ key: 'deficit_ytd', label: '本年累计收支', kind: 'text' as const }] : []),
        { key: 'balance_end_prev', label: `${prevYear}末累计结余（元）`, kind: 'mixed' },
        { key: 'months_payable_prev', label: `${prevYear}可支付月数`, kind: 'mixed' },
        { key: 'surplus_status_prev', label: `${prevYear}结余状态`, kind: 'text' },
      ],
      rows: out,
      note: `同比：${changeRuleText()}。${why}`,
    })],
  };
}

/** 年报: each fund row's year end (mart_fund_annual) against the year before. */
export async function annualBalanceSection(ctx: Ctx): Promise<Section> {
  const section: Section = { id: 'balance', title: '结余与可支付月数', tables: [] };
  if (!ctx.tables.has('mart_fund_annual')) {
    section.notes = ['（本节数据未生成：数据仓库中没有 mart_fund_annual，请运行 ltci build。）'];
    return section;
  }
  const cols = await tableColumns(ctx.conn, 'mart_fund_annual');
  const hasNotes = cols.has('balance_known') && cols.has('status_note') && cols.has('deficit');
  const hasBasis = cols.has('status_basis') && cols.has('is_fund');
  const r = await rows(ctx.conn, `
    with annual as (
        select * from mart_fund_annual where city = ${lit(ctx.city)}
    ),
    final as (
        select
            cur.scheme,
            cur.balance_end,
            prev.balance_end as balance_end_prev,
            case when prev.balance_end <> 0
                then round((cur.balance_end - prev.balance_end) / abs(prev.balance_end), 4)
            end as balance_yoy_pct,
            cur.expenditure_total,
            cur.months_payable,
            cur.surplus_status,
            prev.months_payable as months_payable_prev,
            prev.surplus_status as surplus_status_prev,
            cur.year_complete, strftime(cur.first_month, '%Y-%m-%d') as first_month, strftime(cur.last_month, '%Y-%m-%d') as last_month,
            prev.year_complete as year_complete_prev, strftime(prev.first_month, '%Y-%m-%d') as first_month_prev, strftime(prev.last_month, '%Y-%m-%d') as last_month_prev,
            ${hasNotes ? 'cur.balance_known, cur.status_note, cur.deficit, prev.balance_known as balance_known_prev, prev.status_note as status_note_prev,' : ''}
            ${hasBasis ? 'cur.status_basis, cur.is_fund,' : ''}
        from annual as cur
        left join annual as prev
            on prev.scheme = cur.scheme
            and prev.year = cur.year - 1
        where cur.year = ${ctx.year}
    )
    select * from final`);
  const h = await helpers(ctx);
  const bandNote = ctx.tables.has('cfg_surplus_band') ? await bandsNote(ctx) : null;
  const schemes = await schemesOf(ctx);
  const byScheme = new Map(r.map((x) => [String(x.scheme), x]));
  const out = schemes.filter((s) => byScheme.has(s)).map((s) => {
    const x = byScheme.get(s)!;
    const bal = h.balance(x.balance_end, x.balance_known);
    const balPrev = h.balance(x.balance_end_prev, x.balance_known_prev);
    const now = h.payable(x.months_payable, x.balance_end, x.balance_known);
    const prev = h.payable(x.months_payable_prev, x.balance_end_prev, x.balance_known_prev);
    return {
      scheme: SCHEMES[s] ?? s,
      scheme_code: s,
      balance_end: bal.v, balance_end__kind: bal.k,
      balance_end_prev: balPrev.v, balance_end_prev__kind: balPrev.k,
      ...shownChange('balance_yoy_pct', x.balance_yoy_pct, balPrev.k === 'amount' ? x.balance_end_prev : null, bal.k === 'amount' ? x.balance_end : null),
      expenditure_total: x.expenditure_total,
      months_payable: now.v, months_payable__kind: now.k,
      surplus_status: h.statusLabel(x.surplus_status, x.status_note),
      deficit: deficitText(x.deficit, ['当年收不抵支', '收入不低于支出']),
      months_payable_prev: prev.v, months_payable_prev__kind: prev.k,
      surplus_status_prev: h.statusLabel(x.surplus_status_prev, x.status_note_prev),
      // for the narrative (not printed)
      status_basis: str(x.status_basis), is_fund: x.is_fund === undefined ? null : x.is_fund === true ? 'true' : 'false',
      balance_known: x.balance_known === false ? 'false' : 'true', status_raw: str(x.surplus_status), status_note: str(x.status_note),
      deficit_flag: x.deficit === true ? 'true' : x.deficit === false ? 'false' : null, balance_raw: str(x.balance_end),
    };
  });
  const row = byScheme.get('all') ?? r[0];
  const label = (y: number, complete: unknown, first: unknown, last: unknown) =>
    yearLabel({ year: y, year_complete: complete === false ? false : null, first_month: str(first), last_month: str(last) });
  const thisYear = label(ctx.year, row?.year_complete, row?.first_month, row?.last_month);
  const prevYear = label(ctx.year - 1, row?.year_complete_prev, row?.first_month_prev, row?.last_month_prev);
  const why = changeNote(out, 'scheme', [['balance_yoy_pct', '比上年末', '上年末']]);
  return {
    ...section,
    notes: [
      `年末可支付月数 = 年末累计结余 ÷ 当年有支出月份的月均基金支出（年度不完整的，按数据覆盖的月份计算）。累计结余从期初结余（上年结转）起算；未提供期初结余的基金累计结余未知，不判断结余状态；累计结余为负（累计结余穿底）的不计算可支付月数。当年收不抵支指当年收入低于支出，与结余状态分别判断。`,
      ...(bandNote ? [bandNote] : []),
    ],
    tables: [reportTable({
      id: 'balance',
      title: `${thisYear}末累计结余、可支付月数与结余状态`,
      columns: [
        { key: 'scheme', label: '险种', kind: 'text' },
        { key: 'balance_end', label: `${thisYear}末累计结余（元）`, kind: 'mixed' },
        { key: 'balance_end_prev', label: `${prevYear}末（元）`, kind: 'mixed' },
        { key: 'balance_yoy_pct', label: '比上年末', kind: 'change' },
        { key: 'expenditure_total', label: '本年基金支出（元）', kind: 'amount' },
        { key: 'months_payable', label: '可支付月数', kind: 'mixed' },
        { key: 'surplus_status', label: '结余状态', kind: 'text' },
        ...(hasNotes ? [{ key: 'deficit', label: '当年收支', kind: 'text' as const }] : []),
        { key: 'months_payable_prev', label: `${prevYear}可支付月数`, kind: 'mixed' },
        { key: 'surplus_status_prev', label: `${prevYear}结余状态`, kind: 'text' },
      ],
      rows: out,
      note: `比上年末：${changeRuleText()}。${why}`,
    })],
  };
}

export async function bandsNote(ctx: Ctx): Promise<string> {
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
