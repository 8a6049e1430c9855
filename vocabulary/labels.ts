// The Chinese words of the codes the marts and the policy catalog hold in English. An unknown code
// falls back to the code itself.
// Not here, because they are data elsewhere: service types and ledger categories
// (data-loaders/contract), surplus-status labels and colours (config/thresholds.json →
// cfg_surplus_band), city names (policy_scheme, national_pilot_city) and every policy number.

/** Schemes (mart *.scheme). */
export const SCHEMES: Record<string, string> = { all: '合计', employee: '职工', resident: '城乡居民', unassigned: '未分险种' };

/** A report month's status (docs/report.md): provisional while settlements may still arrive. */
export const MONTH_STATUS: Record<string, string> = { provisional: '初步数', final: '终结数' };

/** Display order of schemes: the total first. */
export const SCHEME_ORDER = ['all', 'employee', 'resident', 'unassigned'];

/**
 * Why a fund row has no surplus status (mart_fund_annual.status_note, mart_fund_monthly.status_note_12m);
 * `{n}` is config/thresholds.json's min_expenditure_months.
 */
export const STATUS_NOTES: Record<string, string> = {
  opening_balance_missing: '期初结余未提供',
  few_expenditure_months: '有支出的月份不足{n}个月，不判断',
  no_expenditure: '无基金支出，不判断',
  separate_accounts: '职工、居民分别建账，按险种判断',
};

/** A status note in words ("有支出的月份不足6个月，不判断"); '' for none. */
export function statusNoteText(note: string | null | undefined, minMonths: number | string = 6): string {
  if (!note) return '';
  return (STATUS_NOTES[note] ?? note).replace('{n}', String(minMonths));
}

/** 收不抵支: the period's income below its expenditure (mart_fund_annual.deficit), apart from the balance status. */
export const DEFICIT_TEXT = '当年收不抵支';
/** The same for a year the data covers in part. */
export const DEFICIT_PART_YEAR_TEXT = '本期收不抵支';

/** National pilot batches (mart_pilot_cities.batch). */
export const PILOT_BATCHES: Record<string, string> = { '2016': '2016年首批', key_province: '重点联系省份', '2020': '2020年扩大' };

/** Disability levels (national assessment standard, 0–5); `unknown` = no assessment on record. */
export const DISABILITY_LEVELS: Record<string, string> = {
  '0': '基本正常', '1': '轻度失能', '2': '中度失能', '3': '重度失能一级', '4': '重度失能二级', '5': '重度失能三级', unknown: '未评估',
};

/** "3级 重度失能一级"; "未评估" for `unknown`; the code itself if not a level. */
export function levelLabel(code: string | number | null | undefined): string {
  const c = code === null || code === undefined ? 'unknown' : String(code);
  if (c === 'unknown') return DISABILITY_LEVELS.unknown;
  return DISABILITY_LEVELS[c] ? `${c}级 ${DISABILITY_LEVELS[c]}` : c;
}

/** A hospital grade (institution.grade, 1–3): "二级"; null when none; any other value as "<value>级". */
export function gradeLabel(grade: string | number | null | undefined): string | null {
  if (grade === null || grade === undefined) return null;
  return `${['一', '二', '三'][Number(grade) - 1] ?? grade}级`;
}

/** Age bands of mart_beneficiary_profile: "unknown" = no birth date on record. */
export const AGE_BANDS: Record<string, string> = { unknown: '年龄不详' };

/** Service types counted as home and community care (居家和社区), for the home-and-community share. */
export const HOME_COMMUNITY_TYPES = ['home_visit', 'home_family', 'community_day', 'home_medical_nursing'];

