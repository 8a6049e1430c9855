// The extract kinds of contract v1 (six, and two optional ones the audit uses), as data. docs/extracts.md is generated from the same facts.
import type { Column, DateBounds, HeaderAlias, Kind } from './types.ts';

/** A field name of the national platform (医疗保障信息平台, research: platform-fields.md), as a header alias. */
const P = (header: string, more: Omit<Exclude<HeaderAlias, string>, 'header' | 'platform'> = {}): HeaderAlias => ({ header, platform: true, ...more });

// Dates: implausible ones (0027-01-01, 9999-12-31 as a flow date) are rejected, never stored.
const LOAD_MARGIN = 2; // years after the load date; the demo's data runs a year ahead of today
/** Something that happened under a care scheme: not before the first scheme, not far after the load. */
const IN_SCHEME: DateBounds = { earliest: '2012-01-01', why: 'no LTCI scheme before Qingdao’s of 2012', yearsAfterLoad: LOAD_MARGIN };
/** The end of a validity period: open-ended ends such as 9999-12-31 are accepted. */
const ENDS: DateBounds = { earliest: '2012-01-01', why: 'no LTCI scheme before Qingdao’s of 2012' };

const SCHEME: Column = {
  name: 'scheme', zh: '险种', type: 'code', required: true,
  values: { employee: ['employee', '职工', '职工长护险', '1'], resident: ['resident', '居民', '城乡居民', '2'] },
  aliases: [P('insutype', { values: { '310': 'employee', '390': 'resident' }, note: '险种类型 310 职工基本医疗保险 → employee, 390 城乡居民基本医疗保险 → resident' })],
  unusable: [{
    values: ['410'], rule: 'scheme_from_ltc_insutype',
    message: '险种410（长期照护保险）不说明参保人是职工还是居民：请在文件中加一列 scheme（险种：职工/居民） / insutype 410 does not say the base scheme; add a scheme column',
  }],
};
const ADMDVS = (zh = '医保区划', aliases?: HeaderAlias[]): Column => ({ name: 'admdvs', zh, type: 'admdvs', required: true, rule: '6 digits', aliases });
const PLATFORM_ADMDVS = [P('insuplc_admdvs'), P('insu_admdvs')];
const PERSON: Column = { name: 'person_no', zh: '人员编号', type: 'text', required: true, aliases: [P('psn_no')], notResidentId: true };
const INSTITUTION_CODE = [P('fixmedins_code')];

export const enrolment: Kind = {
  name: 'enrolment', zh: '参保缴费', key: ['person_no', 'scheme', 'year'],
  columns: [
    PERSON,
    { name: 'cert_no', zh: '证件号码', type: 'cert', required: false, aliases: ['身份证号', '公民身份号码', P('certno')], rule: '18-character resident ID, GB 11643 checksum; stored as a keyed hash' },
    { name: 'gender', zh: '性别', type: 'code', required: true, values: { '1': ['1', '男', 'male', 'm'], '2': ['2', '女', 'female', 'f'] }, aliases: [P('gend')],
      unusable: [{ values: ['0', '9'], rule: 'gender_unknown', message: '性别为0（未知的性别）或9（未说明的性别）：需要1（男）或2（女） / gender unknown or not stated' }] },
    { name: 'birth_date', zh: '出生日期', type: 'date', required: true, aliases: [P('brdy')],
      dates: { earliest: '1890-01-01', why: 'no one alive was born earlier', yearsAfterLoad: LOAD_MARGIN } },
    ADMDVS('参保地医保区划', PLATFORM_ADMDVS),
    SCHEME,
    { name: 'year', zh: '缴费年度', type: 'int', required: true, min: 1990, max: 2100 },
    { name: 'coverage_start', zh: '待遇开始日期', type: 'date', required: true, dates: IN_SCHEME },
    { name: 'coverage_end', zh: '待遇终止日期', type: 'date', required: true, dates: ENDS },
    { name: 'individual_amt', zh: '个人缴费', type: 'money', required: true, min: 0 },
    { name: 'medical_fund_amt', zh: '医保基金划拨', type: 'money', required: true, min: 0 },
    { name: 'fiscal_amt', zh: '财政补助', type: 'money', required: true, min: 0 },
    { name: 'employer_amt', zh: '单位缴费', type: 'money', required: false, default: '0', min: 0 },
    { name: 'other_amt', zh: '其他来源', type: 'money', required: false, default: '0', min: 0, rule: 'lottery welfare fund, donations' },
    { name: 'assisted', zh: '困难资助', type: 'text', required: false, rule: 'category when a hardship subsidy paid the individual part' },
    { name: 'paid_date', zh: '缴费日期', type: 'date', required: false, dates: IN_SCHEME, rule: 'income is counted in this month; if empty, in the month of coverage_start' },
  ],
  checks: [
    { rule: 'birth_after_coverage', column: 'birth_date', sql: 'birth_date <= coverage_start', message: '出生日期晚于待遇开始日期' },
    { rule: 'coverage_end_before_start', column: 'coverage_end', sql: 'coverage_end >= coverage_start', message: '待遇终止日期早于待遇开始日期' },
  ],
};

