// 失能评估: the month's applications, conclusions and approvals (mart_assessment) and the year to
// date (mart_assessment_ytd), per scheme.
import { lit } from '../../db.ts';
import { SCHEMES } from '../../../vocabulary/index.ts';
import { missing, rows, totalLast, type Ctx } from '../context.ts';
import { reportTable } from '../table.ts';
import type { Section } from '../types.ts';

export async function assessmentSection(ctx: Ctx): Promise<Section> {
  const section: Section = { id: 'assessments', title: '失能评估', tables: [] };
  if (!ctx.tables.has('mart_assessment')) return missing(section, 'mart_assessment');
  if (!ctx.tables.has('mart_assessment_ytd')) return missing(section, 'mart_assessment_ytd');
  const r = await rows(ctx.conn, `
    with schemes as (
        select distinct scheme from mart_assessment where city = ${lit(ctx.city)}
    ),
    this_month as (
        select * from mart_assessment where city = ${lit(ctx.city)} and month = ${ctx.d}
    ),
    ytd as (
        select * from mart_assessment_ytd where city = ${lit(ctx.city)} and month = ${ctx.d}
    )
    select
        schemes.scheme,
        this_month.applications,
        this_month.concluded,
        this_month.approved,
        this_month.approval_rate,
        ytd.applications_ytd,
        ytd.concluded_ytd,
        ytd.approved_ytd,
        ytd.approval_rate_ytd,
        this_month.median_days_to_conclusion as median_days,
        this_month.reviews_overdue,
    from schemes
    left join this_month using (scheme)
    left join ytd using (scheme)`);
  section.notes = ['申请按申请日期、结论与通过按结论日期计入当月；通过率 = 通过 ÷ 已出结论。'];
  section.tables.push(reportTable({
    id: 'assessments',
    title: '评估申请、结论与通过',
    columns: [
      { key: 'scheme', label: '险种', kind: 'text' },
      { key: 'applications', label: '本月申请', kind: 'count' },
      { key: 'concluded', label: '本月出结论', kind: 'count' },
      { key: 'approved', label: '本月通过', kind: 'count' },
      { key: 'approval_rate', label: '本月通过率', kind: 'pct' },
      { key: 'applications_ytd', label: '本年累计申请', kind: 'count' },
      { key: 'concluded_ytd', label: '本年累计出结论', kind: 'count' },
      { key: 'approved_ytd', label: '本年累计通过', kind: 'count' },
      { key: 'approval_rate_ytd', label: '本年通过率', kind: 'pct' },
      { key: 'median_days', label: '结论用时中位数（天）', kind: 'number' },
      { key: 'reviews_overdue', label: '逾期未复评', kind: 'count' },
    ],
    rows: totalLast(r).map((x) => ({ ...x, scheme: SCHEMES[String(x.scheme)] ?? String(x.scheme) })),
    total: (x) => x.scheme === SCHEMES.all,
  }));
  return section;
}
