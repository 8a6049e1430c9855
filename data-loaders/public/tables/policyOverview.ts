// 政策一览: each city scheme in force on the data's as-of date, in sentences a citizen can read —
// who is covered, what each pays, who can claim, what the fund pays for each service — each with
// the document and the clause it comes from (policy_scheme, policy_financing, policy_service,
// policy_area, policy_source), or, where the document says nothing, the assumption and why.
import type { DuckDBConnection } from '@duckdb/node-api';
import { SERVICE_TYPES } from '../../contract/index.ts';
import { day, DISABILITY_LEVELS, gradeLabel, paramLabel, paramValue, SCHEMES } from '../../../vocabulary/index.ts';
import { publicTable, rows, type PublicTable } from './table.ts';

/** The four questions, in the order the page asks them. */
export const POLICY_TOPICS = ['参保对象', '缴费标准', '享受条件', '基金支付标准'] as const;
type Topic = (typeof POLICY_TOPICS)[number];

const FINANCING: Record<string, string> = { individual: '个人缴费', medical_fund: '医保基金划拨', fiscal: '财政补助', employer: '单位缴费' };
/** Provisions (policy_source `provision.*`) that answer one of the questions. */
const PROVISION_TOPIC: [RegExp, Topic][] = [
  [/^provision\.(participants|residents_from|financing\.(under_18|students))$/, '参保对象'],
  [/^provision\.financing\.(total_per_person_year|channels|individual_from_personal_account|hardship_subsidy|employer_individual_share)$/, '缴费标准'],
  [/^provision\.(deductible|not_paid\..+|no_double_benefit\..+|home_family\.paid_to|assistive_rental|prices|amounts)$/, '基金支付标准'],
];

/** "50.00" → "50元", "864.20" → "864.20元". */
const yuan = (v: unknown) => `${String(v).replace(/\.00$/, '')}元`;
const pct = (v: unknown) => `${+(Number(v) * 100).toFixed(2)}%`;

