// What the public disclosure site may show (docs/public.md), read from the marts and the policy
// catalog, with small-cell suppression applied here, in Node, before anything is written out.
// Only aggregates: no person number, certificate hash, settlement id, audit or data-quality table.
import type { DuckDBConnection } from '@duckdb/node-api';
import { SERVICE_TYPES } from '../contract/index.ts';
import { institution } from '../contract/kinds.ts';
import { lit, queryRows } from '../db.ts';
import { levelLabel, paramLabel, paramValue, SCHEME_ORDER, SCHEMES, statusNoteText } from '../../src/components/labels.ts';
import { readThresholds } from '../config.ts';
import { OVERDRAWN_TEXT, UNKNOWN_BALANCE_TEXT, yearLabel } from '../../src/components/payable.ts';
import { EXPENDITURE_KINDS, FUND_LABELS, INCOME_SOURCES } from '../../src/components/fundColumns.ts';
import { derived, shown, suppressCells, type Line, type MaskedCell } from '../suppress.ts';

export type PublicCell = string | number | null;
export type PublicRow = Record<string, PublicCell>;

export interface PublicColumn {
  key: string;
  label: string;
  /** How the site formats it; CSV writes the value as it is. */
  kind: 'text' | 'count' | 'money' | 'pct' | 'number';
}

export interface PublicTable {
  name: string;
  title: string;
  columns: PublicColumn[];
  rows: PublicRow[];
  note?: string;
}

export const CATEGORY_LABELS: Record<string, string> = Object.fromEntries(
  Object.entries((institution.columns.find((c) => c.name === 'category') as { values: Record<string, string[]> }).values)
    .map(([code, names]) => [code, names[1] ?? code]),
);

export const SUPPRESSION_NOTE = '人数为1至10的单元格显示为“<10”；为防止由合计或其他单元格反推，另有单元格显示为“*”；由被隐藏人数计算的比例、人均值同样隐藏。';

const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
const int = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));

async function rows(conn: DuckDBConnection, sql: string) {
  return queryRows(conn, sql);
}

async function hasTable(conn: DuckDBConnection, name: string): Promise<boolean> {
  return (await rows(conn, `select 1 from information_schema.tables where table_name = ${lit(name)}`)).length > 0;
}

async function cityNames(conn: DuckDBConnection): Promise<Map<string, string>> {
  if (!(await hasTable(conn, 'policy_scheme'))) return new Map();
  const r = await rows(conn, `select city, any_value(city_name) as city_name from policy_scheme group by city`);
  return new Map(r.map((x) => [String(x.city), String(x.city_name)]));
}

// ---------- Fund: income, expenditure, balance, surplus status (fund-level amounts, not suppressed) ----------

