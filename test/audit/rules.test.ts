// One case per audit rule, each from its seed clause and computed by hand here (docs/audit-rules.md).
// Every settlement is a different person unless the case is about two settlements of one person.
import { beforeAll, describe, expect, it } from 'vitest';
import { audit, assessment, enrolment, institution, rulesBySettlement, settlement, visits, type Audited, type Row } from './fixture.ts';

const LYG_AREA = '320703';
const JINING_AREA = '370811'; // 任城区, a pilot county
const HUAIAN_AREA = '320803';

/** A Lianyungang resident eligible from 2027: enrolled for 2027, approved 重度 assessment concluded 2027-01-10. */
function lygResident(p: string, over: { enrolment?: Row; assessment?: Row } = {}) {
  return {
    enrolment: [enrolment(p, LYG_AREA, 'resident', 2027, over.enrolment)],
    assessment: [assessment(`A-${p}`, p, LYG_AREA, '2027-01-10', over.assessment)],
  };
}

const cases: { enrolment: Row[]; assessment: Row[]; settlement: Row[]; visit: Row[]; institution: Row[] } = {
  enrolment: [], assessment: [], settlement: [], visit: [],
  institution: [
    institution('LYG-MED', LYG_AREA, 'medical'),
    institution('LYG-ELD', LYG_AREA, 'elderly_care'),
    institution('LYG-HOME', LYG_AREA, 'home_care'),
    institution('LYG-GONE', LYG_AREA, 'elderly_care', { designated_to: '2027-02-28' }),
    institution('JN-H2', JINING_AREA, 'medical', { grade: 2 }),
    institution('JN-H3', JINING_AREA, 'medical', { grade: 3 }),
    institution('JN-HOME', JINING_AREA, 'home_care'),
    institution('HA-HOME', HUAIAN_AREA, 'home_care'),
  ],
};
function add(part: { enrolment?: Row[]; assessment?: Row[]; settlement?: Row[]; visit?: Row[] }) {
  for (const k of ['enrolment', 'assessment', 'settlement', 'visit'] as const) cases[k].push(...(part[k] ?? []));
}
const days = (n: number, rate: number, fund = n * rate) => ({ service_days: n, total_amt: String(n * rate + 300), eligible_amt: String(n * rate), fund_amt: String(fund) });

