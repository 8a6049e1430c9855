// 基金运行预测 (年报): the baseline projection of each of the city's funds (mart_projection) and its
// answers (mart_projection_summary) — the year the balance turns negative, the per-head financing
// at which a year's income equals its expenditure, and the per-head financing that ends the horizon
// inside the healthy band — in words, a table per fund and a table of the scenarios. Every figure is
// a mart column; the words say which, and why one is missing (期初结余未提供).
import { lit } from '../../db.ts';
import { decimalRounded, decimalText, OVERDRAWN_TEXT, SCHEMES, UNKNOWN_BALANCE_TEXT } from '../../../vocabulary/index.ts';
import { missing, rows, str, type Ctx } from '../context.ts';
import { reportTable } from '../table.ts';
import type { Chart, Row, Section } from '../types.ts';
import { healthyBand } from './charts.ts';

export const BASELINE = 'baseline';

const yuanText = (v: unknown) => `${decimalText(String(v))}元`;
const fundName = (scheme: string) => (scheme === 'all' ? '基金' : `${SCHEMES[scheme] ?? scheme}基金`);

export async function projectionSection(ctx: Ctx): Promise<Section> {
  const section: Section = { id: 'projection', title: '基金运行预测', tables: [], charts: [], notes: [] };
  if (!ctx.tables.has('mart_projection_summary')) return missing(section, 'mart_projection_summary');
  if (!ctx.tables.has('mart_projection')) return missing(section, 'mart_projection');
  const statusLabels = ctx.tables.has('cfg_surplus_band')
    ? new Map((await rows(ctx.conn, `select status, label_zh from cfg_surplus_band`)).map((x) => [String(x.status), String(x.label_zh)]))
    : new Map<string, string>();
  const statusText = (s: unknown) => (s === null || s === undefined ? null : statusLabels.get(String(s)) ?? String(s));
  const all = await rows(ctx.conn, `
    select
        scheme, scenario, scenario_label, scenario_order, base_year, horizon_end,
        financing_per_head, depletion_year, first_deficit_year, break_even_first_year, break_even_last_year,
        horizon_balance_end, horizon_months_payable, horizon_surplus_status,
        healthy_min_months::double as healthy_min_months, healthy_max_months::double as healthy_max_months,
        healthy_financing_low, healthy_financing_high,
        unit_cost_growth, take_up_growth, prevalence_shift,
    from mart_projection_summary
    where city = ${lit(ctx.city)}
    order by scheme, scenario_order`);

  if (!all.length) {
    section.notes!.push('本市没有可预测的基金（需要至少一个完整年度的收支数据）。');
    return section;
  }
  // A projection speaks from its base year: an earlier year's report does not carry a later base's.
  const bases = [...new Set(all.map((x) => Number(x.base_year)))];
  const summary = all.filter((x) => Number(x.base_year) === ctx.year);
  if (!summary.length) {
    section.notes!.push(`本年度不是预测基年：当前预测以${bases.map((b) => `${b}年`).join('、')}为基年（最近一个完整年度），见该年度年报和看板“政策模拟”页。`);
    return section;
  }
  const healthyStatus = ctx.tables.has('cfg_projection')
    ? str((await rows(ctx.conn, `select healthy_status from cfg_projection limit 1`))[0]?.healthy_status) ?? 'reasonable'
    : 'reasonable';
  const healthyLabel = statusLabels.get(healthyStatus) ?? healthyStatus;
  const years = await rows(ctx.conn, `
    select
        scheme, year, is_base_year, participants, financing_per_head, income_total, expenditure_total, net,
        balance_end, months_payable, surplus_status, current_deficit, break_even_per_head,
    from mart_projection
    where city = ${lit(ctx.city)} and scenario = ${lit(BASELINE)}
    order by scheme, year`);
  const band = await healthyBand(ctx);
  const funds = [...new Set(summary.map((x) => String(x.scheme)))];
  const lead: string[] = [];
  for (const scheme of funds) {
    const base = summary.find((x) => x.scheme === scheme && x.scenario === BASELINE);
    if (!base) continue;
    const by = Number(base.base_year);
    const h = Number(base.horizon_end);
    const known = base.healthy_financing_low !== null || base.horizon_balance_end !== null;
    const words: string[] = [];
    if (!known) words.push(`${UNKNOWN_BALANCE_TEXT}，只预测收支，不预测累计结余`);
    else if (base.depletion_year !== null) {
      words.push(Number(base.depletion_year) === by ? `${by}年末累计结余已穿底` : `累计结余预计于${base.depletion_year}年穿底`);
    } else {
      words.push(`预测期内累计结余不穿底，${h}年末可支付${decimalRounded(String(base.horizon_months_payable), { digits: 1 })}个月（${statusText(base.horizon_surplus_status)}）`);
    }
    if (base.first_deficit_year !== null) words.push(`自${base.first_deficit_year}年起当年收不抵支`);
    words.push(`当年收支平衡所需的人均筹资${by + 1}年为${yuanText(base.break_even_first_year)}、${h}年为${yuanText(base.break_even_last_year)}（${by}年人均筹资${yuanText(base.financing_per_head)}）`);
    const low = str(base.healthy_financing_low);
    const high = str(base.healthy_financing_high);
    const edges = `${Number(base.healthy_min_months)}至${Number(base.healthy_max_months)}个月`;
    if (low !== null && high !== null) {
      const negative = (v: string) => v.startsWith('-');
      if (negative(low) && negative(high)) words.push(`即使${by + 1}年起不再筹资，${h}年末可支付月数仍超过${edges}（${healthyLabel}）`);
      else if (negative(low)) words.push(`自${by + 1}年起人均筹资不超过${yuanText(high)}，可使${h}年末可支付月数不超过${Number(base.healthy_max_months)}个月（${healthyLabel}区间上限）`);
      else words.push(`自${by + 1}年起人均筹资保持在${decimalText(low)}至${yuanText(high)}，可使${h}年末可支付月数处于${edges}（${healthyLabel}）`);
    }
    if (!lead.length) lead.push(`按基准情景预测（以${by}年为基年，预测至${h}年）：`);
    lead[0] += `${fundName(scheme)}${words.join('；')}。`;

    const path = years.filter((x) => x.scheme === scheme);
    const title = `基准情景预测（${fundName(scheme)}，${by}年为基年）`;
    const tableRows: Record<string, unknown>[] = path.map((x) => {
      const unknown = !known;
      const negative = !unknown && x.balance_end !== null && String(x.balance_end).startsWith('-');
      return {
        year: `${x.year}年${x.is_base_year ? '（基年，实际）' : ''}`,
        participants: x.participants,
        financing_per_head: x.financing_per_head,
        income_total: x.income_total,
        expenditure_total: x.expenditure_total,
        net: x.net,
        balance_end: unknown ? UNKNOWN_BALANCE_TEXT : x.balance_end, balance_end__kind: unknown ? 'text' : 'amount',
        months_payable: unknown ? UNKNOWN_BALANCE_TEXT : negative ? OVERDRAWN_TEXT : x.months_payable,
        months_payable__kind: unknown || negative ? 'text' : 'number',
        surplus_status: statusText(x.surplus_status),
        break_even_per_head: x.break_even_per_head,
        projected: x.is_base_year ? 'false' : 'true',
      };
    });
    section.tables.push(reportTable({
      id: `projection-${scheme}`,
      title,
      columns: [
        { key: 'year', label: '年度', kind: 'text' },
        { key: 'participants', label: '参保人数', kind: 'count' },
        { key: 'financing_per_head', label: '人均筹资（元）', kind: 'money' },
        { key: 'income_total', label: '基金收入（元）', kind: 'amount' },
        { key: 'expenditure_total', label: '基金支出（元）', kind: 'amount' },
        { key: 'net', label: '当年结余（元）', kind: 'amount' },
        { key: 'balance_end', label: '年末累计结余（元）', kind: 'mixed' },
        { key: 'months_payable', label: '可支付月数', kind: 'mixed' },
        { key: 'surplus_status', label: '结余状态', kind: 'text' },
        { key: 'break_even_per_head', label: '收支平衡人均筹资（元）', kind: 'money' },
      ],
      rows: tableRows,
      totalRows: [0],
      note: '收支平衡人均筹资：使当年基金收入等于支出的人均筹资标准（元/人·年），为负表示利息等其他收入已足以支付。参保人数为预测的年平均人数（取整显示）。',
    }));
    if (known) {
      const chart: Chart = {
        id: `chart-projection-${scheme}`,
        type: 'balance',
        title: `${title}：年末累计结余与可支付月数`,
        table: reportTable({
          id: `chart-projection-${scheme}`,
          title: `${title}：年末累计结余与可支付月数`,
          columns: [
            { key: 'label', label: '年度', kind: 'text' },
            { key: 'balance', label: '年末累计结余（元）', kind: 'amount' },
            { key: 'months_payable', label: '可支付月数', kind: 'number' },
          ],
          rows: path.map((x) => ({ label: `${x.year}年`, balance: x.balance_end, months_payable: x.months_payable, projected: x.is_base_year ? 'false' : 'true' })),
        }),
        band,
      };
      section.charts!.push(chart);
    }
  }
  section.lead = lead;
  const scenarioRows = summary.map((x) => ({
    fund: fundName(String(x.scheme)),
    scenario: String(x.scenario_label),
    depletion_year: x.depletion_year === null ? (x.horizon_balance_end === null ? '—' : '预测期内不穿底') : `${x.depletion_year}年`,
    first_deficit_year: x.first_deficit_year === null ? '预测期内无' : `${x.first_deficit_year}年`,
    break_even_first_year: x.break_even_first_year,
    break_even_last_year: x.break_even_last_year,
    healthy_financing: x.healthy_financing_low === null || x.healthy_financing_high === null
      ? '—'
      : `${decimalText(String(x.healthy_financing_low))}～${decimalText(String(x.healthy_financing_high))}`,
    horizon_balance_end: x.horizon_balance_end,
  }));
  const first = summary[0];
  section.tables.push(reportTable({
    id: 'projection-scenarios',
    title: '各情景预测结论',
    columns: [
      ...(funds.length > 1 ? [{ key: 'fund', label: '基金', kind: 'text' as const }] : []),
      { key: 'scenario', label: '情景', kind: 'text' },
      { key: 'depletion_year', label: '累计结余穿底年份', kind: 'text' },
      { key: 'first_deficit_year', label: '首个收不抵支年份', kind: 'text' },
      { key: 'break_even_first_year', label: `${Number(first.base_year) + 1}年收支平衡人均筹资（元）`, kind: 'money' },
      { key: 'break_even_last_year', label: `${first.horizon_end}年收支平衡人均筹资（元）`, kind: 'money' },
      { key: 'healthy_financing', label: `保持${healthyLabel}的人均筹资（元）`, kind: 'text' },
      { key: 'horizon_balance_end', label: `${first.horizon_end}年末累计结余（元）`, kind: 'amount' },
    ],
    rows: scenarioRows as Row[],
    note: `保持${healthyLabel}的人均筹资：自基年次年起保持不变、使预测期末可支付月数恰为${healthyLabel}区间下限和上限的人均筹资标准。情景的假设（单价增长、享受待遇比例、失能率变化）及其来源见看板“政策模拟”页和方法说明；“—”表示期初结余未提供，不预测累计结余。`,
  }));
  section.notes!.push(`预测以各基金最近一个完整年度为基年，按年龄组推算参保人数和享受待遇人数，单价按年增长；筹资标准维持政策目录，不是政策预告。基准情景：单价年增长${pctText(first, summary, 'unit_cost_growth')}，享受待遇比例年增长${pctText(first, summary, 'take_up_growth')}，分年龄失能率维持基年。`);
  return section;
}

/** A baseline growth rate as a percentage: "2.25%". */
function pctText(_first: Record<string, unknown>, summary: Record<string, unknown>[], key: string): string {
  const b = summary.find((x) => x.scenario === BASELINE);
  if (!b || b[key] === null || b[key] === undefined) return '—';
  const v = Number(b[key]) * 100;
  return `${Number(v.toFixed(4))}%`;
}
