// The monthly report's figures for one city and month (+ year to date), read from the marts.
// Every sum and difference is computed in SQL on DECIMALs; money leaves DuckDB as strings.
import type { DuckDBConnection } from '@duckdb/node-api';
import { UserError } from '../errors.ts';
import { SERVICE_TYPES } from '../contract/index.ts';
import { lit, queryRows } from '../db.ts';
import { AUDIT_RULES, bandRule, levelLabel, MONTH_STATUS, SCHEME_ORDER, SCHEMES } from '../../src/components/labels.ts';
import { day as dayLabel, month as monthText } from '../../src/components/format.ts';
import { readThresholds } from '../config.ts';
import { OVERDRAWN_TEXT, yearLabel } from '../../src/components/payable.ts';
import { EXPENDITURE_KINDS, FUND_LABELS, INCOME_SOURCES } from '../../src/components/fundColumns.ts';
import { publisher } from './publisher.ts';
import type { Column, MonthStatus, ReportData, Row, Section, Table } from './types.ts';

/**
 * A month's figures are provisional (初步数) while settlements for it may still arrive: settlements
 * for a service month are settled up to SETTLEMENT_LAG_MONTHS later, and the latest delivered month
 * may be only partly delivered. So a month is provisional when it is the city's latest settlement
 * month (the month of its latest settled_date), one of the SETTLEMENT_LAG_MONTHS before it, or any
 * month after it; older months are final (终结数). See docs/report.md.
 */
export const SETTLEMENT_LAG_MONTHS = 2;

/** The income and expenditure lines, in the words of the dashboards (src/components/fundColumns.ts). */
const FUND_ITEMS: [key: string, label: string][] = [
  ...INCOME_SOURCES,
  ['income_total', FUND_LABELS.income_total],
  ...EXPENDITURE_KINDS,
  ['expenditure_total', FUND_LABELS.expenditure_total],
  ['net', FUND_LABELS.net],
];

/** "2027-01" → "2027年1月" (the site's month formatter). */
export function monthLabel(month: string): string {
  return monthText(month);
}

function parseMonth(month: string): string {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw new UserError(`--month must be YYYY-MM, e.g. 2027-01 (got "${month}")`);
  return month;
}

async function rows(conn: DuckDBConnection, sql: string): Promise<Record<string, unknown>[]> {
  return queryRows(conn, sql);
}

async function tableColumns(conn: DuckDBConnection, table: string): Promise<Set<string>> {
  const r = await rows(conn, `select column_name from information_schema.columns where table_name = ${lit(table)}`);
  return new Set(r.map((x) => String(x.column_name)));
}

const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

/** Cities with fund flows, with their names from the policy catalog. */
export async function reportCities(conn: DuckDBConnection): Promise<{ city: string; cityName: string; firstMonth: string; lastMonth: string }[]> {
  const hasPolicy = (await tableColumns(conn, 'policy_scheme')).has('city_name');
  const r = await rows(conn, `
    select
        m.city,
        ${hasPolicy ? `(select any_value(p.city_name) from policy_scheme as p where p.city = m.city)` : 'null'} as city_name,
        strftime(min(m.month), '%Y-%m') as first_month,
        strftime(max(m.month), '%Y-%m') as last_month,
    from mart_fund_monthly as m
    group by m.city
    order by m.city`);
  return r.map((x) => ({ city: String(x.city), cityName: str(x.city_name) ?? String(x.city), firstMonth: String(x.first_month), lastMonth: String(x.last_month) }));
}

/** Months that have a report for some city (YYYY-MM, ascending). */
export async function reportMonths(conn: DuckDBConnection): Promise<string[]> {
  const r = await rows(conn, `select distinct strftime(month, '%Y-%m') as month from mart_fund_monthly order by 1`);
  return r.map((x) => String(x.month));
}

/** Provisional or final: `asOfMonth` is the month of the city's latest settlement (YYYY-MM). */
export function monthStatus(month: string, asOfMonth: string, lag = SETTLEMENT_LAG_MONTHS): MonthStatus {
  const index = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;
  return index(asOfMonth) - index(month) <= lag ? 'provisional' : 'final';
}

interface Ctx {
  conn: DuckDBConnection;
  city: string;
  /** date literal of the month's first day */
  d: string;
  year: number;
  tables: Set<string>;
}

