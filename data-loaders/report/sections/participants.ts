// 参保情况: participants and financing per head this year and last (mart_city_comparison).
import { lit } from '../../db.ts';
import { SCHEMES } from '../../../vocabulary/index.ts';
import { changeNote, changeRuleText, shownChange } from '../change.ts';
import { missing, rows, totalLast, type Ctx } from '../context.ts';
import { reportTable } from '../table.ts';
import type { Section } from '../types.ts';

export async function participantsSection(ctx: Ctx): Promise<Section> {
  const section: Section = { id: 'participants', title: '参保情况', tables: [] };
  if (!ctx.tables.has('mart_city_comparison')) return missing(section, 'mart_city_comparison');
  const r = await rows(ctx.conn, `
    with comparison as (
        select * from mart_city_comparison where city = ${lit(ctx.city)}
    ),
    final as (
        select
            cur.scheme,
            cur.participants,
            prev.participants as participants_prev,
            case when prev.participants > 0
                then round((cur.participants - prev.participants) / prev.participants, 4)
            end as participants_yoy_pct,
            cur.financing_per_capita::decimal(18, 2) as financing_per_capita,
            prev.financing_per_capita::decimal(18, 2) as financing_per_capita_prev,
        from comparison as cur
        left join comparison as prev
            on prev.scheme = cur.scheme
            and prev.year = cur.year - 1
        where cur.year = ${ctx.year}
    )
    select * from final`);
  const out = totalLast(r).map((x) => ({
    ...x,
    scheme: SCHEMES[String(x.scheme)] ?? String(x.scheme),
    ...shownChange('participants_yoy_pct', x.participants_yoy_pct, x.participants_prev, x.participants),
  }));
  section.notes = [`参保人数为参保期覆盖当年任一日的人数（去重）；人均筹资为当年缴费年度各项筹资合计 ÷ 缴费人数。`];
  section.tables.push(reportTable({
    id: 'participants',
    title: `${ctx.year}年参保人数与人均筹资`,
    columns: [
      { key: 'scheme', label: '险种', kind: 'text' },
      { key: 'participants', label: `${ctx.year}年参保人数`, kind: 'count' },
      { key: 'participants_prev', label: `${ctx.year - 1}年参保人数`, kind: 'count' },
      { key: 'participants_yoy_pct', label: '同比', kind: 'change' },
      { key: 'financing_per_capita', label: `${ctx.year}年人均筹资（元）`, kind: 'money' },
      { key: 'financing_per_capita_prev', label: `${ctx.year - 1}年人均筹资（元）`, kind: 'money' },
    ],
    rows: out,
    total: (x) => x.scheme === SCHEMES.all,
    note: `同比：${changeRuleText()}。${changeNote(out, 'scheme', [['participants_yoy_pct', '参保人数同比', '上年']])}`,
  }));
  return section;
}