export async function fundAnnual(conn: DuckDBConnection): Promise<PublicTable> {
  const names = await cityNames(conn);
  const hasBands = await hasTable(conn, 'cfg_surplus_band');
  const r = await rows(conn, `
    with annual as (
        select * from mart_fund_annual
        where scheme in ('employee', 'resident', 'all')
    )
    select
        annual.city,
        annual.year,
        annual.scheme,
        annual.income_total,
        annual.expenditure_total,
        annual.net,
        annual.balance_end,
        annual.months_payable,
        ${hasBands ? 'bands.label_zh' : 'annual.surplus_status'} as surplus_status,
        annual.months_covered,
        annual.year_complete,
        strftime(annual.first_month, '%Y-%m-%d') as first_month,
        strftime(annual.last_month, '%Y-%m-%d') as last_month,
        annual.balance_end < 0 as overdrawn,
        annual.balance_known,
        annual.status_note,
    from annual
    ${hasBands ? 'left join cfg_surplus_band as bands on bands.status = annual.surplus_status' : ''}
    order by annual.city, annual.year, list_position(${`['${SCHEME_ORDER.join("','")}']`}, annual.scheme)`);
  return {
    name: 'fund-annual',
    title: '基金年度收支与结余',
    columns: [
      { key: 'city_name', label: '城市', kind: 'text' },
      { key: 'city', label: '医保区划', kind: 'text' },
      { key: 'year', label: '年度', kind: 'text' },
      { key: 'year_text', label: '期间', kind: 'text' },
      { key: 'scheme', label: '险种', kind: 'text' },
      { key: 'income_total', label: '基金收入（元）', kind: 'money' },
      { key: 'expenditure_total', label: '基金支出（元）', kind: 'money' },
      { key: 'net', label: '当期结余（元）', kind: 'money' },
      { key: 'balance_end', label: '年末累计结余（元）', kind: 'money' },
      { key: 'months_payable', label: '可支付月数', kind: 'number' },
      { key: 'surplus_status', label: '结余状态', kind: 'text' },
      { key: 'months_covered', label: '数据覆盖月数', kind: 'count' },
    ],
    rows: r.map((x) => ({
      city_name: names.get(String(x.city)) ?? String(x.city),
      city: String(x.city),
      year: String(x.year),
      year_text: yearLabel({ year: Number(x.year), year_complete: x.year_complete === false ? false : null, first_month: str(x.first_month), last_month: str(x.last_month) }),
      scheme: SCHEMES[String(x.scheme)] ?? String(x.scheme),
      income_total: str(x.income_total),
      expenditure_total: str(x.expenditure_total),
      net: str(x.net),
      balance_end: x.balance_known === false ? UNKNOWN_BALANCE_TEXT : str(x.balance_end),
      // As on the dashboards (src/components/payable.ts): a balance below zero has no months payable.
      months_payable: x.balance_known === false ? UNKNOWN_BALANCE_TEXT : x.overdrawn ? OVERDRAWN_TEXT : str(x.months_payable),
      surplus_status: x.surplus_status === null ? statusNoteText(str(x.status_note), readThresholds().surplus_bands.min_expenditure_months) || null : str(x.surplus_status),
      months_covered: x.months_covered === undefined ? null : int(x.months_covered),
    })),
    note: `收付实现制（缴费按缴费日期、待遇按结算日期计入）。累计结余从期初结余（上年结转）起算，基金早于本数据而未提供期初结余的显示“${UNKNOWN_BALANCE_TEXT}”。可支付月数 = 年末累计结余 ÷ 本年有支出月份的月均基金支出；累计结余为负的显示为“${OVERDRAWN_TEXT}”；有支出的月份不足${readThresholds().surplus_bands.min_expenditure_months}个月的不判断结余状态；数据覆盖不足12个月的年度标明所含月份。`,
  };
}

export async function fundMonthly(conn: DuckDBConnection): Promise<PublicTable> {
  const names = await cityNames(conn);
  const r = await rows(conn, `
    select
        city,
        strftime(month, '%Y-%m') as month,
        income_individual, income_medical_fund, income_fiscal, income_employer, income_other, income_total,
        expenditure_benefits, expenditure_assessment, expenditure_operator, expenditure_other, expenditure_total,
        net,
        cumulative_balance,
        balance_known,
    from mart_fund_monthly
    where scheme = 'all'
    order by city, month`);
  const money = (key: string, label: string): PublicColumn => ({ key, label, kind: 'money' });
  const columns: PublicColumn[] = [
    { key: 'city_name', label: '城市', kind: 'text' },
    { key: 'city', label: '医保区划', kind: 'text' },
    { key: 'month', label: '月份', kind: 'text' },
    // The dashboards' words for the fund columns (src/components/fundColumns.ts).
    ...[...INCOME_SOURCES, ['income_total', FUND_LABELS.income_total], ...EXPENDITURE_KINDS,
      ['expenditure_total', FUND_LABELS.expenditure_total], ['net', FUND_LABELS.net]].map(([key, label]) => money(key, `${label}（元）`)),
    money('cumulative_balance', `月末${FUND_LABELS.cumulative_balance}（元）`),
  ];
  return {
    name: 'fund-monthly',
    title: '基金月度收支（两险种合计）',
    columns,
    rows: r.map((x) => Object.fromEntries(columns.map((c) => [c.key,
      c.key === 'city_name' ? names.get(String(x.city)) ?? String(x.city)
        : c.key === 'cumulative_balance' && x.balance_known === false ? UNKNOWN_BALANCE_TEXT : str(x[c.key])]))),
  };
}

