// 待遇享受: the year's beneficiaries and costs by service type (mart_service_type) and
// beneficiaries by disability level (mart_beneficiary_level).
import { SERVICE_TYPES } from '../../contract/index.ts';
import { lit } from '../../db.ts';
import { levelLabel } from '../../../vocabulary/index.ts';
import { missing, rows, type Ctx } from '../context.ts';
import { reportTable } from '../table.ts';
import type { Section } from '../types.ts';

export async function beneficiariesSection(ctx: Ctx): Promise<Section> {
  const section: Section = { id: 'beneficiaries', title: '待遇享受', tables: [], notes: [] };
  if (!ctx.tables.has('mart_service_type')) return missing(section, 'mart_service_type');
  const r = await rows(ctx.conn, `
    with services as (
        select * from mart_service_type
        where city = ${lit(ctx.city)}
            and year = ${ctx.year}
            and scheme = (select case when count(*) filter (where scheme = 'all') > 0 then 'all' else min(scheme) end
                          from mart_service_type where city = ${lit(ctx.city)} and year = ${ctx.year})
    )
    select
        service_type,
        beneficiaries::bigint as beneficiaries,
        person_days::bigint as person_days,
        hours::decimal(18, 2) as hours,
        total_amt::decimal(18, 2) as total_amt,
        fund_amt::decimal(18, 2) as fund_amt,
        personal_amt::decimal(18, 2) as personal_amt,
        round(fund_share, 4) as fund_share,
        fund_per_beneficiary_month::decimal(18, 2) as fund_per_beneficiary_month,
    from services
    order by fund_amt desc`);
  section.notes!.push(`按服务月份归属年度统计${ctx.year}年已结算的护理费用（含冲销）；待遇享受人数为有未被冲销的结算的人数（去重，结算全部被冲销的人员不计），同一人可享受多种服务，各服务类型人数之和大于总人数。`);
  section.tables.push(reportTable({
    id: 'service-types',
    title: `${ctx.year}年各服务类型待遇享受人数与费用`,
    columns: [
      { key: 'service_type', label: '服务类型', kind: 'text' },
      { key: 'beneficiaries', label: '享受人数', kind: 'count' },
      { key: 'person_days', label: '服务人天', kind: 'count' },
      { key: 'hours', label: '服务小时', kind: 'number' },
      { key: 'total_amt', label: '总费用（元）', kind: 'amount' },
      { key: 'fund_amt', label: '基金支付（元）', kind: 'amount' },
      { key: 'personal_amt', label: '个人负担（元）', kind: 'amount' },
      { key: 'fund_share', label: '基金支付比例', kind: 'pct' },
      { key: 'fund_per_beneficiary_month', label: '人均月基金支付（元）', kind: 'money' },
    ],
    rows: r.map((x) => ({ ...x, service_type: SERVICE_TYPES[String(x.service_type)] ?? String(x.service_type) })),
  }));
  if (ctx.tables.has('mart_beneficiary_level')) {
    const levels = await rows(ctx.conn, `
      select disability_level, beneficiaries
      from mart_beneficiary_level
      where city = ${lit(ctx.city)} and year = ${ctx.year} and scheme = 'all'
      order by disability_level nulls last`);
    section.tables.push(reportTable({
      id: 'levels',
      title: `${ctx.year}年待遇享受人数（按失能等级）`,
      columns: [
        { key: 'level', label: '失能等级', kind: 'text' },
        { key: 'beneficiaries', label: '享受人数', kind: 'count' },
      ],
      rows: levels.map((x) => ({ level: levelLabel(x.disability_level as number | null), beneficiaries: x.beneficiaries })),
      note: '失能等级为年内最后一个服务月月末前最近一次评估的等级；“未评估”为结算时无评估记录的人数（监管规则另行核查）。',
    }));
  }
  return section;
}