export async function policyOverview(conn: DuckDBConnection): Promise<PublicTable> {
  const [period] = await rows(conn, `select strftime(as_of_date, '%Y-%m-%d') as as_of from mart_data_period where city = 'all'`);
  const asOf = String(period?.as_of ?? new Date().toISOString().slice(0, 10));
  const inForce = (from: string, to: string) => `${from} <= date '${asOf}' and coalesce(${to}, date '9999-12-31') >= date '${asOf}'`;
  const schemes = await rows(conn, `
    select policy_id, city, city_name, scheme, document_no, document_title, strftime(effective_from, '%Y-%m-%d') as effective_from,
    from policy_scheme
    where ${inForce('effective_from', 'effective_to')}
    order by city, list_position(['employee', 'resident'], scheme)`);
  const sources = await rows(conn, `select policy_id, param, value, document_no, clause, assumed, assumed_why from policy_source`);
  const financing = await rows(conn, `
    select policy_id, component, amount::varchar as amount, strftime(effective_from, '%Y-%m-%d') as effective_from
    from policy_financing
    where ${inForce('effective_from', 'effective_to')}
    order by policy_id, list_position(['individual', 'employer', 'medical_fund', 'fiscal'], component)`);
  const services = await rows(conn, `
    select policy_id, service_type, method, rate::varchar as rate, ratio::varchar as ratio, hospital_grade,
        monthly_cap::varchar as monthly_cap, hours_per_visit::varchar as hours_per_visit, min_visits_per_month,
    from policy_service
    order by policy_id, service_type, hospital_grade nulls first`);
  const areas = await rows(conn, `select policy_id, admdvs, area_name from policy_area order by policy_id, admdvs`);

  const out: Record<string, unknown>[] = [];
  for (const p of schemes) {
    const mine = sources.filter((s) => s.policy_id === p.policy_id);
    const source = (...params: string[]) => params.map((x) => mine.find((s) => s.param === x)).find((s) => s) ?? null;
    const value = (param: string) => source(param)?.value ?? null;
    const add = (topic: Topic, item: string, text: string, ...params: string[]) => {
      const s = source(...params);
      out.push({
        city_name: p.city_name, city: p.city, scheme: SCHEMES[String(p.scheme)] ?? p.scheme, topic, item, text,
        document_no: s?.document_no ?? p.document_no,
        basis: s?.clause ?? (s?.assumed ? `文件未见明文，本站按此理解：${s.assumed_why ?? ''}` : null),
        assumed: s?.assumed ? '是' : '否',
      });
    };

    // 参保对象
    const mineAreas = areas.filter((a) => a.policy_id === p.policy_id);
    const where = mineAreas.map((a) => a.area_name).join('、');
    add('参保对象', '参保范围', `参加${p.scheme === 'employee' ? '职工' : '城乡居民'}基本医疗保险的人员，自${day(String(p.effective_from))}起参加长期护理保险`, 'scheme');
    if (where) add('参保对象', '实施地区', where, `area.${mineAreas[0].admdvs}`);
    // 缴费标准
    for (const f of financing.filter((x) => x.policy_id === p.policy_id)) {
      add('缴费标准', FINANCING[String(f.component)] ?? String(f.component), `每人每年${yuan(f.amount)}`, `financing.${f.component}.${f.effective_from}.amount`);
    }
    // 享受条件
    const level = value('min_level');
    if (level !== null) add('享受条件', '失能等级', `经失能评估认定为${DISABILITY_LEVELS[String(level)] ?? `${level}级`}（${level}级）及以上`, 'min_level');
    const months = value('min_disability_months');
    if (months !== null) add('享受条件', '失能持续时间', `失能状态持续${months}个月以上`, 'min_disability_months');
    const offset = value('benefit_start_offset_days');
    if (offset !== null) add('享受条件', '待遇开始', Number(offset) === 1 ? '自评估结论作出次日起享受待遇' : `自评估结论作出后第${offset}天起享受待遇`, 'benefit_start_offset_days');
    const wait = value('waiting_period_months');
    if (wait !== null) add('享受条件', '断缴等待期', `中断参保缴费的，恢复缴费后${wait}个月内不享受待遇`, 'waiting_period_months');
    const again = value('reassessment_months');
    if (again !== null) add('享受条件', '复评', `每${again}个月至少复评一次`, 'reassessment_months');
    // 基金支付标准
    for (const s of services.filter((x) => x.policy_id === p.policy_id)) {
      const type = String(s.service_type);
      const at = s.hospital_grade === null ? `service.${type}` : `service.${type}.grade${s.hospital_grade}`;
      const parts: string[] = [];
      if (s.method === 'daily_rate') parts.push(`每天${yuan(s.rate)}`);
      else if (s.method === 'hourly_rate') parts.push(`每小时${yuan(s.rate)}`);
      else if (s.method === 'ratio') parts.push(`按费用的${pct(s.ratio)}支付，其余由个人负担`);
      else parts.push(paramValue(String(s.method)));
      if (s.hours_per_visit !== null) parts.push(`每次上门${String(s.hours_per_visit).replace(/\.00$/, '')}小时`);
      if (s.min_visits_per_month !== null) parts.push(`每月至少上门${s.min_visits_per_month}次`);
      if (s.monthly_cap !== null) parts.push(`每月最多${yuan(s.monthly_cap)}`);
      const item = `${SERVICE_TYPES[type] ?? type}${s.hospital_grade === null ? '' : `（${gradeLabel(s.hospital_grade as number)}医疗机构）`}`;
      add('基金支付标准', item, parts.join('，'), `${at}.rate`, `${at}.ratio`, at);
    }
    // provisions that answer a question
    for (const s of mine) {
      const topic = PROVISION_TOPIC.find(([re]) => re.test(String(s.param)))?.[1];
      if (!topic) continue;
      const name = String(s.param).replace(/^provision\./, '');
      const label = name === 'financing.total_per_person_year' ? '人均筹资' : paramLabel(name.replace(/^financing\./, ''));
      const text = name === 'financing.total_per_person_year' ? `每人每年共${yuan(s.value)}` : paramValue(s.value as string | null);
      add(topic, label, text, String(s.param));
    }
  }
  // Policies in their order (city, then 职工 before 城乡居民), the questions in theirs (a stable sort).
  const order = (t: unknown) => POLICY_TOPICS.indexOf(t as Topic);
  const policy = (r: Record<string, unknown>) => schemes.findIndex((p) => p.city === r.city && (SCHEMES[String(p.scheme)] ?? p.scheme) === r.scheme);
  out.sort((a, b) => policy(a) - policy(b) || order(a.topic) - order(b.topic));
  return publicTable({
    name: 'policy-overview',
    title: '政策一览',
    columns: [
      { key: 'city_name', label: '城市', kind: 'text' },
      { key: 'city', label: '医保区划', kind: 'text' },
      { key: 'scheme', label: '险种', kind: 'text' },
      { key: 'topic', label: '事项', kind: 'text' },
      { key: 'item', label: '项目', kind: 'text' },
      { key: 'text', label: '规定', kind: 'text' },
      { key: 'document_no', label: '文号', kind: 'text' },
      { key: 'basis', label: '依据条款', kind: 'text' },
      { key: 'assumed', label: '是否本站理解', kind: 'text' },
    ],
    rows: out,
    note: `数据截至日（${asOf}）施行的政策。“是否本站理解”为“是”的，政策文件未写明，系本站按说明理解，以政策文件和经办机构解释为准。`,
  });
}