// ---------- Persons: participants and beneficiaries, suppressed ----------

/** A set of counts for one city and year, with the lines (published sums) that tie them together. */
class CellSet {
  values: number[] = [];
  lines: Line[] = [];
  masked: MaskedCell[] = [];
  add(v: number): number {
    this.values.push(v);
    return this.values.length - 1;
  }
  sum(total: number, members: number[]): void {
    if (members.length) this.lines.push({ total, members, approximate: true });
  }
  run(): void {
    this.masked = suppressCells(this.values, this.lines);
  }
  cell(i: number): MaskedCell {
    return this.masked[i];
  }
}

export interface PersonTables {
  schemes: PublicTable;
  districts: PublicTable;
  levels: PublicTable;
  serviceTypes: PublicTable;
}

/**
 * Participants and beneficiaries per city and year: by scheme, by district and (beneficiaries) by
 * disability level, all suppressed together so that no published sum gives a hidden cell away —
 * the city total is the sum of the schemes, of the districts and of the levels. Beneficiaries by
 * service type overlap (one person, several services), so only small cells are hidden there, and
 * the amounts and shares of a hidden row with them.
 */
export async function personTables(conn: DuckDBConnection): Promise<PersonTables> {
  const names = await cityNames(conn);
  const comparison = await rows(conn, `
    select city, year, scheme, participants, beneficiaries
    from mart_city_comparison
    order by city, year`);
  const district = (await hasTable(conn, 'mart_district')) ? await rows(conn, `
    select
        d.city, d.year, d.admdvs, d.is_district,
        coalesce(d.district_name, a.area_name) as district_name,
        d.participants, d.beneficiaries,
    from mart_district as d
    left join int_areas_named as a using (admdvs)
    where d.scheme = 'all'
    order by d.city, d.year, d.admdvs`) : [];
  const profile = (await hasTable(conn, 'mart_beneficiary_profile')) ? await rows(conn, `
    select city, year, coalesce(disability_level::varchar, 'unknown') as level, sum(beneficiaries)::bigint as beneficiaries,
    from mart_beneficiary_profile
    where scheme = 'all'
    group by all
    order by city, year, level`) : [];

  const keys = [...new Set(comparison.filter((x) => x.scheme === 'all' && (int(x.participants) > 0 || int(x.beneficiaries) > 0))
    .map((x) => `${x.city}|${x.year}`))];
  const schemes: PublicRow[] = [];
  const districts: PublicRow[] = [];
  const levels: PublicRow[] = [];
  for (const key of keys) {
    const [city, yearText] = key.split('|');
    const year = Number(yearText);
    const cityName = names.get(city) ?? city;
    const mine = <T extends Record<string, unknown>>(list: T[]) => list.filter((x) => x.city === city && Number(x.year) === year);
    const byScheme = mine(comparison).sort((a, b) => SCHEME_ORDER.indexOf(String(a.scheme)) - SCHEME_ORDER.indexOf(String(b.scheme)));
    const all = byScheme.find((x) => x.scheme === 'all')!;
    const parts = byScheme.filter((x) => x.scheme === 'employee' || x.scheme === 'resident');
    const dists = mine(district);
    const lvls = mine(profile);

    const p = new CellSet();
    const b = new CellSet();
    const pAll = p.add(int(all.participants));
    const bAll = b.add(int(all.beneficiaries));
    const pScheme = parts.map((x) => p.add(int(x.participants)));
    const bScheme = parts.map((x) => b.add(int(x.beneficiaries)));
    // Beneficiaries of no scheme (settlements with no enrolment, two schemes in force) count in the
    // total only and are never published: a hidden member of the sum, so the total minus the schemes
    // cannot give a small count of them away.
    const bRest = int(all.beneficiaries) - bScheme.reduce((n, i) => n + b.values[i], 0);
    if (bRest > 0) bScheme.push(b.add(bRest));
    const pDist = dists.map((x) => p.add(int(x.participants)));
    const bDist = dists.map((x) => b.add(int(x.beneficiaries)));
    const bLevel = lvls.map((x) => b.add(int(x.beneficiaries)));
    // A single-scheme city: the scheme row equals the total; it is still one line of two cells.
    p.sum(pAll, pScheme);
    b.sum(bAll, bScheme);
    p.sum(pAll, pDist);
    b.sum(bAll, bDist);
    b.sum(bAll, bLevel);
    p.run();
    b.run();

    // A rate per 1,000 is a ratio of counts, not money: plain arithmetic, hidden with its counts.
    const personRow = (pc: MaskedCell, bc: MaskedCell): PublicRow => ({
      participants: shown(pc),
      beneficiaries: shown(bc),
      beneficiaries_per_1000: pc.value > 0 ? derived(((bc.value * 1000) / pc.value).toFixed(2), pc, bc) : null,
    });
    schemes.push({ city_name: cityName, city, year: String(year), scheme: SCHEMES.all, ...personRow(p.cell(pAll), b.cell(bAll)) });
    parts.forEach((x, i) => schemes.push({ // (bScheme's extra member, if any, is not published)
      city_name: cityName, city, year: String(year), scheme: SCHEMES[String(x.scheme)] ?? String(x.scheme),
      ...personRow(p.cell(pScheme[i]), b.cell(bScheme[i])),
    }));
    dists.forEach((x, i) => districts.push({
      city_name: cityName, city, year: String(year), admdvs: String(x.admdvs),
      district: x.is_district === false ? '未细分区县' : String(x.district_name ?? x.admdvs),
      ...personRow(p.cell(pDist[i]), b.cell(bDist[i])),
    }));
    lvls.forEach((x, i) => levels.push({
      city_name: cityName, city, year: String(year), level: levelLabel(String(x.level)),
      beneficiaries: shown(b.cell(bLevel[i])),
    }));
  }

  const personColumns: PublicColumn[] = [
    { key: 'participants', label: '参保人数', kind: 'count' },
    { key: 'beneficiaries', label: '待遇享受人数', kind: 'count' },
    { key: 'beneficiaries_per_1000', label: '每千参保人享受待遇人数', kind: 'number' },
  ];
  const where: PublicColumn[] = [
    { key: 'city_name', label: '城市', kind: 'text' },
    { key: 'city', label: '医保区划', kind: 'text' },
    { key: 'year', label: '年度', kind: 'text' },
  ];
  return {
    schemes: {
      name: 'participants-beneficiaries',
      title: '参保人数与待遇享受人数（按险种）',
      columns: [...where, { key: 'scheme', label: '险种', kind: 'text' }, ...personColumns],
      rows: schemes,
      note: `参保人数为参保期覆盖当年任一日的人数；待遇享受人数为当年（按服务月份）有护理费用结算的人数。${SUPPRESSION_NOTE}`,
    },
    districts: {
      name: 'districts',
      title: '参保人数与待遇享受人数（按区县）',
      columns: [...where, { key: 'admdvs', label: '区县区划', kind: 'text' }, { key: 'district', label: '区县', kind: 'text' }, ...personColumns],
      rows: districts,
      note: SUPPRESSION_NOTE,
    },
    levels: {
      name: 'beneficiaries-by-level',
      title: '待遇享受人数（按失能等级）',
      columns: [...where, { key: 'level', label: '失能等级', kind: 'text' }, { key: 'beneficiaries', label: '待遇享受人数', kind: 'count' }],
      rows: levels,
      note: `失能等级为当年最后一个服务月月末前最近一次评估的等级。${SUPPRESSION_NOTE}`,
    },
    serviceTypes: await serviceTypes(conn, names),
  };
}