export async function reportData(conn: DuckDBConnection, { city, month }: { city: string; month: string }): Promise<ReportData> {
  parseMonth(month);
  const tables = new Set((await rows(conn, `select table_name from information_schema.tables`)).map((x) => String(x.table_name)));
  if (!tables.has('mart_fund_monthly')) throw new UserError('the warehouse has no mart_fund_monthly: run `ltci build` first');
  const cities = await reportCities(conn);
  const c = cities.find((x) => x.city === city);
  if (!c) throw new UserError(`no fund data for city ${city}; cities in the warehouse: ${cities.map((x) => `${x.city} ${x.cityName}`).join(', ') || 'none'}`);
  if (month < c.firstMonth || month > c.lastMonth) {
    throw new UserError(`${c.cityName} (${city}) has fund data from ${c.firstMonth} to ${c.lastMonth}; --month ${month} is outside it`);
  }
  const ctx: Ctx = { conn, city, d: `date ${lit(`${month}-01`)}`, year: Number(month.slice(0, 4)), tables };
  const asOfDate = tables.has('stg_settlement')
    ? str((await rows(conn, `select strftime(max(settled_date), '%Y-%m-%d') as d from stg_settlement where city = ${lit(city)}`))[0]?.d)
    : null;
  const status = monthStatus(month, asOfDate ? asOfDate.slice(0, 7) : c.lastMonth);

  const fund = await fundSection(ctx);
  const balance = await balanceSection(ctx);
  const participants = await participantsSection(ctx);
  const assessments = await assessmentSection(ctx);
  const beneficiaries = await beneficiariesSection(ctx);
  const audit = await auditSection(ctx);
  const summary = summarySection({ fund, balance, participants, assessments, audit });
  const notes = await notesSection(ctx, { month, lastMonth: c.lastMonth, status, asOfDate });
  return {
    city,
    cityName: c.cityName,
    month,
    monthLabel: monthLabel(month),
    year: ctx.year,
    status,
    lastMonth: c.lastMonth,
    asOfDate,
    publisher: publisher(),
    sections: [summary, participants, assessments, beneficiaries, fund, balance, audit, notes],
  };
}

// ---------- 基金收支 ----------

const CHANGE_COLUMNS: Column[] = [
  { key: 'item', label: '项目', kind: 'text' },
  { key: 'current', label: '本月（元）', kind: 'money' },
  { key: 'prev_month', label: '上月（元）', kind: 'money' },
  { key: 'mom_pct', label: '环比', kind: 'change' },
  { key: 'prev_year', label: '上年同月（元）', kind: 'money' },
  { key: 'yoy_pct', label: '同比', kind: 'change' },
  { key: 'ytd', label: '本年累计（元）', kind: 'money' },
  { key: 'ytd_prev_year', label: '上年同期累计（元）', kind: 'money' },
  { key: 'ytd_yoy_pct', label: '累计同比', kind: 'change' },
];

async function schemesOf(ctx: Ctx): Promise<string[]> {
  const r = await rows(ctx.conn, `
    select distinct scheme from mart_fund_monthly
    where city = ${lit(ctx.city)}
        and (scheme <> 'unassigned' or income_total <> 0 or expenditure_total <> 0)`);
  const order = SCHEME_ORDER;
  return r.map((x) => String(x.scheme)).sort((a, b) => order.indexOf(a) - order.indexOf(b));
}