export const assessment: Kind = {
  name: 'assessment', zh: '失能等级评估', key: ['assessment_id'],
  columns: [
    { name: 'assessment_id', zh: '评估编号', type: 'text', required: true },
    PERSON,
    ADMDVS(),
    { name: 'kind', zh: '评估类型', type: 'code', required: true, values: { initial: ['initial', '首次', '首次评估'], review: ['review', '复核'], reassessment: ['reassessment', '复评', '复评估'] } },
    { name: 'apply_date', zh: '申请日期', type: 'date', required: true, dates: IN_SCHEME },
    { name: 'conclusion_date', zh: '结论日期', type: 'date', required: true, dates: IN_SCHEME },
    { name: 'level', zh: '失能等级', type: 'int', required: true, min: 0, max: 5, rule: '0 基本正常 … 5 重度三级' },
    { name: 'disability_months', zh: '失能持续月数', type: 'int', required: true, min: 0, max: 1200 },
    { name: 'approved', zh: '评估结论', type: 'bool', required: true },
    { name: 'valid_until', zh: '有效期至', type: 'date', required: false, dates: ENDS, rule: 'next review due' },
    { name: 'fee_amt', zh: '评估费', type: 'money', required: false, default: '0', min: 0, rule: "paid by the fund where the city's policy says so" },
    { name: 'assessor_code', zh: '评估机构编号', type: 'text', required: false },
  ],
  checks: [
    { rule: 'conclusion_before_apply', column: 'conclusion_date', sql: 'conclusion_date >= apply_date', message: '结论日期早于申请日期' },
  ],
};

/** The platform's hospital level (hosp_lv 01 三级特等 … 10 一级丙等, 11 无等级) → grade 3 / 2 / 1; a leading zero may be lost. */
const HOSP_LV: Record<string, string | null> = Object.fromEntries(
  Array.from({ length: 11 }, (_, i) => i + 1).flatMap((n) => {
    const grade = n <= 4 ? '3' : n <= 7 ? '2' : n <= 10 ? '1' : null;
    return [[String(n).padStart(2, '0'), grade], [String(n), grade]];
  }),
);
/** Designation for medical insurance may predate care insurance by decades. */
const DESIGNATED: DateBounds = { earliest: '1990-01-01', why: 'before any medical-insurance designation', yearsAfterLoad: LOAD_MARGIN };

export const institution: Kind = {
  name: 'institution', zh: '定点护理机构', key: ['institution_code'],
  columns: [
    { name: 'institution_code', zh: '机构编号', type: 'text', required: true, aliases: INSTITUTION_CODE },
    { name: 'name', zh: '机构名称', type: 'text', required: true, aliases: [P('fixmedins_name')] },
    ADMDVS(),
    { name: 'category', zh: '机构类别', type: 'code', required: true, values: {
      medical: ['medical', '医疗机构'], elderly_care: ['elderly_care', '养老机构'], medical_elderly: ['medical_elderly', '医养结合机构'],
      community: ['community', '社区服务机构', '社区'], home_care: ['home_care', '居家护理服务机构', '居家'], disability_care: ['disability_care', '残疾人托养机构'],
    } },
    { name: 'grade', zh: '医院等级', type: 'int', required: false, min: 1, max: 3, rule: 'hospitals only', aliases: [P('hosp_lv', { values: HOSP_LV, note: '医院等级 01–04 三级 → 3, 05–07 二级 → 2, 08–10 一级 → 1, 11 无等级 → empty' })] },
    { name: 'designated_from', zh: '定点开始日期', type: 'date', required: true, dates: DESIGNATED },
    { name: 'designated_to', zh: '定点终止日期', type: 'date', required: false, dates: { ...DESIGNATED, yearsAfterLoad: undefined }, rule: 'open-ended when empty' },
    { name: 'beds', zh: '护理床位数', type: 'int', required: false, min: 0 },
  ],
  checks: [
    { rule: 'designated_to_before_from', column: 'designated_to', sql: 'designated_to is null or designated_to >= designated_from', message: '定点终止日期早于定点开始日期' },
  ],
};