async function serviceTypes(conn: DuckDBConnection, names: Map<string, string>): Promise<PublicTable> {
  const r = await rows(conn, `
    select city, year, service_type, beneficiaries, fund_amt, fund_share, fund_per_beneficiary_month,
    from mart_service_type
    where scheme = 'all'
    order by city, year, service_type`);
  const cells = suppressCells(r.map((x) => int(x.beneficiaries)));
  return {
    name: 'service-types',
    title: '各服务类型待遇享受人数与基金支付',
    columns: [
      { key: 'city_name', label: '城市', kind: 'text' },
      { key: 'city', label: '医保区划', kind: 'text' },
      { key: 'year', label: '年度', kind: 'text' },
      { key: 'service_type', label: '服务类型', kind: 'text' },
      { key: 'beneficiaries', label: '待遇享受人数', kind: 'count' },
      { key: 'fund_amt', label: '基金支付（元）', kind: 'money' },
      { key: 'fund_share', label: '基金支付比例', kind: 'pct' },
      { key: 'fund_per_beneficiary_month', label: '人均月基金支付（元）', kind: 'money' },
    ],
    rows: r.map((x, i) => ({
      city_name: names.get(String(x.city)) ?? String(x.city),
      city: String(x.city),
      year: String(x.year),
      service_type: SERVICE_TYPES[String(x.service_type)] ?? String(x.service_type),
      beneficiaries: shown(cells[i]),
      fund_amt: derived(str(x.fund_amt), cells[i]),
      fund_share: derived(str(x.fund_share), cells[i]),
      fund_per_beneficiary_month: derived(str(x.fund_per_beneficiary_month), cells[i]),
    })),
    note: `按服务月份归属年度；同一人可享受多种服务。${SUPPRESSION_NOTE}享受人数被隐藏的服务类型，其基金支付金额、比例和人均值一并隐藏。`,
  };
}