async function fundItemTable(ctx: Ctx, scheme: string): Promise<Table> {
  const items = FUND_ITEMS.map(([k]) => k);
  const r = await rows(ctx.conn, `
    with monthly as (
        select month, ${items.join(', ')}
        from mart_fund_monthly
        where city = ${lit(ctx.city)} and scheme = ${lit(scheme)}
    ),
    long as (
        unpivot monthly on ${items.join(', ')} into name item value amount
    ),
    periods as (
        select
            item,
            sum(amount) filter (where month = ${ctx.d}) as current,
            sum(amount) filter (where month = ${ctx.d} - interval 1 month) as prev_month,
            sum(amount) filter (where month = ${ctx.d} - interval 12 month) as prev_year,
            sum(amount) filter (where month between date_trunc('year', ${ctx.d}) and ${ctx.d}) as ytd,
            sum(amount) filter (
                where month between date_trunc('year', ${ctx.d}) - interval 12 month and ${ctx.d} - interval 12 month
            ) as ytd_prev_year,
        from long
        group by item
    ),
    final as (
        select
            item,
            current::decimal(18, 2) as current,
            prev_month::decimal(18, 2) as prev_month,
            case when prev_month <> 0 then round((current - prev_month) / abs(prev_month), 4) end as mom_pct,
            prev_year::decimal(18, 2) as prev_year,
            case when prev_year <> 0 then round((current - prev_year) / abs(prev_year), 4) end as yoy_pct,
            ytd::decimal(18, 2) as ytd,
            ytd_prev_year::decimal(18, 2) as ytd_prev_year,
            case when ytd_prev_year <> 0 then round((ytd - ytd_prev_year) / abs(ytd_prev_year), 4) end as ytd_yoy_pct,
        from periods
    )
    select * from final`);
  const byItem = new Map(r.map((x) => [String(x.item), x]));
  const out: Row[] = FUND_ITEMS.map(([key, label]) => {
    const x = byItem.get(key) ?? {};
    return {
      item: label,
      current: str(x.current), prev_month: str(x.prev_month), mom_pct: num(x.mom_pct),
      prev_year: str(x.prev_year), yoy_pct: num(x.yoy_pct),
      ytd: str(x.ytd), ytd_prev_year: str(x.ytd_prev_year), ytd_yoy_pct: num(x.ytd_yoy_pct),
    };
  });
  return {
    id: `fund-${scheme}`,
    title: `基金收支明细（${SCHEMES[scheme] ?? scheme}）`,
    columns: CHANGE_COLUMNS,
    rows: out,
    totalRows: [5, 10, 11],
    note: '收付实现制：缴费按缴费日期、待遇按结算日期、台账按记账日期计入当月。环比、同比为增减幅度；上期为零或无数据时不计算。',
  };
}

async function fundSection(ctx: Ctx): Promise<Section> {
  // A city with one scheme (or one account for both) gets the `all` table only: a scheme table would repeat it.
  const schemes = await schemesOf(ctx);
  const parts = schemes.filter((s) => s !== 'all');
  const shown = parts.length >= 2 ? schemes : schemes.filter((s) => s === 'all');
  const tables: Table[] = [];
  for (const s of shown) tables.push(await fundItemTable(ctx, s));
  return { id: 'fund', title: '基金收支', tables };
}

// ---------- 结余与可支付月数 ----------