export const SERVICE_TYPES: Record<string, string> = {
  inst_medical: '医疗机构护理床位',
  inst_elderly: '养老机构护理床位',
  community_day: '社区日间照护',
  home_visit: '居家上门护理',
  home_family: '亲情护理',
  medical_special: '医疗专护',
  inst_medical_nursing: '机构医疗护理',
  home_medical_nursing: '居家医疗护理',
  assistive_rental: '辅助器具租赁',
};

/** Other spellings of a service type seen in the contract's own table. */
const SERVICE_TYPE_ALIASES: Record<string, string[]> = { home_family: ['居家家属护理补助', '亲情护理 (居家家属护理补助)'] };

export const settlement: Kind = {
  name: 'settlement', zh: '护理费用结算', key: ['settlement_id'],
  columns: [
    { name: 'settlement_id', zh: '结算编号', type: 'text', required: true, aliases: [P('setl_id')] },
    PERSON,
    ADMDVS('医保区划', PLATFORM_ADMDVS),
    { name: 'institution_code', zh: '机构编号', type: 'text', required: false, rule: 'empty only for home_family', aliases: INSTITUTION_CODE },
    { name: 'service_type', zh: '服务类型', type: 'code', required: true,
      values: Object.fromEntries(Object.entries(SERVICE_TYPES).map(([code, zh]) => [code, [code, zh, ...(SERVICE_TYPE_ALIASES[code] ?? [])]])) },
    { name: 'service_month', zh: '服务月份', type: 'month', required: true, dates: IN_SCHEME },
    { name: 'service_days', zh: '服务天数', type: 'int', required: false, min: 0, rule: 'at most the days of service_month' },
    { name: 'service_hours', zh: '服务小时', type: 'decimal', required: false, min: 0 },
    { name: 'visits', zh: '服务次数', type: 'int', required: false, min: 0 },
    { name: 'total_amt', zh: '总费用', type: 'money', required: true, min: 0, rule: 'everything billed, including bed and meals', aliases: [P('medfee_sumamt')] },
    { name: 'eligible_amt', zh: '符合范围费用', type: 'money', required: true, min: 0 },
    { name: 'fund_amt', zh: '基金支付', type: 'money', required: true, min: 0, aliases: [P('fund_pay_sumamt')] },
    { name: 'personal_amt', zh: '个人负担', type: 'money', required: true, min: 0, aliases: [P('psn_part_amt'), P('psn_pay')] },
    { name: 'settled_date', zh: '结算日期', type: 'date', required: true, rule: 'expenditure is counted in this month', dates: IN_SCHEME,
      aliases: [P('setl_time', { dateOf: 'timestamp', note: '结算时间, a timestamp: its date' })] },
    { name: 'reversal_of', zh: '冲销原结算编号', type: 'text', required: false, aliases: [P('init_setl_id')], rule: 'set on a reversal row; its amounts are the negatives of the original' },
  ],
  checks: [
    { rule: 'eligible_above_total', column: 'eligible_amt', sql: 'abs(eligible_amt) <= abs(total_amt)', message: '符合范围费用大于总费用' },
    { rule: 'fund_above_eligible', column: 'fund_amt', sql: 'abs(fund_amt) <= abs(eligible_amt)', message: '基金支付大于符合范围费用' },
    { rule: 'personal_not_total_minus_fund', column: 'personal_amt', sql: 'personal_amt = total_amt - fund_amt', message: '个人负担不等于总费用减基金支付' },
    { rule: 'institution_required', column: 'institution_code', sql: "institution_code is not null or service_type = 'home_family'", message: '除亲情护理外必须填写机构编号' },
    { rule: 'reversal_of_self', column: 'reversal_of', sql: 'reversal_of is null or reversal_of <> settlement_id', message: '冲销原结算编号不能是本结算自身' },
    { rule: 'service_days_above_month', column: 'service_days', sql: 'service_days is null or service_days <= day(last_day(service_month))', message: '服务天数超过服务月份的天数' },
    ...(['total_amt', 'eligible_amt', 'fund_amt', 'personal_amt'] as const).map((column) => ({
      rule: 'reversal_amount_positive', column, sql: `reversal_of is null or ${column} <= 0`,
      message: '冲销行的金额必须小于或等于0 (a reversal carries the negatives of the original)',
    })),
  ],
};

