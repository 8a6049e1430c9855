// 概要: the key figures of the other sections, taken from their tables (so each figure is the one
// printed there, never computed twice).
import { SCHEMES } from '../../../vocabulary/index.ts';
import type { Row, Section } from '../types.ts';

function cell(section: Section, tableId: string, rowMatch: (r: Row) => boolean, key: string): string | number | null {
  const t = section.tables.find((x) => x.id === tableId);
  const r = t?.rows.find(rowMatch);
  return r ? r[key] ?? null : null;
}

export function summarySection(s: { fund: Section; balance: Section; participants: Section; assessments: Section; audit: Section }): Section {
  const all = SCHEMES.all;
  const fundAll = (item: string, key: string) => cell(s.fund, 'fund-all', (r) => r.item === item, key);
  const rowsOut: Row[] = [
    { item: '本月基金收入（元）', value: fundAll('基金收入合计', 'current'), value__kind: 'money' },
    { item: '本月基金支出（元）', value: fundAll('基金支出合计', 'current'), value__kind: 'money' },
    { item: '本月当期结余（元）', value: fundAll('当期结余', 'current'), value__kind: 'money' },
    { item: '本年累计基金收入（元）', value: fundAll('基金收入合计', 'ytd'), value__kind: 'money' },
    { item: '本年累计基金支出（元）', value: fundAll('基金支出合计', 'ytd'), value__kind: 'money' },
    {
      item: '月末累计结余（元）',
      value: cell(s.balance, 'balance', (r) => r.scheme === all, 'cumulative_balance'),
      value__kind: cell(s.balance, 'balance', (r) => r.scheme === all, 'cumulative_balance__kind') ?? 'money',
    },
    {
      item: '可支付月数',
      value: cell(s.balance, 'balance', (r) => r.scheme === all, 'months_payable_12m'),
      value__kind: cell(s.balance, 'balance', (r) => r.scheme === all, 'months_payable_12m__kind') ?? 'number',
    },
    { item: '结余状态', value: cell(s.balance, 'balance', (r) => r.scheme === all, 'surplus_status_12m'), value__kind: 'text' },
    { item: '本年累计收支', value: cell(s.balance, 'balance', (r) => r.scheme === all, 'deficit_ytd'), value__kind: 'text' },
    { item: '本年参保人数', value: cell(s.participants, 'participants', (r) => r.scheme === all, 'participants'), value__kind: 'count' },
    { item: '本月评估申请（人次）', value: cell(s.assessments, 'assessments', (r) => r.scheme === all, 'applications'), value__kind: 'count' },
    { item: '本月评估通过（人次）', value: cell(s.assessments, 'assessments', (r) => r.scheme === all, 'approved'), value__kind: 'count' },
  ];
  // the audit's headline as its section prints it (mart_audit_settlements, each settlement once)
  for (const [item, label] of [['疑点结算（笔）', '本月疑点结算（笔）'], ['多付金额（元）', '本月疑点多付金额（元）']] as const) {
    const r = s.audit.tables.find((t) => t.id === 'audit-total')?.rows.find((x) => x.item === item);
    if (r) rowsOut.push({ item: label, value: r.current ?? null, value__kind: String(r.current__kind) });
  }
  return {
    id: 'summary',
    title: '概要',
    tables: [{
      id: 'key-figures',
      title: '主要指标',
      columns: [
        { key: 'item', label: '指标', kind: 'text' },
        { key: 'value', label: '数值', kind: 'mixed' },
      ],
      rows: rowsOut,
    }],
  };
}
