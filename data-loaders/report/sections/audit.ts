// 基金监管: the flagged settlements of the month and the year to date, by the month they were paid
// (mart_audit_settlements, one row per flagged settlement): the site's 疑点金额 is the same column
// summed the same way. Money is counted once per settlement, under its primary rule. The annual
// report: the year (to its last month in the data) against the same months of the year before.
import { lit } from '../../db.ts';
import { AUDIT_RULES } from '../../../vocabulary/index.ts';
import { missing, num, rows, str, type Ctx } from '../context.ts';
import { reportTable } from '../table.ts';
import type { Section } from '../types.ts';

const NOTE = '每笔结算按所在市政策重新核定（参保、评估、定点、机构类别、服务类型、定价等），按当月可享受待遇的天数计价；结算按结算日期计入当月。'
  + '“多付金额” = 实际基金支付 − 按政策应付，每笔疑点结算只计一次，按其主要规则归集；少付另列，不抵减。'
  + '应付金额依赖假设标准（政策未定标准）或政策未录入的结算另列，不计入多付金额。明细见看板“基金监管”页（内部资料）。';

/** Two periods of mart_audit_settlements side by side (`a` and `b`: SQL conditions on settled_month). */
async function auditTables(ctx: Ctx, a: string, b: string, labels: [string, string], order: string): Promise<Section> {
  const section: Section = { id: 'audit', title: '基金监管', tables: [], notes: [NOTE] };
  const flagged = `select * from mart_audit_settlements where city = ${lit(ctx.city)} and ((${a}) or (${b}))`;
  const [t] = await rows(ctx.conn, `
    with settlements as (${flagged})
    select
        count(*) filter (where ${a}) as settlements,
        coalesce(sum(overpaid_amt) filter (where ${a} and counts_in_headline), 0)::decimal(18, 2) as overpaid,
        coalesce(sum(underpaid_amt) filter (where ${a} and counts_in_headline), 0)::decimal(18, 2) as underpaid,
        count(*) filter (where ${a} and not counts_in_headline) as apart,
        count(*) filter (where ${b}) as settlements_b,
        coalesce(sum(overpaid_amt) filter (where ${b} and counts_in_headline), 0)::decimal(18, 2) as overpaid_b,
        coalesce(sum(underpaid_amt) filter (where ${b} and counts_in_headline), 0)::decimal(18, 2) as underpaid_b,
        count(*) filter (where ${b} and not counts_in_headline) as apart_b,
    from settlements`);
  const r = await rows(ctx.conn, `
    with settlements as (${flagged})
    select
        primary_rule as rule,
        count(*) filter (where ${a}) as settlements,
        coalesce(sum(overpaid_amt) filter (where ${a} and counts_in_headline), 0)::decimal(18, 2) as excess,
        count(*) filter (where ${b}) as settlements_b,
        coalesce(sum(overpaid_amt) filter (where ${b} and counts_in_headline), 0)::decimal(18, 2) as excess_b,
    from settlements
    group by primary_rule
    order by ${order}, rule`);
  section.tables.push(reportTable({
    id: 'audit-total',
    title: '监管发现（疑点结算）',
    columns: [
      { key: 'item', label: '项目', kind: 'text' },
      { key: 'current', label: labels[0], kind: 'mixed' },
      { key: 'ytd', label: labels[1], kind: 'mixed' },
    ],
    rows: [
      { item: '疑点结算（笔）', current: num(t.settlements), current__kind: 'count', ytd: num(t.settlements_b), ytd__kind: 'count' },
      { item: '多付金额（元）', current: str(t.overpaid), current__kind: 'amount', ytd: str(t.overpaid_b), ytd__kind: 'amount' },
      { item: '少付金额（元）', current: str(t.underpaid), current__kind: 'amount', ytd: str(t.underpaid_b), ytd__kind: 'amount' },
      { item: '另列结算（笔，假设标准或政策未录入）', current: num(t.apart), current__kind: 'count', ytd: num(t.apart_b), ytd__kind: 'count' },
    ],
  }));
  section.tables.push(reportTable({
    id: 'audit-rules',
    title: '监管发现（按主要规则）',
    columns: [
      { key: 'rule', label: '规则', kind: 'text' },
      { key: 'settlements', label: `${labels[0]}涉及结算（笔）`, kind: 'count' },
      { key: 'excess', label: `${labels[0]}多付金额（元）`, kind: 'amount' },
      { key: 'settlements_ytd', label: `${labels[1]}结算（笔）`, kind: 'count' },
      { key: 'excess_ytd', label: `${labels[1]}多付金额（元）`, kind: 'amount' },
    ],
    rows: r.map((x) => ({ rule: AUDIT_RULES[String(x.rule)] ?? String(x.rule), settlements: x.settlements, excess: x.excess, settlements_ytd: x.settlements_b, excess_ytd: x.excess_b })),
  }));
  return section;
}

export async function auditSection(ctx: Ctx): Promise<Section> {
  if (!ctx.tables.has('mart_audit_settlements')) return missing({ id: 'audit', title: '基金监管', tables: [] }, 'mart_audit_settlements');
  return auditTables(ctx, `settled_month = ${ctx.d}`, `settled_month between date_trunc('year', ${ctx.d}) and ${ctx.d}`, ['本月', '本年累计'], 'settlements_b desc, settlements desc');
}

/** 年报: the year against the same months of the year before; `months`: '' for a whole year, else "1–11月". */
export async function annualAuditSection(ctx: Ctx, months: string): Promise<Section> {
  if (!ctx.tables.has('mart_audit_settlements')) return missing({ id: 'audit', title: '基金监管', tables: [] }, 'mart_audit_settlements');
  const prev = `${ctx.d} - interval 12 month`;
  return auditTables(ctx,
    `settled_month between date_trunc('year', ${ctx.d}) and ${ctx.d}`,
    `settled_month between date_trunc('year', ${prev}) and ${prev}`,
    [`${ctx.year}年${months}`, `${ctx.year - 1}年${months}`], 'settlements desc, settlements_b desc');
}