// ---------- Designated institutions (organisations: names are public) ----------

export async function institutions(conn: DuckDBConnection): Promise<{ list: PublicTable; counts: PublicTable }> {
  const names = await cityNames(conn);
  const r = await rows(conn, `
    select
        i.city,
        i.admdvs,
        a.area_name,
        i.institution_name,
        i.category,
        i.grade,
        i.beds,
        strftime(i.designated_from, '%Y-%m-%d') as designated_from,
        strftime(i.designated_to, '%Y-%m-%d') as designated_to,
    from stg_institution as i
    left join int_areas_named as a using (admdvs)
    order by i.city, i.admdvs, i.category, i.institution_name`);
  const counts = await rows(conn, `
    select
        city,
        admdvs,
        category,
        count(*) as institutions,
        sum(beds)::bigint as beds,
    from stg_institution
    group by all
    order by city, admdvs, category`);
  const area = new Map(r.map((x) => [String(x.admdvs), str(x.area_name)]));
  const district = (admdvs: string, city: string) => (admdvs === city ? '全市' : area.get(admdvs) ?? admdvs);
  return {
    list: {
      name: 'institutions',
      title: '定点护理服务机构名单',
      columns: [
        { key: 'city_name', label: '城市', kind: 'text' },
        { key: 'district', label: '区县', kind: 'text' },
        { key: 'admdvs', label: '医保区划', kind: 'text' },
        { key: 'name', label: '机构名称', kind: 'text' },
        { key: 'category', label: '机构类别', kind: 'text' },
        { key: 'grade', label: '医院等级', kind: 'text' },
        { key: 'beds', label: '护理床位数', kind: 'count' },
        { key: 'designated_from', label: '定点开始日期', kind: 'text' },
        { key: 'designated_to', label: '定点终止日期', kind: 'text' },
      ],
      rows: r.map((x) => ({
        city_name: names.get(String(x.city)) ?? String(x.city),
        district: district(String(x.admdvs), String(x.city)),
        admdvs: String(x.admdvs),
        name: String(x.institution_name),
        category: CATEGORY_LABELS[String(x.category)] ?? String(x.category),
        grade: x.grade === null || x.grade === undefined ? null : `${['一', '二', '三'][Number(x.grade) - 1] ?? x.grade}级`,
        beds: x.beds === null || x.beds === undefined ? null : Number(x.beds),
        designated_from: str(x.designated_from),
        designated_to: str(x.designated_to),
      })),
      note: '定点机构为组织机构，名称依法公开；名单含已终止定点的机构（见定点终止日期）。',
    },
    counts: {
      name: 'institution-counts',
      title: '定点护理服务机构数（按区县和类别）',
      columns: [
        { key: 'city_name', label: '城市', kind: 'text' },
        { key: 'district', label: '区县', kind: 'text' },
        { key: 'admdvs', label: '医保区划', kind: 'text' },
        { key: 'category', label: '机构类别', kind: 'text' },
        { key: 'institutions', label: '机构数', kind: 'count' },
        { key: 'beds', label: '护理床位数', kind: 'count' },
      ],
      rows: counts.map((x) => ({
        city_name: names.get(String(x.city)) ?? String(x.city),
        district: district(String(x.admdvs), String(x.city)),
        admdvs: String(x.admdvs),
        category: CATEGORY_LABELS[String(x.category)] ?? String(x.category),
        institutions: int(x.institutions),
        beds: x.beds === null || x.beds === undefined ? null : Number(x.beds),
      })),
      note: '机构数为组织机构计数，不涉及个人，不作小数值隐藏。',
    },
  };
}