/** Audit rules (mart_audit_findings.rule, docs/audit-rules.md). No policy number in the words: those differ by city. */
export const AUDIT_RULES: Record<string, string> = {
  not_enrolled: '服务月份无有效参保',
  policy_missing: '政策未录入',
  area_not_in_pilot: '参保地不在试点范围',
  no_approved_assessment: '无有效失能评估结论',
  disability_under_6_months: '失能持续不足规定月数',
  service_not_covered: '服务项目不在支付范围',
  category_mismatch: '机构类别与服务类型不符',
  duplicate: '同人同机构同月同服务重复结算',
  before_eligibility: '早于待遇享受开始时间',
  assessment_expired: '评估结论已过有效期',
  waiting_period: '断缴后等待期内',
  non_designated: '非定点或定点已终止的机构',
  inpatient_overlap: '住院期间重复享受待遇',
  work_injury_overlap: '领取工伤生活护理费期间重复享受',
  days_overlap: '同人同月床位天数超过当月天数',
  hours_unsupported: '结算时长超过上门签到记录',
  cap_exceeded: '超过月度支付限额',
  price_mismatch: '支付金额与政策标准不符',
};

/** mart_audit_settlements.price_basis: what the expected amount rests on. */
export const PRICE_BASES: Record<string, string> = {
  policy: '按政策标准核定',
  assumed: '按假设标准核定（政策未定标准，不计入疑点金额）',
  missing: '政策未录入（未核定金额）',
};

/**
 * What a surplus status means, in words around the band's own edges (cfg_surplus_band, months
 * payable): `min`/`max` are the band's lower and upper edge, null where open.
 */
export function surplusAdvice(status: string, { min, max }: { min: number | null; max: number | null }): string {
  switch (status) {
    case 'overdrawn': return '累计结余为负，基金已穿底，需立即补足并调整筹资或待遇';
    case 'insufficient': return `可支付不足${max}个月，存在支付风险，需关注收支平衡`;
    case 'low': return `可支付${min}至${max}个月，略低于合理区间`;
    case 'reasonable': return `可支付${min}至${max}个月，符合“略有结余”`;
    case 'high': return `可支付${min}至${max}个月，结余偏多，可研究提高待遇或扩大覆盖`;
    case 'excessive': return `可支付超过${min}个月，结余过多，资金使用效率偏低`;
    default: return '';
  }
}

/** A cfg_surplus_band row's interval in words, M = months payable: "3≤M<6", "M>15", "累计结余为负". */
export function bandRule(b: Record<string, unknown>): string {
  if (b.basis === 'balance') return '累计结余为负';
  const trim = (v: unknown) => String(Number(v));
  const lo = b.min_value === null || b.min_value === undefined ? '' : `${trim(b.min_value)}${b.min_inclusive ? '≤' : '<'}`;
  const hi = b.max_value === null || b.max_value === undefined ? '' : `${b.max_inclusive ? '≤' : '<'}${trim(b.max_value)}`;
  return `${lo}M${hi}`;
}

