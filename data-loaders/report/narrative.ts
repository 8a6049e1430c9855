// The report's first paragraph, as a bureau writes it ("本月基金收入…万元，同比增长…%；…"), made
// from the cells the report prints (the fund, balance and audit tables): every figure in it is a
// mart column printed in a table below, in 万元 as the tables print it. Nothing is computed here
// but words: which change to name, which fund, why a figure is missing.
import { change as changeText, decimalRounded, statusNoteText, surplusAdvice, wanYuan, DASH } from '../../vocabulary/index.ts';
import { changeWhyText, type ChangeWhy } from './change.ts';
import type { Row, Section, Table } from './types.ts';

export interface BandEdges { min: number | null; max: number | null }

export interface NarrativeContext {
  /** cfg_surplus_band: each status's edges, for the status's meaning in words. */
  bands: Map<string, BandEdges>;
  /** config/thresholds.json min_expenditure_months, for "有支出的月份不足6个月". */
  minMonths: number;
}

const tableOf = (s: Section | undefined, id: string): Table | undefined => s?.tables.find((t) => t.id === id);
const rowOf = (t: Table | undefined, key: string, value: string): Row | undefined => t?.rows.find((r) => r[key] === value);

interface ChangeWords { name: string; base: string; none?: string }

/**
 * Two amounts and their changes: "本月基金收入X万元，同比增长Y%；基金支出Z万元，同比下降W%"; when both
 * changes are missing for one reason, it is said once: "…X万元，基金支出Z万元（上年同月无数据，不计算同比）".
 */
function pairPhrase(a: [label: string, r: Row, value: string, change: string], b: [label: string, r: Row, value: string, change: string], words: ChangeWords): string {
  const [la, ra, va, ca] = a;
  const [lb, rb, vb, cb] = b;
  const wa = ra[`${ca}__why`];
  if (wa && wa === rb[`${cb}__why`]) {
    return `${la}${wanYuan(ra[va] as string | null)}，${lb}${wanYuan(rb[vb] as string | null)}（${changePhrase(null, wa, words)}）`;
  }
  return `${la}${wanYuan(ra[va] as string | null)}，${changePhrase(ra[ca], wa, words)}；${lb}${wanYuan(rb[vb] as string | null)}，${changePhrase(rb[cb], rb[`${cb}__why`], words)}`;
}

/** "同比增长11.3%", "同比下降2.0%", "与上年同月基本持平" (below 0.05 %), or why there is none ("上年同月基数过小，不计算同比"). */
export function changePhrase(pct: unknown, why: unknown, { name, base, none = `不计算${name}` }: ChangeWords): string {
  if (why) return `${changeWhyText(why as ChangeWhy, base)}，${none}`;
  if (pct === null || pct === undefined) return none;
  const p = Number(pct);
  // below 0.05 % it prints as 0.0 %: "增长0.0%" says nothing a leader can use
  if (Math.abs(p) < 0.0005) return `与${base}基本持平`;
  return `${name}${p > 0 ? '增长' : '下降'}${changeText(Math.abs(p)).replace('+', '')}`;
}

const isNegative = (v: unknown) => typeof v === 'string' && v.trim().startsWith('-') && /[1-9]/.test(v);
const abs = (v: string) => v.trim().replace(/^-/, '');

/** "当期结余0.09万元" or "当期收不抵支，缺口17.38万元". */
function netPhrase(net: unknown, { period }: { period: string }): string {
  if (net === null || net === undefined) return `${period}结余${DASH}`;
  return isNegative(net) ? `${period}收不抵支，缺口${wanYuan(abs(String(net)))}` : `${period}结余${wanYuan(String(net))}`;
}

/** Months payable in a sentence: one decimal, from the exact DECIMAL. */
const monthsOf = (v: unknown) => `${decimalRounded(String(v), { digits: 1 })}个月`;

interface BalanceKeys { balance: string; months: string; status: string }

/**
 * One fund's (or the city's) balance in words: its balance, months payable and status, or why there
 * are none. `row`: a balance table row (sections/balance.ts), `keys` its balance / months / status columns.
 */
export function balancePhrase(row: Row, keys: BalanceKeys, ctx: NarrativeContext, { who }: { who: string }): string {
  if (row.balance_known === 'false') return `${who.endsWith('累计结余') ? '' : who}期初结余未提供，累计结余和可支付月数无法计算，不判断结余状态`;
  const balance = row.balance_raw ?? row[keys.balance];
  if (balance === null || balance === undefined) return `${who}无累计结余数据`;
  const head = `${who}${wanYuan(String(balance))}`;
  if (isNegative(balance)) return `${head}，累计结余穿底，不计算可支付月数`;
  const months = row[keys.months];
  const payable = months === null || months === undefined || !/^\d/.test(String(months)) ? '' : `，可支付${monthsOf(months)}`;
  const status = row.status_raw ? String(row.status_raw) : null;
  if (status) {
    const label = String(row[keys.status] ?? status);
    const edges = ctx.bands.get(status);
    const advice = edges ? surplusAdvice(status, edges) : '';
    return `${head}${payable}，结余状态为“${label}”${advice ? `（${advice}）` : ''}`;
  }
  const note = row.status_note ? statusNoteText(String(row.status_note), ctx.minMonths) : '';
  if (!payable) return `${head}${note ? `，${note}结余状态` : ''}`;
  return `${head}${payable}${note ? `，${note}结余状态` : ''}`;
}