async function balanceSection(ctx: Ctx): Promise<Section> {
  const cols = await tableColumns(ctx.conn, 'mart_fund_monthly');
  const has12m = cols.has('months_payable_12m') && cols.has('surplus_status_12m');
  const hasBands = ctx.tables.has('cfg_surplus_band');
  const hasAnnual = ctx.tables.has('mart_fund_annual');
  const r = await rows(ctx.conn, `
    with monthly as (
        select * from mart_fund_monthly where city = ${lit(ctx.city)}
    ),
    current as (
        select * from monthly where month = ${ctx.d}
    ),
    ${hasAnnual ? `annual as (
        select * from mart_fund_annual where city = ${lit(ctx.city)} and year = ${ctx.year - 1}
    ),` : ''}
    final as (
        select
            current.scheme,
            current.cumulative_balance,
            year_ago.cumulative_balance as balance_prev_year,
            case when year_ago.cumulative_balance <> 0
                then round((current.cumulative_balance - year_ago.cumulative_balance) / abs(year_ago.cumulative_balance), 4)
            end as balance_yoy_pct,
            ${has12m ? 'current.expenditure_12m, current.months_payable_12m, current.surplus_status_12m' : 'null as expenditure_12m, null as months_payable_12m, null as surplus_status_12m'},
            ${hasAnnual
                ? `annual.balance_end as balance_end_prev, annual.months_payable as months_payable_prev, annual.surplus_status as surplus_status_prev,
            annual.year_complete as year_complete_prev, strftime(annual.first_month, '%Y-%m-%d') as first_month_prev, strftime(annual.last_month, '%Y-%m-%d') as last_month_prev`
                : 'null as balance_end_prev, null as months_payable_prev, null as surplus_status_prev, null as year_complete_prev, null as first_month_prev, null as last_month_prev'},
        from current
        left join monthly as year_ago
            on year_ago.scheme = current.scheme
            and year_ago.month = current.month - interval 12 month
        ${hasAnnual ? 'left join annual on annual.scheme = current.scheme' : ''}
    )
    select * from final`);
  const labels = hasBands
    ? new Map((await rows(ctx.conn, `select status, label_zh from cfg_surplus_band`)).map((x) => [String(x.status), String(x.label_zh)]))
    : new Map<string, string>();
  const bandNote = hasBands ? await bandsNote(ctx) : null;
  const schemes = await schemesOf(ctx);
  const byScheme = new Map(r.map((x) => [String(x.scheme), x]));
  const statusLabel = (s: unknown) => (s === null || s === undefined ? null : labels.get(String(s)) ?? String(s));
  // As on the site (src/components/payable.ts): an overdrawn fund has no months payable, it reads
  // "—（已穿底）"; a part year is labelled with its months and its months payable is provisional.
  const payable = (months: unknown, balance: unknown, status: unknown): Row => (
    status === 'overdrawn' || (balance !== null && balance !== undefined && Number(balance) < 0)
      ? { v: OVERDRAWN_TEXT, k: 'text' }
      : { v: str(months), k: 'number' });
  const out: Row[] = schemes.filter((s) => byScheme.has(s)).map((s) => {
    const x = byScheme.get(s)!;
    const now = payable(x.months_payable_12m, x.cumulative_balance, x.surplus_status_12m);
    const prev = payable(x.months_payable_prev, x.balance_end_prev, x.surplus_status_prev);
    return {
      scheme: SCHEMES[s] ?? s,
      cumulative_balance: str(x.cumulative_balance),
      balance_prev_year: str(x.balance_prev_year),
      balance_yoy_pct: num(x.balance_yoy_pct),
      expenditure_12m: str(x.expenditure_12m),
      months_payable_12m: now.v, months_payable_12m__kind: now.k,
      surplus_status_12m: statusLabel(x.surplus_status_12m),
      balance_end_prev: str(x.balance_end_prev),
      months_payable_prev: prev.v, months_payable_prev__kind: prev.k,
      surplus_status_prev: statusLabel(x.surplus_status_prev),
    };
  });
  const prevRow = byScheme.get('all') ?? r[0];
  const prevYear = yearLabel({
    year: ctx.year - 1,
    year_complete: prevRow?.year_complete_prev === false ? false : null,
    first_month: str(prevRow?.first_month_prev),
    last_month: str(prevRow?.last_month_prev),
  });
  const prevPart = prevRow?.year_complete_prev === false;
  return {
    id: 'balance',
    title: '结余与可支付月数',
    notes: [
      '可支付月数 = 月末累计结余 ÷ 近12个月月均基金支出（不足12个月的按已有月份平均）；上年末可支付月数 = 上年末累计结余 ÷（上年基金支出 ÷ 12）。累计结余为负的基金已穿底，不计算可支付月数。',
      ...(prevPart ? [`${prevYear}数据未满12个月，其可支付月数仍按全年支出 ÷ 12 计算，为暂估。`] : []),
      ...(bandNote ? [bandNote] : []),
    ],
    tables: [{
      id: 'balance',
      title: '累计结余、可支付月数与结余状态',
      columns: [
        { key: 'scheme', label: '险种', kind: 'text' },
        { key: 'cumulative_balance', label: '月末累计结余（元）', kind: 'money' },
        { key: 'balance_prev_year', label: '上年同月末（元）', kind: 'money' },
        { key: 'balance_yoy_pct', label: '同比', kind: 'change' },
        { key: 'expenditure_12m', label: '近12个月支出（元）', kind: 'money' },
        { key: 'months_payable_12m', label: '可支付月数', kind: 'mixed' },
        { key: 'surplus_status_12m', label: '结余状态', kind: 'text' },
        { key: 'balance_end_prev', label: `${prevYear}末累计结余（元）`, kind: 'money' },
        { key: 'months_payable_prev', label: `${prevYear}可支付月数${prevPart ? '（暂估）' : ''}`, kind: 'mixed' },
        { key: 'surplus_status_prev', label: `${prevYear}结余状态`, kind: 'text' },
      ],
      rows: out,
    }],
  };
}

async function bandsNote(ctx: Ctx): Promise<string> {
  const b = await rows(ctx.conn, `
    select status, label_zh, basis, min_value::varchar as min_value, max_value::varchar as max_value,
        min_inclusive, max_inclusive, strftime(as_of, '%Y-%m-%d') as as_of, source
    from cfg_surplus_band order by sort_order`);
  const parts = b.map((x) => `${x.label_zh}：${bandRule(x)}`);
  const first = b[0] ?? {};
  return `结余状态分档（M 为可支付月数，${first.as_of ? `${dayLabel(String(first.as_of))}设定` : '设定日期不详'}）：${parts.join('；')}。分档依据：${bandSourceZh(String(first.source ?? ''))}。`;
}