/** mart_reconciliation.check_name → 核对项 and what it checks. */
export const RECONCILIATION_CHECKS: Record<string, { label: string; detail: string }> = {
  'settlement fund_amt = expenditure_benefits': { label: '结算基金支付 = 待遇支出', detail: '原始结算表的基金支付合计（含冲销）与基金收支月表（合计险种）的待遇支出' },
  'settlement fund_amt = mart_service_type fund_amt': { label: '结算基金支付 = 服务类型基金支付', detail: '原始结算表的基金支付合计与服务类型表（合计险种）的基金支付' },
  'contributions + ledger income = income_total': { label: '缴费 + 台账收入 = 基金收入合计', detail: '参保缴费各项金额与台账收入类科目之和，与基金收支月表（合计险种）的收入合计' },
  'ledger operator_fee = expenditure_operator': { label: '台账经办服务费 = 经办服务费支出', detail: '基金台账“经办服务费”科目与基金收支月表的经办服务费支出' },
  'ledger other_expense = expenditure_other': { label: '台账其他支出 = 其他支出', detail: '基金台账“其他支出”科目与基金收支月表的其他支出' },
  'closing balances = opening balances + sum of net': { label: '期末累计结余 = 期初结余 + 各月当期结余', detail: '累计结余已知的城市：最后一个月的累计结余之和，与期初结余加上其后各月当期结余之和（合计险种）' },
  'opening balances delivered': { label: '提供的期初结余', detail: '基金台账“期初结余”科目的条目（应为）与采用、被更早一笔取代的条目之和（实际）' },
  'funds without an opening balance': { label: '未提供期初结余的基金', detail: '基金起始早于本仓库第一个收支月份、却没有期初结余的基金：累计结余未知，不判断结余状态' },
  'opening balances superseded by an earlier one': { label: '被更早期初结余取代的条目', detail: '同一基金日期较晚的期初结余不再采用（其间的收支已在提取文件中）' },
  "flows dated before their fund's opening balance": { label: '早于期初结余日期的收支', detail: '期初结余日期之前的收支行（如以前年度的评估费）已包含在期初结余中，不再计入累计结余' },
  'files where rows read <> loaded + rejected': { label: '读入行数 ≠ 入库 + 拒收的文件数', detail: '导入报告中每个文件都应满足：读入行数 = 入库行数 + 拒收行数' },
  'rows read = loaded + rejected (all files)': { label: '读入行数 = 入库 + 拒收（全部文件）', detail: '导入报告全部文件的读入行数合计与入库、拒收行数合计' },
  'assessment fees paid by the fund': { label: '评估费：评估文件合计与其中基金支付的部分', detail: '评估文件中的评估费合计（左）与计入基金支出的评估费（右）：只有政策规定由基金支付评估费的城市和险种才计入，两者不同是正常的，仅供参考' },
  'rows rejected at load': { label: '导入时拒收的行', detail: '拒收行的文件、行号和原因见下方“拒收行示例”' },
  'rows replaced by a later delivery': { label: '被后续提取更正替换的行', detail: '后一次提取中主键相同的行替换了先前的行' },
  'settlements without a covering enrolment': { label: '服务月份无有效参保的结算', detail: `非冲销结算中，人员在服务月份没有覆盖的参保记录（稽核规则“${AUDIT_RULES.not_enrolled}”）` },
  'settlements with an unknown institution': { label: '机构不在机构文件中的结算', detail: `结算的机构编号不在定点机构提取文件中（稽核规则“${AUDIT_RULES.non_designated}”）` },
  'settlements with scheme unassigned': { label: '无法确定险种的结算', detail: '人员无参保记录且城市同时有两个险种：只计入该市“合计”，不作为一个险种或基金' },
  'fund paid on settlements with scheme unassigned': { label: '无法确定险种的结算金额', detail: '上述结算的基金支付（含冲销），计入该市“合计”的待遇支出' },
  'settlements with scheme from a fallback rule': { label: '按替代规则确定险种的结算', detail: '险种取自时间最近的参保记录或城市唯一在施的险种（见方法说明）' },
  'reversals whose original is missing': { label: '找不到原结算的冲销', detail: '冲销行所指的原结算不在数据仓库中' },
};

/** Coded values of the projection's settings (config/scenarios.json, cfg_projection_assumption). */
export const PROJECTION_VALUES: Record<string, string> = {
  projected: '按生命表、退出率和新参保率逐年推移', held: '维持基年不变', '18 age bands': '18个年龄组',
};

/** mart_reconciliation.unit: what a check's figures count (yuan: money). */
export const RECONCILIATION_UNITS: Record<string, string> = { yuan: '元', row: '行', file: '个文件', entry: '条', fund: '个基金', settlement: '笔' };

/** mart_reconciliation.severity. */
export const SEVERITIES: Record<string, string> = { error: '必须通过', warn: '需关注', info: '提示' };

/** load_rejects.rule (data-loaders/ingest). */
export const REJECT_RULES: Record<string, string> = {
  required: '必填项为空', text: '文本格式错误', admdvs_format: '区划代码格式错误', bool_format: '是否值格式错误',
  cert_format: '证件号码格式错误', cert_checksum: '证件号码校验码错误', code_value: '不在代码表中',
  date_format: '日期格式错误', month_format: '月份格式错误', timestamp_format: '时间格式错误',
  decimal_format: '数值格式错误', int_format: '整数格式错误', money_format: '金额格式错误',
  negative_amount: '金额为负（非冲销行）', amount_not_positive: '金额应大于0', below_min: '低于最小值', above_max: '超过最大值',
  birth_after_coverage: '出生日期晚于参保开始', check_out_not_after_check_in: '签退不晚于签到',
  conclusion_before_apply: '结论日期早于申请日期', coverage_end_before_start: '待遇终止早于开始',
  designated_to_before_from: '定点终止早于开始', eligible_above_total: '符合范围费用超过总费用',
  fund_above_eligible: '基金支付超过符合范围费用', institution_required: '缺少机构编号',
  personal_not_total_minus_fund: '个人负担 ≠ 总费用 − 基金支付', reversal_amount_positive: '冲销金额应为负',
  reversal_of_self: '冲销指向自身',
  service_days_above_month: '服务天数超过当月天数', discharge_before_admission: '出院日期早于入院日期',
  allowance_to_before_from: '护理费终止早于开始',
};

