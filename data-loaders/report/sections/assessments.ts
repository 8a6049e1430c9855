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

/** 年报: the year to its last month in the data (mart_assessment_ytd) against the same months a year before. */
export async function annualAssessmentSection(ctx: Ctx, months: string): Promise<Section> {
  const section: Section = { id: 'assessments', title: '失能评估', tables: [] };
  if (!ctx.tables.has('mart_assessment_ytd')) return missing(section, 'mart_assessment_ytd');
  const r = await rows(ctx.conn, `
    with ytd as (
        select * from mart_assessment_ytd where city = ${lit(ctx.city)}
    ),
    schemes as (
        select distinct scheme from ytd
    )
    select
        schemes.scheme,
        cur.applications_ytd,
        cur.concluded_ytd,
        cur.approved_ytd,
        cur.approval_rate_ytd,
        prev.applications_ytd as applications_prev,
        prev.concluded_ytd as concluded_prev,
        prev.approved_ytd as approved_prev,
        prev.approval_rate_ytd as approval_rate_prev,
    from schemes
    left join ytd as cur on cur.scheme = schemes.scheme and cur.month = ${ctx.d}
    left join ytd as prev on prev.scheme = schemes.scheme and prev.month = ${ctx.d} - interval 12 month`);
  section.notes = [`申请按申请日期、结论与通过按结论日期计入；通过率 = 通过 ÷ 已出结论。上年为上年相同月份（${ctx.year - 1}年${months || '全年'}）。`];
  section.tables.push(reportTable({
    id: 'assessments',
    title: '评估申请、结论与通过（本年与上年）',
    columns: [
      { key: 'scheme', label: '险种', kind: 'text' },
      { key: 'applications_ytd', label: `${ctx.year}年申请`, kind: 'count' },
      { key: 'concluded_ytd', label: `${ctx.year}年出结论`, kind: 'count' },
      { key: 'approved_ytd', label: `${ctx.year}年通过`, kind: 'count' },
      { key: 'approval_rate_ytd', label: `${ctx.year}年通过率`, kind: 'pct' },
      { key: 'applications_prev', label: `${ctx.year - 1}年申请`, kind: 'count' },
      { key: 'concluded_prev', label: `${ctx.year - 1}年出结论`, kind: 'count' },
      { key: 'approved_prev', label: `${ctx.year - 1}年通过`, kind: 'count' },
      { key: 'approval_rate_prev', label: `${ctx.year - 1}年通过率`, kind: 'pct' },
    ],
    rows: totalLast(r).map((x) => ({ ...x, scheme: SCHEMES[String(x.scheme)] ?? String(x.scheme) })),
    total: (x) => x.scheme === SCHEMES.all,
  }));
  return section;
}