// Clean: 31 days of 医疗机构护理床位 × 50 元/天 = 1,550.
add({ ...lygResident('P-CLEAN'), settlement: [settlement('S-CLEAN', 'P-CLEAN', LYG_AREA, 'LYG-MED', 'inst_medical', '2027-03', days(31, 50))] });
// cap_exceeded: 12 visits × 2 h × 30 元/小时 = 720 → 月度限额600元; the fund paid 720.
add({
  ...lygResident('P-CAP'),
  settlement: [settlement('S-CAP', 'P-CAP', LYG_AREA, 'LYG-HOME', 'home_visit', '2027-03', { visits: 12, service_hours: '24', total_amt: '720', eligible_amt: '720', fund_amt: '720' })],
  visit: visits('V-CAP', 'P-CAP', 'LYG-HOME', '2027-03', 12),
});
// price_mismatch: 30 days of 养老机构护理床位 × 40 = 1,200, the fund paid 1,500.
add({ ...lygResident('P-PRICE'), settlement: [settlement('S-PRICE', 'P-PRICE', LYG_AREA, 'LYG-ELD', 'inst_elderly', '2027-03', days(30, 40, 1500))] });
// 不足20小时的，根据当月实际服务时长结算: 8 visits × 2 h = 16 h × 30 = 480; paid 480 (clean) and, next month, 600 (mismatch).
add({
  ...lygResident('P-UNDER20'),
  settlement: [
    settlement('S-UNDER20-OK', 'P-UNDER20', LYG_AREA, 'LYG-HOME', 'home_visit', '2027-03', { visits: 8, service_hours: '16', total_amt: '480', eligible_amt: '480', fund_amt: '480' }),
    settlement('S-UNDER20-BAD', 'P-UNDER20', LYG_AREA, 'LYG-HOME', 'home_visit', '2027-04', { visits: 8, service_hours: '16', total_amt: '600', eligible_amt: '600', fund_amt: '600' }),
  ],
  visit: [...visits('V-U20-3', 'P-UNDER20', 'LYG-HOME', '2027-03', 8), ...visits('V-U20-4', 'P-UNDER20', 'LYG-HOME', '2027-04', 8)],
});
// hours_unsupported: 24 h settled (capped 600, correctly paid) but only 10 visits × 2 h = 20 h recorded.
add({
  ...lygResident('P-HOURS'),
  settlement: [settlement('S-HOURS', 'P-HOURS', LYG_AREA, 'LYG-HOME', 'home_visit', '2027-03', { visits: 12, service_hours: '24', total_amt: '720', eligible_amt: '720', fund_amt: '600' })],
  visit: visits('V-HOURS', 'P-HOURS', 'LYG-HOME', '2027-03', 10),
});
// not_enrolled: no enrolment at all (and no assessment, uncovered service): only not_enrolled.
add({ settlement: [settlement('S-NOENROL', 'P-NOENROL', LYG_AREA, 'LYG-MED', 'medical_special', '2027-03', { total_amt: '1000', eligible_amt: '1000', fund_amt: '700' })] });
// no_approved_assessment: 评估不通过; and an approved 中度 (level 2) assessment — 重度失能人员 only.
add({ ...lygResident('P-REFUSED', { assessment: { approved: false } }), settlement: [settlement('S-REFUSED', 'P-REFUSED', LYG_AREA, 'LYG-MED', 'inst_medical', '2027-03', days(31, 50))] });
add({ ...lygResident('P-MODERATE', { assessment: { level: 2 } }), settlement: [settlement('S-MODERATE', 'P-MODERATE', LYG_AREA, 'LYG-MED', 'inst_medical', '2027-03', days(31, 50))] });
// withdrawn: approved 2027-01-10, re-assessed not approved 2027-02-20 → March has no approved assessment.
add({
  ...lygResident('P-WITHDRAWN'),
  assessment: [...lygResident('P-WITHDRAWN').assessment, assessment('A-P-WITHDRAWN-2', 'P-WITHDRAWN', LYG_AREA, '2027-02-20', { kind: 'reassessment', approved: false, level: 1 })],
  settlement: [settlement('S-WITHDRAWN', 'P-WITHDRAWN', LYG_AREA, 'LYG-MED', 'inst_medical', '2027-03', days(31, 50))],
});
// disability_under_6_months: 失能状态持续6个月以上 — 4 months recorded.
add({ ...lygResident('P-SHORT', { assessment: { disability_months: 4 } }), settlement: [settlement('S-SHORT', 'P-SHORT', LYG_AREA, 'LYG-MED', 'inst_medical', '2027-03', days(31, 50))] });
// before_eligibility (policy): contributions from 2026-10, benefits from 2026-12-01 (“2026年12月1日起，…落地城乡居民
// 长期护理保险待遇”). Assessed 2026-10-20, so only the policy's date bars November 2026: no eligible day,
// expected 0, the 26 × 50 = 1,300 paid is all in excess.
add({
  enrolment: [enrolment('P-EARLY', LYG_AREA, 'resident', 2026, { coverage_start: '2026-10-01' })],
  assessment: [assessment('A-P-EARLY', 'P-EARLY', LYG_AREA, '2026-10-20')],
  settlement: [settlement('S-EARLY', 'P-EARLY', LYG_AREA, 'LYG-MED', 'inst_medical', '2026-11', days(26, 50))],
});
// before_eligibility (assessment): concluded 2027-03-31 → benefits from the day after, 2027-04-01.
add({ ...lygResident('P-LASTDAY', { assessment: { conclusion_date: '2027-03-31', apply_date: '2027-03-01' } }), settlement: [settlement('S-LASTDAY', 'P-LASTDAY', LYG_AREA, 'LYG-MED', 'inst_medical', '2027-03', days(31, 50))] });
// assessment_expired: valid_until 2027-05-31, care in June.
add({ ...lygResident('P-EXPIRED', { assessment: { valid_until: '2027-05-31' } }), settlement: [settlement('S-EXPIRED', 'P-EXPIRED', LYG_AREA, 'LYG-MED', 'inst_medical', '2027-06', days(30, 50))] });
// waiting_period: enrolled 2027, no 2028, back from 2029-01-01 → 6个月待遇等待期: Jan–Jun 2029 unpaid, July paid.
add({
  ...lygResident('P-GAP'),
  enrolment: [...lygResident('P-GAP').enrolment, enrolment('P-GAP', LYG_AREA, 'resident', 2029)],
  settlement: [
    settlement('S-GAP-JUN', 'P-GAP', LYG_AREA, 'LYG-MED', 'inst_medical', '2029-06', days(30, 50)),
    settlement('S-GAP-JUL', 'P-GAP', LYG_AREA, 'LYG-MED', 'inst_medical', '2029-07', days(31, 50)),
  ],
});
// non_designated: the institution's designation ended 2027-02-28.
add({ ...lygResident('P-UNDESIG'), settlement: [settlement('S-UNDESIG', 'P-UNDESIG', LYG_AREA, 'LYG-GONE', 'inst_elderly', '2027-03', days(31, 40))] });
// service_not_covered: 医疗专护 is a Jining service, not one of Lianyungang's four.
add({ ...lygResident('P-NOTCOV'), settlement: [settlement('S-NOTCOV', 'P-NOTCOV', LYG_AREA, 'LYG-MED', 'medical_special', '2027-03', { total_amt: '1000', eligible_amt: '1000', fund_amt: '650' })] });
// duplicate: two 医疗机构护理床位 settlements for April; the later settlement_id is flagged, not price-checked.
add({
  ...lygResident('P-DUP'),
  settlement: [
    settlement('S-DUP-1', 'P-DUP', LYG_AREA, 'LYG-MED', 'inst_medical', '2027-04', days(30, 50)),
    settlement('S-DUP-2', 'P-DUP', LYG_AREA, 'LYG-MED', 'inst_medical', '2027-04', days(30, 50, 999)),
  ],
});
// A reversal and the settlement it reverses are neither duplicates nor findings; the replacement stands.
add({
  ...lygResident('P-REV'),
  settlement: [
    settlement('S-REV-1', 'P-REV', LYG_AREA, 'LYG-MED', 'inst_medical', '2027-04', days(30, 50, 1600)),
    settlement('S-REV-1R', 'P-REV', LYG_AREA, 'LYG-MED', 'inst_medical', '2027-04', { service_days: 30, total_amt: '-1800', eligible_amt: '-1500', fund_amt: '-1600', reversal_of: 'S-REV-1' }),
    settlement('S-REV-2', 'P-REV', LYG_AREA, 'LYG-MED', 'inst_medical', '2027-04', days(30, 50)),
  ],
});
// policy_missing (path 2): a Lianyungang employee — the catalog has no Lianyungang employee policy (政策未录入).
add({
  enrolment: [enrolment('P-LYGEMP', LYG_AREA, 'employee', 2027)],
  assessment: [assessment('A-P-LYGEMP', 'P-LYGEMP', LYG_AREA, '2027-01-10')],
  settlement: [settlement('S-LYGEMP', 'P-LYGEMP', LYG_AREA, 'LYG-MED', 'inst_medical', '2027-03', days(31, 50))],
});
// area_not_in_pilot (path 3): Jining resident of 微山县 370826, not one of the six pilot counties.
add({
  enrolment: [enrolment('P-WEISHAN', '370826', 'resident', 2023, { individual_amt: '0', medical_fund_amt: '25', fiscal_amt: '5' })],
  assessment: [assessment('A-P-WEISHAN', 'P-WEISHAN', '370826', '2023-01-10')],
  settlement: [settlement('S-WEISHAN', 'P-WEISHAN', '370826', 'JN-HOME', 'home_medical_nursing', '2023-03', { total_amt: '1000', eligible_amt: '1000', fund_amt: '700' })],
});
// Jining ratios: 医疗专护 at a grade-2 hospital, 10,000 × 65 % = 6,500 (clean); at grade 3 paid 70 % → 6,000 expected.
const jn = (p: string) => ({
  enrolment: [enrolment(p, JINING_AREA, 'resident', 2023, { individual_amt: '0', medical_fund_amt: '25', fiscal_amt: '5' })],
  assessment: [assessment(`A-${p}`, p, JINING_AREA, '2023-01-10')],
});
add({ ...jn('P-JN-G2'), settlement: [settlement('S-JN-G2', 'P-JN-G2', JINING_AREA, 'JN-H2', 'medical_special', '2023-03', { total_amt: '12000', eligible_amt: '10000', fund_amt: '6500' })] });
add({ ...jn('P-JN-G3'), settlement: [settlement('S-JN-G3', 'P-JN-G3', JINING_AREA, 'JN-H3', 'medical_special', '2023-03', { total_amt: '10000', eligible_amt: '10000', fund_amt: '7000' })] });
// 居家医疗护理 70 %: 1,234.57 × 70 % = 864.199 → 864.20. Paid 864.19 is within a fen (no finding); 864.00 is not.
add({ ...jn('P-JN-R1'), settlement: [settlement('S-JN-R1', 'P-JN-R1', JINING_AREA, 'JN-HOME', 'home_medical_nursing', '2023-03', { total_amt: '1234.57', eligible_amt: '1234.57', fund_amt: '864.19' })] });
add({ ...jn('P-JN-R2'), settlement: [settlement('S-JN-R2', 'P-JN-R2', JINING_AREA, 'JN-HOME', 'home_medical_nursing', '2023-03', { total_amt: '1234.57', eligible_amt: '1234.57', fund_amt: '864.00' })] });
// Huai'an: 失能人员每年至少复核一次 — concluded 2024-01-10, no review: valid to 2025-01-10; February 2025 is expired.
const ha = (p: string, over: Row = {}) => ({
  enrolment: [enrolment(p, HUAIAN_AREA, 'employee', 2024, { individual_amt: '10', medical_fund_amt: '60', fiscal_amt: '10' }), enrolment(p, HUAIAN_AREA, 'employee', 2025, { individual_amt: '10', medical_fund_amt: '60', fiscal_amt: '10' })],
  assessment: [assessment(`A-${p}`, p, HUAIAN_AREA, '2024-01-10', over)],
});
add({ ...ha('P-HA-OLD'), settlement: [settlement('S-HA-OLD', 'P-HA-OLD', HUAIAN_AREA, null, 'home_family', '2025-02', days(28, 15))] });
// Huai'an 亲情服务 without an institution, in the assessment's last month (due 2025-01-10, 每年至少复核一次):
// the 10 days 1–10 January at the assumed 15 元/天 = 150, clean.
add({ ...ha('P-HA-FAM'), settlement: [settlement('S-HA-FAM', 'P-HA-FAM', HUAIAN_AREA, null, 'home_family', '2025-01', days(10, 15))] });
// Huai'an 辅助器具租赁: 探索将…纳入 — not yet paid.
add({ ...ha('P-HA-AID'), settlement: [settlement('S-HA-AID', 'P-HA-AID', HUAIAN_AREA, 'HA-HOME', 'assistive_rental', '2024-06', { total_amt: '300', eligible_amt: '300', fund_amt: '200' })] });