/** Words of a policy parameter's dotted path (policy_source.param). */
export const POLICY_PARAM_WORDS: Record<string, string> = {
  area: '试点区域', city: '城市代码', city_name: '城市名称', province: '省份', scheme: '险种', admdvs: '区划代码',
  effective_from: '生效日期', effective_to: '终止日期', benefits_from: '待遇开始日期', fund_from: '基金（账户）起始日期', scheme_from: '本市制度起始年份',
  assessment_fee_from_fund: '评估费由基金支付', benefit_start_offset_days: '待遇开始间隔（天）',
  min_disability_months: '失能最短持续月数', min_level: '最低失能等级', operator_fee_ratio: '经办服务费比例',
  reassessment_months: '复评间隔（月）', single_account: '两险种共用基金账户', waiting_period_months: '断缴等待期（月）',
  fund_share_target: '基金支付比例目标',
  financing: '筹资', individual: '个人缴费', medical_fund: '医保基金划拨', fiscal: '财政补助', employer: '单位缴费', amount: '金额（元/人·年）',
  pilot_city: '国家试点城市', batch: '批次',
  provision: '条款', amounts: '待遇标准', assessments_from: '评估开始日期', assistive_rental: '辅助器具租赁', deductible: '起付线',
  channels: '筹资渠道', employer_individual_share: '单位与个人分担', hardship_subsidy: '困难人员补助', individual_from_personal_account: '个人缴费从个人账户划转',
  students: '学生', total_per_person_year: '人均筹资（元/年）', under_18: '未成年人', home_community_encouraged: '鼓励居家和社区服务',
  home_family: '亲情护理', paid_to: '支付对象', no_double_benefit: '不重复享受', medical_special: '医疗专护', work_injury: '工伤护理',
  not_paid: '不予支付', bed_meals_medical: '床位、伙食和医疗费用', non_designated: '非定点机构', operator_fee_from_fund: '经办服务费由基金支付',
  participants: '参保对象', pilot_city_count: '试点城市数', prices: '服务价格', residents_from: '城乡居民纳入时间', separate_account: '单独建账',
  service_types: '服务类型', surplus_rollover: '结余结转', service: '服务', method: '支付方式', rate: '定额标准（元）', ratio: '支付比例',
  hours_per_visit: '每次上门小时数', min_visits_per_month: '每月最少上门次数', monthly_cap: '月度支付限额（元）', hospital_grade: '医院等级',
  grade1: '一级', grade2: '二级', grade3: '三级',
  community_day: '社区日间照护', home_visit: '居家上门护理', inst_elderly: '养老机构护理床位', inst_medical: '医疗机构护理床位',
  inst_medical_nursing: '机构医疗护理', home_medical_nursing: '居家医疗护理',
  exclusion: '不予支付的期间', inpatient: '住院', institution_category: '机构类别可结算的服务',
  medical: '医疗机构', elderly_care: '养老机构', medical_elderly: '医养结合机构', community: '社区服务机构',
  home_care: '居家护理服务机构', disability_care: '残疾人托养机构',
};

