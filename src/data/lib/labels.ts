// The site's display labels and colours where config/thresholds.json does not give them.
// Codes come from the extract contract (data-loaders/contract); only the words shown are here.
import { LEDGER_CATEGORIES, SERVICE_TYPES } from '../../../data-loaders/contract/index.ts';

export const SCHEMES: Record<string, string> = { all: '合计（两险种）', employee: '职工', resident: '城乡居民', unassigned: '未分险种' };

/** Surplus status (结余状态) in band order, with the colour the pages use for it. */
export const SURPLUS_STATUS: { code: string; label: string; color: string; advice: string }[] = [
  { code: 'overdrawn', label: '穿底', color: '#b2182b', advice: '累计结余为负，基金已穿底，需立即补足并调整筹资或待遇' },
  { code: 'insufficient', label: '结余不足', color: '#e4572e', advice: '可支付不足3个月，存在支付风险，需关注收支平衡' },
  { code: 'low', label: '结余偏低', color: '#efb118', advice: '可支付3至6个月，略低于合理区间' },
  { code: 'reasonable', label: '结余合理', color: '#3ca951', advice: '可支付6至9个月，符合“略有结余”' },
  { code: 'high', label: '结余偏高', color: '#6cc5b0', advice: '可支付9至15个月，结余偏多，可研究提高待遇或扩大覆盖' },
  { code: 'excessive', label: '结余过多', color: '#4269d0', advice: '可支付超过15个月，结余过多，资金使用效率偏低' },
];

/** Default bands (months payable) when neither config/thresholds.json nor cfg_surplus_band is there. */
export const DEFAULT_BANDS = { insufficient_below: 3, low_below: 6, reasonable_max: 9, high_max: 15 };

export const SERVICE_TYPE_LABELS: Record<string, string> = { ...SERVICE_TYPES };
export const HOME_COMMUNITY_TYPES = ['home_visit', 'home_family', 'community_day', 'home_medical_nursing'];

export const LEDGER_LABELS: Record<string, string> = Object.fromEntries(Object.entries(LEDGER_CATEGORIES).map(([k, v]) => [k, v.zh]));

export const DISABILITY_LEVELS: Record<string, string> = {
  '0': '基本正常', '1': '轻度失能', '2': '中度失能', '3': '重度一级', '4': '重度二级', '5': '重度三级',
};

/** Seed cities, used only when the policy catalog is not loaded. */
export const CITY_NAMES: Record<string, string> = {
  '320100': '南京市', '320700': '连云港市', '320800': '淮安市', '370800': '济宁市',
};

/** National guideline for the fund's share of eligible care costs (医保发〔2020〕37号: 70% 左右). */
export const FUND_SHARE_GUIDELINE_DEFAULT = 0.7;

/** Audit rules (mart_audit_findings.rule, docs/audit-rules.md) in Chinese. */
export const AUDIT_RULES: Record<string, string> = {
  not_enrolled: '未参保（当月无有效参保）',
  area_not_in_pilot: '参保地不在试点范围',
  no_approved_assessment: '无有效失能评估结论',
  before_eligibility: '早于待遇享受开始时间',
  disability_under_6_months: '失能持续不足6个月',
  assessment_expired: '评估结论已过有效期',
  waiting_period: '断缴后等待期内',
  non_designated: '非定点或定点已终止的机构',
  service_not_covered: '服务项目不在支付范围',
  duplicate: '同人同月同服务重复结算',
  hours_unsupported: '结算时长超过上门签到记录',
  cap_exceeded: '超过月度支付限额',
  price_mismatch: '支付金额与政策标准不符',
};
