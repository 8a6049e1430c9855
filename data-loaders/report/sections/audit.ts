// 基金监管: findings by rule for the month and the year to date (mart_audit_findings). The code
// below moved verbatim from reportData.ts; the audit's rebuild (issue 17) owns its logic.
import { lit } from '../../db.ts';
import { AUDIT_RULES } from '../../../vocabulary/index.ts';
import { missing, num, rows, str, type Ctx } from '../context.ts';
import type { Section } from '../types.ts';

export async function auditSection(ctx: Ctx): Promise<Section> {
  const section: Section = { id: 'audit', title: '基金监管', tables: [] };
  if (!ctx.tables.has('mart_audit_findings') || !ctx.tables.has('stg_settlement')) return missing(section, 'mart_audit_findings');
  const r = await rows(ctx.conn, `
    with findings as (
        select * from mart_audit_findings where city = ${lit(ctx.city)}
    ),
    settlements as (
        select settlement_id, settled_month from stg_settlement where city = ${lit(ctx.city)}
    ),
    dated as (
        select findings.*, settlements.settled_month,
        from findings
        inner join settlements using (settlement_id)
    ),
    final as (
        select
            rule,
            count(distinct settlement_id) filter (where settled_month = ${ctx.d}) as settlements,
            coalesce(sum(actual_fund_amt - expected_fund_amt) filter (where settled_month = ${ctx.d}), 0)::decimal(18, 2) as excess,
            count(distinct settlement_id) filter (where settled_month between date_trunc('year', ${ctx.d}) and ${ctx.d}) as settlements_ytd,
            coalesce(sum(actual_fund_amt - expected_fund_amt) filter (
                where settled_month between date_trunc('year', ${ctx.d}) and ${ctx.d}
            ), 0)::decimal(18, 2) as excess_ytd,
        from dated
        group by rule
        having settlements_ytd > 0
    )
    select * from final
    order by settlements_ytd desc, rule`);
  section.notes = ['每笔结算按所在市政策重新核定（参保、评估、定点、服务类型、定价等），结算按结算日期计入当月。“多付金额” = 实际基金支付 − 按政策应付，合计含同一结算违反多条规则的重复计数。明细见看板“基金监管”页（内部资料）。'];
  section.tables.push({
    id: 'audit-rules',
    title: '监管发现（按规则）',
    columns: [
      { key: 'rule', label: '规则', kind: 'text' },
      { key: 'settlements', label: '本月涉及结算（笔）', kind: 'count' },
      { key: 'excess', label: '本月多付金额（元）', kind: 'money' },
      { key: 'settlements_ytd', label: '本年累计结算（笔）', kind: 'count' },
      { key: 'excess_ytd', label: '本年累计多付金额（元）', kind: 'money' },
    ],
    rows: r.map((x) => ({
      rule: AUDIT_RULES[String(x.rule)] ?? String(x.rule),
      settlements: num(x.settlements), excess: str(x.excess),
      settlements_ytd: num(x.settlements_ytd), excess_ytd: str(x.excess_ytd),
    })),
  });
  return section;
}