/** The bands' source in Chinese: config/thresholds.json `surplus_bands.source_zh` (the warehouse keeps only the English source). */
function bandSourceZh(source: string): string {
  const zh = (readThresholds().surplus_bands as { source_zh?: string }).source_zh;
  if (zh) return zh;
  throw new UserError(`config/thresholds.json has no "surplus_bands.source_zh": add the Chinese wording of "${source}" for the report`);
}

// ---------- 参保 ----------

async function participantsSection(ctx: Ctx): Promise<Section> {
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
  const order = ['employee', 'resident', 'unassigned', 'all'];
  r.sort((a, b) => order.indexOf(String(a.scheme)) - order.indexOf(String(b.scheme)));
  section.notes = [`参保人数为参保期覆盖当年任一日的人数（去重）；人均筹资为当年缴费年度各项筹资合计 ÷ 缴费人数。`];
  section.tables.push({
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
    rows: r.map((x) => ({
      scheme: SCHEMES[String(x.scheme)] ?? String(x.scheme),
      participants: num(x.participants),
      participants_prev: num(x.participants_prev),
      participants_yoy_pct: num(x.participants_yoy_pct),
      financing_per_capita: str(x.financing_per_capita),
      financing_per_capita_prev: str(x.financing_per_capita_prev),
    })),
    totalRows: r.flatMap((x, i) => (x.scheme === 'all' ? [i] : [])),
  });
  return section;
}

// ---------- 评估 ----------

async function assessmentSection(ctx: Ctx): Promise<Section> {
  const section: Section = { id: 'assessments', title: '失能评估', tables: [] };
  if (!ctx.tables.has('mart_assessment')) return missing(section, 'mart_assessment');
  const r = await rows(ctx.conn, `
    with assessments as (
        select * from mart_assessment where city = ${lit(ctx.city)}
    ),
    final as (
        select
            scheme,
            sum(applications) filter (where month = ${ctx.d})::bigint as applications,
            sum(concluded) filter (where month = ${ctx.d})::bigint as concluded,
            sum(approved) filter (where month = ${ctx.d})::bigint as approved,
            sum(applications) filter (where month between date_trunc('year', ${ctx.d}) and ${ctx.d})::bigint as applications_ytd,
            sum(concluded) filter (where month between date_trunc('year', ${ctx.d}) and ${ctx.d})::bigint as concluded_ytd,
            sum(approved) filter (where month between date_trunc('year', ${ctx.d}) and ${ctx.d})::bigint as approved_ytd,
            any_value(median_days_to_conclusion) filter (where month = ${ctx.d}) as median_days,
            any_value(reviews_overdue) filter (where month = ${ctx.d})::bigint as reviews_overdue,
        from assessments
        group by scheme
    )
    select
        *,
        case when concluded > 0 then round(approved / concluded, 4) end as approval_rate,
        case when concluded_ytd > 0 then round(approved_ytd / concluded_ytd, 4) end as approval_rate_ytd,
    from final`);
  const order = ['employee', 'resident', 'unassigned', 'all'];
  r.sort((a, b) => order.indexOf(String(a.scheme)) - order.indexOf(String(b.scheme)));
  section.notes = ['申请按申请日期、结论与通过按结论日期计入当月；通过率 = 通过 ÷ 已出结论。'];
  section.tables.push({
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
    rows: r.map((x) => ({
      scheme: SCHEMES[String(x.scheme)] ?? String(x.scheme),
      applications: num(x.applications), concluded: num(x.concluded), approved: num(x.approved),
      approval_rate: num(x.approval_rate),
      applications_ytd: num(x.applications_ytd), concluded_ytd: num(x.concluded_ytd), approved_ytd: num(x.approved_ytd),
      approval_rate_ytd: num(x.approval_rate_ytd),
      median_days: str(x.median_days), reviews_overdue: num(x.reviews_overdue),
    })),
    totalRows: r.flatMap((x, i) => (x.scheme === 'all' ? [i] : [])),
  });
  return section;
}

// ---------- 待遇享受 ----------