let a: Audited;
beforeAll(async () => {
  a = await audit(cases);
});

describe('mart_audit_findings, rule by rule', () => {
  it('flags exactly the planted rule on each settlement, nothing on the clean ones', () => {
    expect(rulesBySettlement(a.findings)).toEqual({
      'S-CAP': ['cap_exceeded'],
      'S-PRICE': ['price_mismatch'],
      'S-UNDER20-BAD': ['price_mismatch'],
      'S-HOURS': ['hours_unsupported'],
      'S-NOENROL': ['not_enrolled'],
      'S-REFUSED': ['no_approved_assessment'],
      'S-MODERATE': ['no_approved_assessment'],
      'S-WITHDRAWN': ['no_approved_assessment'],
      'S-SHORT': ['disability_under_6_months'],
      'S-EARLY': ['before_eligibility'],
      'S-LASTDAY': ['before_eligibility'],
      'S-EXPIRED': ['assessment_expired'],
      'S-GAP-JUN': ['waiting_period'],
      'S-UNDESIG': ['non_designated'],
      'S-NOTCOV': ['service_not_covered'],
      'S-DUP-2': ['duplicate'],
      'S-LYGEMP': ['policy_missing'],
      'S-WEISHAN': ['area_not_in_pilot'],
      'S-JN-G3': ['price_mismatch'],
      'S-JN-R2': ['price_mismatch'],
      'S-HA-OLD': ['assessment_expired'],
      'S-HA-AID': ['service_not_covered'],
    });
  });

  it('prices by the seed clauses, rounded half-up to the fen', () => {
    const expected = Object.fromEntries(a.priced.map((p) => [p.settlement_id, p.priced_fund_amt]));
    expect(expected['S-CLEAN']).toBe('1550.00'); // 31 天 × 50元/天
    expect(expected['S-CAP']).toBe('600.00'); // 12 次 × 2 小时 × 30 = 720 → 月度限额600元
    expect(expected['S-UNDER20-OK']).toBe('480.00'); // 16 小时 × 30
    expect(expected['S-PRICE']).toBe('1200.00'); // 30 天 × 40
    expect(expected['S-JN-G2']).toBe('6500.00'); // 10,000 × 65 %
    expect(expected['S-JN-G3']).toBe('6000.00'); // 10,000 × 60 %
    expect(expected['S-JN-R1']).toBe('864.20'); // 1,234.57 × 70 % = 864.199
    expect(expected['S-HA-FAM']).toBe('150.00'); // assumed 15 元/天 × 10
  });

  it('reports expected and actual amounts: 0 expected when not eligible, the price otherwise', () => {
    const by = Object.fromEntries(a.findings.map((f) => [`${f.settlement_id} ${f.rule}`, [f.expected_fund_amt, f.actual_fund_amt]]));
    expect(by['S-CAP cap_exceeded']).toEqual(['600.00', '720.00']);
    expect(by['S-UNDER20-BAD price_mismatch']).toEqual(['480.00', '600.00']);
    expect(by['S-JN-G3 price_mismatch']).toEqual(['6000.00', '7000.00']);
    expect(by['S-JN-R2 price_mismatch']).toEqual(['864.20', '864.00']);
    expect(by['S-HOURS hours_unsupported']).toEqual(['600.00', '600.00']);
    expect(by['S-DUP-2 duplicate']).toEqual(['0.00', '999.00']);
    expect(by['S-NOENROL not_enrolled']).toEqual(['0.00', '700.00']);
    expect(by['S-GAP-JUN waiting_period']).toEqual(['0.00', '1500.00']);
    expect(by['S-EARLY before_eligibility']).toEqual(['0.00', '1300.00']);
  });

  it('writes detail in Chinese, citing the clause or saying the value is assumed', () => {
    const detail = Object.fromEntries(a.findings.map((f) => [`${f.settlement_id} ${f.rule}`, f.detail]));
    expect(detail['S-CAP cap_exceeded']).toContain('基金支付 720.00 元，超过月度限额 600.00 元');
    expect(detail['S-CAP cap_exceeded']).toContain('“居家接受定点护理机构上门提供护理服务的，每次服务时长2小时，每月服务次数不低于10次，按30元/小时的标准与服务机构结算，月度限额600元。');
    expect(detail['S-GAP-JUN waiting_period']).toContain('对存在中断参保缴费情形的人员，设置6个月待遇等待期。');
    expect(detail['S-GAP-JUN waiting_period']).toContain('2029年1月1日重新参保，待遇等待期至2029年6月30日止');
    expect(detail['S-SHORT disability_under_6_months']).toContain('失能持续 4 个月');
    expect(detail['S-SHORT disability_under_6_months']).toContain('且失能状态持续6个月以上');
    expect(detail['S-HA-OLD assessment_expired']).toContain('有效期至2025年1月10日');
    expect(detail['S-HA-OLD assessment_expired']).toContain('淮政规〔2023〕2号“建立保障对象评估复核机制，失能人员每年至少复核一次。”');
    expect(detail['S-EARLY before_eligibility']).toContain('早于待遇开始日期2026年12月1日');
    expect(detail['S-JN-R2 price_mismatch']).toContain('符合范围费用 1234.57 元 × 70%');
    // the area by its name, not its code 370826
    expect(detail['S-WEISHAN area_not_in_pilot']).toContain('参保地微山县不在本市长护险城乡居民试点范围内');
    expect(detail['S-WEISHAN area_not_in_pilot']).toContain('任城区、兖州区、曲阜市、邹城市、金乡县、汶上县先行试点');
    expect(detail['S-HA-AID service_not_covered']).toContain('其中居家护理包括机构上门护理和亲情服务两个方面');
    expect(detail['S-DUP-2 duplicate']).toContain('与结算 S-DUP-1');
  });

  it('never names the person in a detail, not even inside an assessment id (the site shows one pseudonym)', () => {
    // the fixture's assessment ids embed the person number (A-<person_no>), as the demo's do
    const personOf = Object.fromEntries(a.priced.map((p) => [p.settlement_id, String(p.person_no)]));
    expect(a.findings.filter((f) => f.detail.includes(personOf[f.settlement_id])).map((f) => f.detail)).toEqual([]);
    expect(a.findings.find((f) => f.rule === 'not_enrolled')?.detail).toMatch(/^服务月份2027年3月无本市长护险参保缴费记录。/);
  });

  it('passes every data test', () => {
    expect(a.tests.filter((t) => t.failures > 0).map((t) => `${t.name}: ${JSON.stringify(t.sample[0])}`)).toEqual([]);
  });
});