/** Coded values of policy parameters. Free text stays as written in the source. */
export const POLICY_VALUES: Record<string, string> = {
  true: '是', false: '否', covered: '纳入支付', key_province: '重点联系省份', daily_rate: '按床日定额', hourly_rate: '按小时定额', ratio: '按比例支付',
  employee: '职工', resident: '城乡居民', none: '无', 'equal shares': '单位和个人同比例分担', 'set by later rules': '另行制定',
  'individual, government subsidy, medical fund transfer': '个人缴费、财政补助、医保基金划拨',
  'being explored; not yet paid': '探索中，暂不支付', 'individual part subsidised as for medical assistance': '个人缴费部分参照医疗救助对象予以资助',
  'covered; contribution set separately': '纳入，缴费标准另定', 'not separately financed': '不单独筹资', "insured's bank account": '参保人本人银行账户',
  'no inpatient or chronic-outpatient benefits while in 医疗专护': '医疗专护期间不享受住院和门诊慢特病待遇',
  'no benefit while receiving work-injury nursing allowance': '领取工伤护理费期间不享受',
  'bed, meals and medical costs not paid': '床位费、伙食费和医疗费用不予支付', 'costs at non-designated institutions not paid': '非定点机构发生的费用不予支付',
  'employee medical insurance participants first': '先从职工医保参保人员起步', '49 (14 new + 35 original)': '49个（新增14个 + 原有35个）',
  'by end of 2024 (policy set separately)': '2024年底前（政策另行制定）',
  'may bill': '可结算', 'all services': '全部服务', medical_special: '医疗专护',
};

/** A code's label from `map`, else the code itself. */
export function labelOf(map: Record<string, string>, code: string | null | undefined): string {
  if (code === null || code === undefined) return '';
  return map[code] ?? code;
}

/** 核对项: the Chinese name of a reconciliation check, else its code. */
export function checkLabel(code: string): string {
  return RECONCILIATION_CHECKS[code]?.label ?? code;
}

/** What a reconciliation check compares, in Chinese, else the mart's own detail. */
export function checkDetail(code: string, fallback: string | null = null): string {
  return RECONCILIATION_CHECKS[code]?.detail ?? fallback ?? '';
}

/**
 * For a reader (the internal 政策目录): `names` turns an area or city code (行政区划, 6 digits) into its
 * name, `zhDates` writes a date as 2024年1月1日. Without them the words are as before (public tables).
 */
export interface ParamWords { names?: Record<string, string>; zhDates?: boolean }

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const zhDate = (iso: string) => iso.replace(ISO_DATE, (_, y, m, d) => `${y}年${Number(m)}月${Number(d)}日`);

/**
 * A policy parameter's dotted path in Chinese, word by word: `service.home_visit.monthly_cap` →
 * 服务·居家上门护理·月度支付限额（元）; `financing.fiscal.2024-01-01.amount` → 筹资·财政补助·自2024-01-01·金额（元/人·年）.
 * Words already in Chinese (city names) stay; an unknown word stays as written. With `names`,
 * `area.320800` → 试点区域·淮安市（全市） and `city` → 城市; with `zhDates`, 自2024年1月1日.
 */
export function paramLabel(param: string, { names, zhDates = false }: ParamWords = {}): string {
  if (names && param === 'city') return '城市';
  if (POLICY_PARAM_WORDS[param]) return POLICY_PARAM_WORDS[param];
  return param
    .split('.')
    .map((w) => (POLICY_PARAM_WORDS[w] ?? (ISO_DATE.test(w) ? `自${zhDates ? zhDate(w) : w}` : /^\d{6}$/.test(w) && names?.[w] ? names[w] : /^\d+$/.test(w) && w.length < 4 ? `第${Number(w) + 1}项` : w)))
    .join('·');
}

/**
 * A policy parameter's value: coded values in Chinese, lists word by word, other text as written.
 * With `names`, an area code alone or before its name ("320800 淮安市（全市）") becomes the name; with
 * `zhDates`, a date becomes 2024年1月1日.
 */
export function paramValue(value: string | null | undefined, { names, zhDates = false }: ParamWords = {}): string {
  if (value === null || value === undefined) return '';
  if (POLICY_VALUES[value]) return POLICY_VALUES[value];
  if (/^[a-z_]+(, [a-z_]+)+$/.test(value)) return value.split(', ').map((w) => POLICY_PARAM_WORDS[w] ?? w).join('、');
  if (names) {
    const m = /^(\d{6})(?: (.+))?$/.exec(value);
    if (m && (m[2] || names[m[1]])) return m[2] ?? names[m[1]];
  }
  if (zhDates && ISO_DATE.test(value)) return zhDate(value);
  return value;
}