// ---------- Policy parameters (public documents) ----------

export async function policyParameters(conn: DuckDBConnection): Promise<{ schemes: PublicTable; parameters: PublicTable }> {
  const schemes = await rows(conn, `
    select
        policy_id, city, city_name, province, scheme,
        strftime(effective_from, '%Y-%m-%d') as effective_from,
        strftime(effective_to, '%Y-%m-%d') as effective_to,
        document_no, document_title,
    from policy_scheme
    order by city, scheme, effective_from`);
  const params = await rows(conn, `
    select
        s.policy_id, p.city_name, p.scheme, s.param, s.value, s.document_no, s.clause, s.assumed, s.assumed_why,
    from policy_source as s
    left join policy_scheme as p using (policy_id)
    order by p.city, s.policy_id, s.param`);
  return {
    schemes: {
      name: 'policy-documents',
      title: '长期护理保险政策文件',
      columns: [
        { key: 'city_name', label: '城市', kind: 'text' },
        { key: 'province', label: '省份', kind: 'text' },
        { key: 'scheme', label: '险种', kind: 'text' },
        { key: 'document_no', label: '文号', kind: 'text' },
        { key: 'document_title', label: '文件名称', kind: 'text' },
        { key: 'effective_from', label: '施行日期', kind: 'text' },
        { key: 'effective_to', label: '有效期至', kind: 'text' },
      ],
      rows: schemes.map((x) => ({
        city_name: str(x.city_name), province: str(x.province), scheme: SCHEMES[String(x.scheme)] ?? str(x.scheme),
        document_no: str(x.document_no), document_title: str(x.document_title),
        effective_from: str(x.effective_from), effective_to: str(x.effective_to),
      })),
    },
    parameters: {
      name: 'policy-parameters',
      title: '政策参数及依据条款',
      columns: [
        { key: 'city_name', label: '城市', kind: 'text' },
        { key: 'scheme', label: '险种', kind: 'text' },
        { key: 'param', label: '参数', kind: 'text' },
        { key: 'value', label: '取值', kind: 'text' },
        { key: 'document_no', label: '文号', kind: 'text' },
        { key: 'clause', label: '依据条款', kind: 'text' },
        { key: 'assumed', label: '是否假设', kind: 'text' },
        { key: 'assumed_why', label: '假设说明', kind: 'text' },
      ],
      rows: params.map((x) => ({
        city_name: str(x.city_name), scheme: SCHEMES[String(x.scheme)] ?? str(x.scheme),
        param: paramLabel(String(x.param)), value: paramValue(str(x.value)), document_no: str(x.document_no), clause: str(x.clause),
        assumed: x.assumed ? '是' : '否', assumed_why: str(x.assumed_why),
      })),
      note: '“是否假设”为“是”的参数在政策文件中未找到明文，系本系统按说明取值。',
    },
  };
}

/** Every public table by name (what the loaders and the CSV downloads serve). */
export async function publicTables(conn: DuckDBConnection): Promise<Map<string, PublicTable>> {
  const persons = await personTables(conn);
  const inst = await institutions(conn);
  const policy = await policyParameters(conn);
  const list = [
    await fundAnnual(conn), await fundMonthly(conn),
    persons.schemes, persons.districts, persons.levels, persons.serviceTypes,
    inst.counts, inst.list, policy.schemes, policy.parameters,
  ];
  return new Map(list.map((t) => [t.name, t]));
}