/** The balance sentence of a city: its one fund, or the total and each separately accounted fund. */
function balanceSentence(t: Table | undefined, keys: BalanceKeys, ctx: NarrativeContext, { at }: { at: string }): string | null {
  if (!t?.rows.length) return null;
  const all = t.rows.find((r) => r.scheme_code === 'all') ?? t.rows[0];
  if (all.status_basis === 'none') {
    const funds = t.rows.filter((r) => r.is_fund === 'true');
    const total = all.balance_known === 'false' ? '' : `${at}累计结余合计${wanYuan(String(all.balance_raw ?? all[keys.balance]))}。其中`;
    return `${total}${funds.map((r) => balancePhrase(r, keys, ctx, { who: `${r.scheme}基金${total ? '' : `${at}累计结余`}` })).join('；')}。`;
  }
  return `${balancePhrase(all, keys, ctx, { who: `${at}累计结余` })}。`;
}

function auditSentence(audit: Section | undefined, { period }: { period: string }): string | null {
  const t = tableOf(audit, 'audit-total');
  if (!t) return null;
  const get = (item: string) => rowOf(t, 'item', item)?.current ?? null;
  const n = Number(get('疑点结算（笔）') ?? 0);
  const apart = Number(get('另列结算（笔，假设标准或政策未录入）') ?? 0);
  if (n === 0) return `${period}监管未发现疑点结算。`;
  if (apart === n) return `${period}监管发现疑点结算${n}笔，均按假设标准核定或政策未录入，未计入多付金额。`;
  const over = get('多付金额（元）');
  const apartText = apart ? `（其中${apart}笔按假设标准核定或政策未录入，未计入多付金额）` : '';
  return `${period}监管发现疑点结算${n}笔${apartText}，涉及多付金额${wanYuan(over === null ? null : String(over))}。`;
}

/** "1—2月" for the year to date at February. */
function ytdSpan(month: number): string {
  return `1—${month}月`;
}

/** 月报: the paragraphs of 概要, from the fund, balance and audit sections. */
export function monthNarrative(s: { fund: Section; balance: Section; audit?: Section }, month: string, ctx: NarrativeContext): string[] {
  const fund = tableOf(s.fund, 'fund-all');
  const item = (label: string) => rowOf(fund, 'item', label) ?? ({} as Row);
  const income = item('基金收入合计');
  const spend = item('基金支出合计');
  const net = item('当期结余');
  const m = Number(month.slice(5, 7));
  const out: string[] = [];
  let flows = `${pairPhrase(['本月基金收入', income, 'current', 'yoy_pct'], ['基金支出', spend, 'current', 'yoy_pct'], { name: '同比', base: '上年同月' })}；`
    + `${netPhrase(net.current, { period: '当期' })}。`;
  if (m > 1) {
    const all = tableOf(s.balance, 'balance')?.rows.find((r) => r.scheme_code === 'all');
    flows += `${pairPhrase([`${ytdSpan(m)}累计基金收入`, income, 'ytd', 'ytd_yoy_pct'], ['累计支出', spend, 'ytd', 'ytd_yoy_pct'], { name: '同比', base: '上年同期' })}`
      + `${all?.deficit_flag === 'true' ? '，累计收不抵支' : ''}。`;
  }
  out.push(flows);
  const balance = balanceSentence(tableOf(s.balance, 'balance'), { balance: 'cumulative_balance', months: 'months_payable_12m', status: 'surplus_status_12m' }, ctx, { at: '月末' });
  if (balance) out.push(balance);
  const audit = auditSentence(s.audit, { period: '本月' });
  if (audit) out.push(audit);
  return out;
}

/** 年报: the paragraphs of 概要; `yearText` is "2027年" or "2027年（1–11月）". */
export function yearNarrative(s: { fund: Section; balance: Section; audit?: Section }, yearText: string, ctx: NarrativeContext): string[] {
  const fund = tableOf(s.fund, 'fund-all');
  const item = (label: string) => rowOf(fund, 'item', label) ?? ({} as Row);
  const income = item('基金收入合计');
  const spend = item('基金支出合计');
  const net = item('当期结余');
  const out: string[] = [];
  out.push(`${pairPhrase([`${yearText}基金收入`, income, 'ytd', 'ytd_yoy_pct'], ['基金支出', spend, 'ytd', 'ytd_yoy_pct'], { name: '比上年', base: '上年', none: '不计算增减幅度' })}；`
    + `${netPhrase(net.ytd, { period: '当年' })}。`);
  const balance = balanceSentence(tableOf(s.balance, 'balance'), { balance: 'balance_end', months: 'months_payable', status: 'surplus_status' }, ctx, { at: '年末' });
  if (balance) out.push(balance);
  const audit = auditSentence(s.audit, { period: '全年' });
  if (audit) out.push(audit);
  return out;
}
