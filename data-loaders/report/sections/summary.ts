// 概要: the narrative (narrative.ts), the key figures of the other sections, taken from their
// tables (so each figure is the one printed there, never computed twice), and the two charts.
import { DASH, months, SCHEMES } from '../../../vocabulary/index.ts';
import { monthNarrative, yearNarrative, type NarrativeContext } from '../narrative.ts';
import type { Chart, Row, Section } from '../types.ts';

function cell(section: Section | undefined, tableId: string, rowMatch: (r: Row) => boolean, key: string): string | number | null {
  const t = section?.tables.find((x) => x.id === tableId);
  const r = t?.rows.find(rowMatch);
  return r ? r[key] ?? null : null;
}

interface Parts { fund: Section; balance: Section; participants: Section; assessments: Section; audit: Section }

const all = SCHEMES.all;
const isAll = (r: Row) => r.scheme === all;

/**
 * 可支付月数 as the balance section prints it. Where the schemes keep separate accounts the city's
 * total is no fund (is_fund false): its months payable would judge nothing, so each scheme's is shown.
 */
function monthsPayableRow(balance: Section, key: string): Row {
  const rows = balance.tables.find((t) => t.id === 'balance')?.rows ?? [];
  const total = rows.find(isAll);
  if (total?.is_fund !== 'false') return { item: '可支付月数', value: total?.[key] ?? null, value__kind: String(total?.[`${key}__kind`] ?? 'number') };
  const each = rows.filter((r) => !isAll(r)).map((r) => {
    const v = r[key];
    return `${r.scheme} ${v === null || v === undefined ? DASH : r[`${key}__kind`] === 'number' ? months(Number(v)) : v}`;
  });
  return { item: '可支付月数', value: each.join('；'), value__kind: 'text' };
}

function auditRows(audit: Section, prefix: string): Row[] {
  // the audit's headline as its section prints it (mart_audit_settlements, each settlement once)
  const out: Row[] = [];
  for (const [item, label] of [['疑点结算（笔）', `${prefix}疑点结算（笔）`], ['多付金额（元）', `${prefix}疑点多付金额（元）`]] as const) {
    const r = audit.tables.find((t) => t.id === 'audit-total')?.rows.find((x) => x.item === item);
    if (r) out.push({ item: label, value: r.current ?? null, value__kind: String(r.current__kind) });
  }
  return out;
}

function keyFigures(rowsOut: Row[]) {
  return {
    id: 'key-figures',
    title: '主要指标',
    columns: [
      { key: 'item', label: '指标', kind: 'text' as const },
      { key: 'value', label: '数值', kind: 'mixed' as const },
    ],
    rows: rowsOut,
    layout: 'pairs' as const,
  };
}

export function summarySection(s: Parts, { month, narrative, charts }: { month: string; narrative: NarrativeContext; charts: Chart[] }): Section {
  const fundAll = (item: string, key: string) => cell(s.fund, 'fund-all', (r) => r.item === item, key);
  const bal = (key: string) => cell(s.balance, 'balance', isAll, key);
  const rowsOut: Row[] = [
    { item: '本月基金收入（元）', value: fundAll('基金收入合计', 'current'), value__kind: 'amount' },
    { item: '本月基金支出（元）', value: fundAll('基金支出合计', 'current'), value__kind: 'amount' },
    { item: '本月当期结余（元）', value: fundAll('当期结余', 'current'), value__kind: 'amount' },
    { item: '本年累计基金收入（元）', value: fundAll('基金收入合计', 'ytd'), value__kind: 'amount' },
    { item: '本年累计基金支出（元）', value: fundAll('基金支出合计', 'ytd'), value__kind: 'amount' },
    { item: '月末累计结余（元）', value: bal('cumulative_balance'), value__kind: bal('cumulative_balance__kind') ?? 'amount' },
    monthsPayableRow(s.balance, 'months_payable_12m'),
    { item: '结余状态', value: bal('surplus_status_12m'), value__kind: 'text' },
    { item: '本年累计收支', value: bal('deficit_ytd'), value__kind: 'text' },
    { item: '本年参保人数', value: cell(s.participants, 'participants', isAll, 'participants'), value__kind: 'count' },
    { item: '本月评估申请（人次）', value: cell(s.assessments, 'assessments', isAll, 'applications'), value__kind: 'count' },
    // the month's conclusions beside its approvals: an approval can answer an application of an earlier month
    { item: '本月评估出结论（人次）', value: cell(s.assessments, 'assessments', isAll, 'concluded'), value__kind: 'count' },
    { item: '其中评估通过（人次）', value: cell(s.assessments, 'assessments', isAll, 'approved'), value__kind: 'count' },
    ...auditRows(s.audit, '本月'),
  ];
  return {
    id: 'summary',
    title: '概要',
    lead: monthNarrative(s, month, narrative),
    tables: [keyFigures(rowsOut)],
    charts,
  };
}

/** 年报's 概要; `yearText` is "2027年" or "2027年（1–11月）". */
export function annualSummarySection(s: Parts & { projection?: Section }, { yearText, narrative, charts }: { yearText: string; narrative: NarrativeContext; charts: Chart[] }): Section {
  const fundAll = (item: string, key: string) => cell(s.fund, 'fund-all', (r) => r.item === item, key);
  const bal = (key: string) => cell(s.balance, 'balance', isAll, key);
  const rowsOut: Row[] = [
    { item: '本年基金收入（元）', value: fundAll('基金收入合计', 'ytd'), value__kind: 'amount' },
    { item: '本年基金支出（元）', value: fundAll('基金支出合计', 'ytd'), value__kind: 'amount' },
    { item: '本年结余（元）', value: fundAll('当期结余', 'ytd'), value__kind: 'amount' },
    { item: '年末累计结余（元）', value: bal('balance_end'), value__kind: bal('balance_end__kind') ?? 'amount' },
    monthsPayableRow(s.balance, 'months_payable'),
    { item: '结余状态', value: bal('surplus_status'), value__kind: 'text' },
    { item: '当年收支', value: bal('deficit'), value__kind: 'text' },
    { item: '本年参保人数', value: cell(s.participants, 'participants', isAll, 'participants'), value__kind: 'count' },
    { item: '本年评估申请（人次）', value: cell(s.assessments, 'assessments', isAll, 'applications_ytd'), value__kind: 'count' },
    { item: '本年评估出结论（人次）', value: cell(s.assessments, 'assessments', isAll, 'concluded_ytd'), value__kind: 'count' },
    { item: '其中评估通过（人次）', value: cell(s.assessments, 'assessments', isAll, 'approved_ytd'), value__kind: 'count' },
    ...auditRows(s.audit, '本年'),
  ];
  return {
    id: 'summary',
    title: '概要',
    lead: [...yearNarrative(s, yearText, narrative), ...(s.projection?.lead ?? [])],
    tables: [keyFigures(rowsOut)],
    charts,
  };
}