async function beneficiariesSection(ctx: Ctx): Promise<Section> {
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
  section.notes!.push(`按服务月份归属年度统计${ctx.year}年已结算的护理费用（含冲销）；待遇享受人数为有非冲销结算的人数（去重），同一人可享受多种服务，各服务类型人数之和大于总人数。`);
  section.tables.push({
    id: 'service-types',
    title: `${ctx.year}年各服务类型待遇享受人数与费用`,
    columns: [
      { key: 'service_type', label: '服务类型', kind: 'text' },
      { key: 'beneficiaries', label: '享受人数', kind: 'count' },
      { key: 'person_days', label: '服务人天', kind: 'count' },
      { key: 'hours', label: '服务小时', kind: 'number' },
      { key: 'total_amt', label: '总费用（元）', kind: 'money' },
      { key: 'fund_amt', label: '基金支付（元）', kind: 'money' },
      { key: 'personal_amt', label: '个人负担（元）', kind: 'money' },
      { key: 'fund_share', label: '基金支付比例', kind: 'pct' },
      { key: 'fund_per_beneficiary_month', label: '人均月基金支付（元）', kind: 'money' },
    ],
    rows: r.map((x) => ({
      service_type: SERVICE_TYPES[String(x.service_type)] ?? String(x.service_type),
      beneficiaries: num(x.beneficiaries), person_days: num(x.person_days), hours: str(x.hours),
      total_amt: str(x.total_amt), fund_amt: str(x.fund_amt), personal_amt: str(x.personal_amt),
      fund_share: num(x.fund_share), fund_per_beneficiary_month: str(x.fund_per_beneficiary_month),
    })),
  });
  if (ctx.tables.has('mart_beneficiary_profile')) {
    const cols = await tableColumns(ctx.conn, 'mart_beneficiary_profile');
    const level = ['disability_level', 'level'].find((c) => cols.has(c));
    if (level && cols.has('beneficiaries') && cols.has('year')) {
      const lr = await rows(ctx.conn, `
        with profile as (
            select * from mart_beneficiary_profile
            where city = ${lit(ctx.city)}
                and year = ${ctx.year}
                ${cols.has('scheme') ? `and scheme = 'all'` : ''}
        )
        select
            coalesce(${level}::varchar, 'unknown') as level,
            sum(beneficiaries)::bigint as beneficiaries,
        from profile
        group by all
        order by level`);
      section.tables.push({
        id: 'levels',
        title: `${ctx.year}年待遇享受人数（按失能等级）`,
        columns: [
          { key: 'level', label: '失能等级', kind: 'text' },
          { key: 'beneficiaries', label: '享受人数', kind: 'count' },
        ],
        rows: lr.map((x) => ({ level: levelLabel(String(x.level)), beneficiaries: num(x.beneficiaries) })),
        note: '失能等级为年内最后一个服务月月末前最近一次评估的等级；“未评估”为结算时无评估记录的人数（监管规则另行核查）。',
      });
    }
  }
  return section;
}

// ---------- 基金监管 ----------