describe('rules that meet on one settlement', () => {
  it('reports several eligibility rules together, and no price finding on an ineligible settlement', async () => {
    const b = await audit({
      enrolment: [enrolment('P1', LYG_AREA, 'resident', 2027), enrolment('P2', LYG_AREA, 'resident', 2027)],
      assessment: [assessment('A1', 'P1', LYG_AREA, '2027-01-10', { disability_months: 3, valid_until: '2027-02-28' })],
      institution: [institution('LYG-GONE', LYG_AREA, 'elderly_care', { designated_to: '2027-02-28' })],
      settlement: [
        // P1: too short a disability, expired, non-designated, and overpaid (31 × 40 = 1,240, paid 2,000).
        settlement('S1', 'P1', LYG_AREA, 'LYG-GONE', 'inst_elderly', '2027-03', days(31, 40, 2000)),
        // P2: no assessment and overpaid: only no_approved_assessment, expected 0.
        settlement('S2', 'P2', LYG_AREA, 'LYG-GONE', 'inst_elderly', '2027-02', days(28, 40, 2000)),
      ],
    });
    expect(b.findings.map((f) => [f.settlement_id, f.rule, f.expected_fund_amt])).toEqual([
      ['S1', 'assessment_expired', '0.00'],
      ['S1', 'disability_under_6_months', '0.00'],
      ['S1', 'non_designated', '0.00'],
      ['S2', 'no_approved_assessment', '0.00'],
    ]);
  });
  it('checks visit hours only where the city keeps visit records, and cites the service list for an unpriced service', async () => {
    const haEnrol = (p: string) => enrolment(p, HUAIAN_AREA, 'employee', 2024, { individual_amt: '10', medical_fund_amt: '60', fiscal_amt: '10' });
    const b = await audit({
      enrolment: [haEnrol('H1'), haEnrol('H2'), enrolment('L1', LYG_AREA, 'resident', 2027)],
      assessment: [assessment('A-H1', 'H1', HUAIAN_AREA, '2024-01-10'), assessment('A-H2', 'H2', HUAIAN_AREA, '2024-01-10'), assessment('A-L1', 'L1', LYG_AREA, '2027-01-10')],
      institution: [institution('HA-HOME', HUAIAN_AREA, 'home_care'), institution('LYG-HOME', LYG_AREA, 'home_care')],
      settlement: [
        // Huai'an keeps no visit records here: 24 h (assumed 30 元/小时, cap 600) is not checked against visits.
        settlement('S-HA-HOURS', 'H1', HUAIAN_AREA, 'HA-HOME', 'home_visit', '2024-03', { visits: 12, service_hours: '24', total_amt: '720', eligible_amt: '720', fund_amt: '600' }),
        // An uncovered service at an unknown institution: both rules, the second cites the service list.
        settlement('S-HA-BOTH', 'H2', HUAIAN_AREA, 'NOWHERE', 'medical_special', '2024-03', { total_amt: '100', eligible_amt: '100', fund_amt: '70' }),
        // Lianyungang does keep them (one visit recorded): 4 h settled, 2 h recorded.
        settlement('S-LYG-HOURS', 'L1', LYG_AREA, 'LYG-HOME', 'home_visit', '2027-03', { visits: 2, service_hours: '4', total_amt: '120', eligible_amt: '120', fund_amt: '120' }),
      ],
      visit: visits('V-L1', 'L1', 'LYG-HOME', '2027-03', 1),
    });
    expect(b.findings.map((f) => [f.settlement_id, f.rule])).toEqual([
      ['S-HA-BOTH', 'non_designated'],
      ['S-HA-BOTH', 'service_not_covered'],
      ['S-LYG-HOURS', 'hours_unsupported'],
    ]);
    for (const f of b.findings.filter((x) => x.settlement_id === 'S-HA-BOTH')) {
      expect(f.detail).toContain('淮政规〔2023〕2号“长期护理保险待遇的护理服务形式，包括居家护理、社区护理和机构护理');
    }
    expect(b.tests.filter((t) => t.failures > 0).map((t) => t.name)).toEqual([]);
  });
  it('flags home visits at an institution designated on no day of the month even without visit records', async () => {
    // 20 h settled at a home-care agency whose designation ended 2027-02-28, no visit recorded in March
    // (Lianyungang keeps records: L2 has one): no hour is supported, and no day is designated.
    const b = await audit({
      enrolment: [enrolment('L1', LYG_AREA, 'resident', 2027), enrolment('L2', LYG_AREA, 'resident', 2027)],
      assessment: [assessment('A-L1', 'L1', LYG_AREA, '2027-01-10'), assessment('A-L2', 'L2', LYG_AREA, '2027-01-10')],
      institution: [institution('LYG-HOME', LYG_AREA, 'home_care'), institution('LYG-HOME-GONE', LYG_AREA, 'home_care', { designated_to: '2027-02-28' })],
      settlement: [
        settlement('S-GONE-H', 'L1', LYG_AREA, 'LYG-HOME-GONE', 'home_visit', '2027-03', { visits: 10, service_hours: '20', total_amt: '600', eligible_amt: '600', fund_amt: '600' }),
        settlement('S-L2', 'L2', LYG_AREA, 'LYG-HOME', 'home_visit', '2027-03', { visits: 1, service_hours: '2', total_amt: '60', eligible_amt: '60', fund_amt: '60' }),
      ],
      visit: visits('V-L2', 'L2', 'LYG-HOME', '2027-03', 1),
    });
    expect(b.findings.map((f) => [f.settlement_id, f.rule, f.expected_fund_amt])).toEqual([
      ['S-GONE-H', 'hours_unsupported', '0.00'],
      ['S-GONE-H', 'non_designated', '0.00'],
    ]);
  });
});