export const visit: Kind = {
  name: 'visit', zh: '居家上门服务记录', key: ['visit_id'], optional: true,
  columns: [
    { name: 'visit_id', zh: '服务记录编号', type: 'text', required: true },
    PERSON,
    { name: 'institution_code', zh: '机构编号', type: 'text', required: true, aliases: INSTITUTION_CODE },
    { name: 'check_in', zh: '签到时间', type: 'timestamp', required: true, dates: IN_SCHEME },
    { name: 'check_out', zh: '签退时间', type: 'timestamp', required: true, dates: IN_SCHEME },
    { name: 'caregiver_code', zh: '护理员编号', type: 'text', required: false },
  ],
  checks: [
    { rule: 'check_out_not_after_check_in', column: 'check_out', sql: 'check_out > check_in', message: '签退时间不晚于签到时间' },
  ],
};

// opening_balance (期初结余 / 上年结转): the fund's balance carried in, dated the day before the first
// month it opens; neither income nor expense (docs/marts.md, "Opening balance"). It may be 0 or negative.
export const LEDGER_CATEGORIES: Record<string, { zh: string; direction: 'income' | 'expense' | 'balance' }> = {
  lottery_fund: { zh: '福彩公益金', direction: 'income' },
  donation: { zh: '社会捐助', direction: 'income' },
  interest: { zh: '利息收入', direction: 'income' },
  other_income: { zh: '其他收入', direction: 'income' },
  operator_fee: { zh: '经办服务费', direction: 'expense' },
  other_expense: { zh: '其他支出', direction: 'expense' },
  opening_balance: { zh: '期初结余（上年结转）', direction: 'balance' },
};

export const ledger: Kind = {
  name: 'ledger', zh: '基金台账', key: ['entry_id'], optional: true,
  columns: [
    { name: 'entry_id', zh: '凭证号', type: 'text', required: true },
    ADMDVS(),
    SCHEME,
    { name: 'entry_date', zh: '记账日期', type: 'date', required: true, dates: IN_SCHEME },
    { name: 'category', zh: '科目', type: 'code', required: true,
      values: Object.fromEntries(Object.entries(LEDGER_CATEGORIES).map(([code, c]) => [code, [code, c.zh]])) },
    // fund-level entries (a year's lottery grant, interest, a balance carried in) may pass 1亿元
    { name: 'amount', zh: '金额', type: 'money', required: true, rule: '> 0; an opening_balance may be 0 or negative', max: 9_999_999_999.99 },
  ],
  checks: [
    { rule: 'amount_not_positive', column: 'amount', sql: "amount > 0 or category = 'opening_balance'", message: '金额必须大于0（期初结余除外）' },
  ],
};

// Optional kinds that make clauses on double benefits checkable (docs/audit-rules.md): without them
// the audit lists those clauses as not checked. A delivery may omit them.

export const inpatient: Kind = {
  name: 'inpatient', zh: '住院记录', key: ['stay_id'], optional: true,
  columns: [
    { name: 'stay_id', zh: '住院编号', type: 'text', required: true },
    PERSON,
    ADMDVS('参保地医保区划', PLATFORM_ADMDVS),
    { name: 'admission_date', zh: '入院日期', type: 'date', required: true, dates: IN_SCHEME },
    { name: 'discharge_date', zh: '出院日期', type: 'date', required: false, dates: IN_SCHEME, rule: 'empty while still in hospital; the days in hospital are admission_date to the day before discharge_date' },
    { name: 'hospital_code', zh: '医疗机构编号', type: 'text', required: false },
  ],
  checks: [
    { rule: 'discharge_before_admission', column: 'discharge_date', sql: 'discharge_date is null or discharge_date >= admission_date', message: '出院日期早于入院日期' },
  ],
};

/** A work-injury nursing allowance may have begun long before care insurance. */
const ALLOWANCE: DateBounds = { earliest: '1990-01-01', why: 'before any work-injury nursing allowance', yearsAfterLoad: LOAD_MARGIN };

export const work_injury: Kind = {
  name: 'work_injury', zh: '工伤保险生活护理费', key: ['record_id'], optional: true,
  columns: [
    { name: 'record_id', zh: '待遇记录编号', type: 'text', required: true },
    PERSON,
    ADMDVS('参保地医保区划', PLATFORM_ADMDVS),
    { name: 'allowance_from', zh: '享受开始日期', type: 'date', required: true, dates: ALLOWANCE },
    { name: 'allowance_to', zh: '享受终止日期', type: 'date', required: false, dates: { ...ALLOWANCE, yearsAfterLoad: undefined }, rule: 'open-ended when empty; both days included' },
  ],
  checks: [
    { rule: 'allowance_to_before_from', column: 'allowance_to', sql: 'allowance_to is null or allowance_to >= allowance_from', message: '享受终止日期早于享受开始日期' },
  ],
};