async function auditSection(ctx: Ctx): Promise<Section> {
  const section: Section = { id: 'audit', title: '基金监管', tables: [] };
  if (!ctx.tables.has('mart_audit_settlements')) return missing(section, 'mart_audit_settlements');
  // One row per flagged settlement (mart_audit_settlements), counted by the month it was paid: the
  // site's 疑点金额 is the same column summed the same way. Money by the primary rule only.
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
  section.tables.push({
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
  });
  section.tables.push({
    id: 'audit-rules',
    title: '监管发现（按主要规则）',
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

// ---------- 概要 ----------

function cell(section: Section, tableId: string, rowMatch: (r: Row) => boolean, key: string): string | number | null {
  const t = section.tables.find((x) => x.id === tableId);
  const r = t?.rows.find(rowMatch);
  return r ? r[key] ?? null : null;
}

function summarySection(s: { fund: Section; balance: Section; participants: Section; assessments: Section; audit: Section }): Section {
  const all = SCHEMES.all;
  const fundAll = (item: string, key: string) => cell(s.fund, 'fund-all', (r) => r.item === item, key);
  const rowsOut: Row[] = [
    { item: '本月基金收入（元）', value: fundAll('基金收入合计', 'current'), value__kind: 'money' },
    { item: '本月基金支出（元）', value: fundAll('基金支出合计', 'current'), value__kind: 'money' },
    { item: '本月当期结余（元）', value: fundAll('当期结余', 'current'), value__kind: 'money' },
    { item: '本年累计基金收入（元）', value: fundAll('基金收入合计', 'ytd'), value__kind: 'money' },
    { item: '本年累计基金支出（元）', value: fundAll('基金支出合计', 'ytd'), value__kind: 'money' },
    { item: '月末累计结余（元）', value: cell(s.balance, 'balance', (r) => r.scheme === all, 'cumulative_balance'), value__kind: 'money' },
    {
      item: '可支付月数',
      value: cell(s.balance, 'balance', (r) => r.scheme === all, 'months_payable_12m'),
      value__kind: cell(s.balance, 'balance', (r) => r.scheme === all, 'months_payable_12m__kind') ?? 'number',
    },
    { item: '结余状态', value: cell(s.balance, 'balance', (r) => r.scheme === all, 'surplus_status_12m'), value__kind: 'text' },
    { item: '本年参保人数', value: cell(s.participants, 'participants', (r) => r.scheme === all, 'participants'), value__kind: 'count' },
    { item: '本月评估申请（人次）', value: cell(s.assessments, 'assessments', (r) => r.scheme === all, 'applications'), value__kind: 'count' },
    { item: '本月评估通过（人次）', value: cell(s.assessments, 'assessments', (r) => r.scheme === all, 'approved'), value__kind: 'count' },
  ];
  const audit = s.audit.tables.find((t) => t.id === 'audit-rules');
  if (audit) rowsOut.push({ item: '本月监管发现问题规则数', value: audit.rows.filter((r) => Number(r.settlements) > 0).length, value__kind: 'count' });
  return {
    id: 'summary',
    title: '概要',
    tables: [{
      id: 'key-figures',
      title: '主要指标',
      columns: [
        { key: 'item', label: '指标', kind: 'text' },
        { key: 'value', label: '数值', kind: 'mixed' },
      ],
      rows: rowsOut,
    }],
  };
}

// ---------- 数据说明 ----------

async function notesSection(ctx: Ctx, n: { month: string; lastMonth: string; status: MonthStatus; asOfDate: string | null }): Promise<Section> {
  const loads = ctx.tables.has('load_report')
    ? await rows(ctx.conn, `select count(distinct load_id) as loads, strftime(max(loaded_at), '%Y-%m-%d') as last_load from load_report`)
    : [];
  const asOf = n.asOfDate ? `最近结算日期 ${n.asOfDate}` : `最新月份 ${monthLabel(n.lastMonth)}`;
  const statusText = n.status === 'provisional'
    ? `${MONTH_STATUS.provisional}：本月在该市最近结算月份之前 ${SETTLEMENT_LAG_MONTHS} 个月以内或之后（${asOf}）。结算通常在服务月后 ${SETTLEMENT_LAG_MONTHS} 个月内报送，后续数据可能补报本月及以前服务月份的结算，数字会变动。`
    : `${MONTH_STATUS.final}：该市数据已包含本月之后 ${SETTLEMENT_LAG_MONTHS} 个月以上的结算（${asOf}），本月数字不再因补报而变动（更正数据除外）。`;
  const rowsOut: Row[] = [
    { item: '报告月份', value: monthLabel(n.month) },
    { item: '数据状态', value: MONTH_STATUS[n.status] },
    { item: '数据截至（最近结算日期）', value: n.asOfDate ?? '—' },
    { item: '该市数据最新月份', value: monthLabel(n.lastMonth) },
    ...(loads[0] ? [{ item: '最近一次导入', value: str(loads[0].last_load) ?? '—' }] : []),
  ];
  return {
    id: 'notes',
    title: '数据说明',
    notes: [
      statusText,
      '口径：基金收支为收付实现制；金额单位为元，保留两位小数；合计由数据仓库按分项求和，未经四舍五入调整。',
      '来源：医保部门参保缴费、失能评估、定点机构、护理费用结算和基金台账数据，经长护险基金数据仓库（ltci）校验、入库和建模后生成。',
    ],
    tables: [{
      id: 'data-notes',
      title: '数据时点',
      columns: [
        { key: 'item', label: '项目', kind: 'text' },
        { key: 'value', label: '内容', kind: 'text' },
      ],
      rows: rowsOut,
    }],
  };
}

function missing(section: Section, table: string): Section {
  section.notes = [...(section.notes ?? []), `（本节数据未生成：数据仓库中没有 ${table}，请运行 ltci build。）`];
  return section;
}
