// 基金监管: the flagged settlements of the month and the year to date, by the month they were paid
// (mart_audit_settlements, one row per flagged settlement): the site's 疑点金额 is the same column
// summed the same way. Money is counted once per settlement, under its primary rule.
import { lit } from '../../db.ts';
import { AUDIT_RULES } from '../../../vocabulary/index.ts';
import { missing, num, rows, str, type Ctx } from '../context.ts';
import { reportTable } from '../table.ts';
import type { Section } from '../types.ts';

export async function auditSection(ctx: Ctx): Promise<Section> {
  const section: Section = { id: 'audit', title: '基金监管', tables: [] };
  if (!ctx.tables.has('mart_audit_settlements')) return missing(section, 'mart_audit_settlements');
  const inMonth = `settled_month = ${ctx.d}`;
  const inYear = `settled_month between date_trunc('year', ${ctx.d}) and ${ctx.d}`;
  const flagged = `select * from mart_audit_settlements where city = ${lit(ctx.city)} and ${inYear}`;
  const [t] = await rows(ctx.conn, `
    with settlements as (${flagged})
    select
        count(*) filter (where ${inMonth}) as settlements,
        coalesce(sum(overpaid_amt) filter (where ${inMonth} and counts_in_headline), 0)::decimal(18, 2) as overpaid,
        coalesce(sum(underpaid_amt) filter (where ${inMonth} and counts_in_headline), 0)::decimal(18, 2) as underpaid,
        count(*) filter (where ${inMonth} and not counts_in_headline) as apart,
        count(*) as settlements_ytd,
        coalesce(sum(overpaid_amt) filter (where counts_in_headline), 0)::decimal(18, 2) as overpaid_ytd,
        coalesce(sum(underpaid_amt) filter (where counts_in_headline), 0)::decimal(18, 2) as underpaid_ytd,
        count(*) filter (where not counts_in_headline) as apart_ytd,
    from settlements`);
  const r = await rows(ctx.conn, `
    with settlements as (${flagged})
    select
        primary_rule as rule,
        count(*) filter (where ${inMonth}) as settlements,
        coalesce(sum(overpaid_amt) filter (where ${inMonth} and counts_in_headline), 0)::decimal(18, 2) as excess,
        count(*) as settlements_ytd,
        coalesce(sum(overpaid_amt) filter (where counts_in_headline), 0)::decimal(18, 2) as excess_ytd,
    from settlements
    group by primary_rule
    order by settlements_ytd desc, rule`);
  section.notes = [
    '每笔结算按所在市政策重新核定（参保、评估、定点、机构类别、服务类型、定价等），按当月可享受待遇的天数计价；结算按结算日期计入当月。'
      + '“多付金额” = 实际基金支付 − 按政策应付，每笔疑点结算只计一次，按其主要规则归集；少付另列，不抵减。'
      + '应付金额依赖假设标准（政策未定标准）或政策未录入的结算另列，不计入多付金额。明细见看板“基金监管”页（内部资料）。',
  ];
  section.tables.push(reportTable({
    id: 'audit-total',
    title: '监管发现（疑点结算）',
    columns: [
      { key: 'item', label: '项目', kind: 'text' },
      { key: 'current', label: '本月', kind: 'mixed' },
      { key: 'ytd', label: '本年累计', kind: 'mixed' },
    ],
    rows: [
      { item: '疑点结算（笔）', current: num(t.settlements), current__kind: 'count', ytd: num(t.settlements_ytd), ytd__kind: 'count' },
      { item: '多付金额（元）', current: str(t.overpaid), current__kind: 'money', ytd: str(t.overpaid_ytd), ytd__kind: 'money' },
      { item: '少付金额（元）', current: str(t.underpaid), current__kind: 'money', ytd: str(t.underpaid_ytd), ytd__kind: 'money' },
      { item: '另列结算（笔，假设标准或政策未录入）', current: num(t.apart), current__kind: 'count', ytd: num(t.apart_ytd), ytd__kind: 'count' },
    ],
  }));
  section.tables.push(reportTable({
    id: 'audit-rules',
    title: '监管发现（按主要规则）',
    columns: [
      { key: 'rule', label: '规则', kind: 'text' },
      { key: 'settlements', label: '本月涉及结算（笔）', kind: 'count' },
      { key: 'excess', label: '本月多付金额（元）', kind: 'money' },
      { key: 'settlements_ytd', label: '本年累计结算（笔）', kind: 'count' },
      { key: 'excess_ytd', label: '本年累计多付金额（元）', kind: 'money' },
    ],
    rows: r.map((x) => ({ ...x, rule: AUDIT_RULES[String(x.rule)] ?? String(x.rule) })),
  }));
  return section;
}
