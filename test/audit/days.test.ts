// The audit pays by the day and counts every yuan once (docs/audit-rules.md, "Eligible days" and
// "Money"). Each case is a hand-made settlement whose expected amount is computed here by hand from
// its seed clause; a legitimate first month, last month and move between homes get no finding.
import { beforeAll, describe, expect, it } from 'vitest';
import { audit, assessment, enrolment, institution, settlement, visits, type Audited, type FlaggedSettlement, type Row } from './fixture.ts';

const LYG = '320703';
const HUAIAN = '320803';
const NANJING = '320102';
const JINING = '370811';

const delivery: { enrolment: Row[]; assessment: Row[]; institution: Row[]; settlement: Row[]; visit: Row[]; inpatient: Row[]; work_injury: Row[] } = {
  enrolment: [], assessment: [], settlement: [], visit: [], inpatient: [], work_injury: [],
  institution: [
    institution('LYG-MED', LYG, 'medical'),
    institution('LYG-ELD', LYG, 'elderly_care'),
    institution('LYG-ELD2', LYG, 'elderly_care'),
    institution('LYG-HOME', LYG, 'home_care'),
    institution('LYG-GONE', LYG, 'elderly_care', { designated_to: '2027-02-28' }),
    institution('HA-ELD', HUAIAN, 'elderly_care'),
    institution('NJ-ELD', NANJING, 'elderly_care'),
    institution('JN-H2', JINING, 'medical', { grade: 2 }),
  ],
};
function add(part: Partial<typeof delivery>) {
  for (const [k, rows] of Object.entries(part)) delivery[k as keyof typeof delivery].push(...rows);
}
/** A Lianyungang resident enrolled for 2027 whose approved 重度 assessment concluded on `concluded`. */
function lyg(p: string, concluded = '2027-01-10', over: Row = {}) {
  return { enrolment: [enrolment(p, LYG, 'resident', 2027)], assessment: [assessment(`A-${p}`, p, LYG, concluded, over)] };
}
const huaianYears = (p: string, years: number[]) => years.map((y) => enrolment(p, HUAIAN, 'employee', y, { individual_amt: '10', medical_fund_amt: '60', fiscal_amt: '10' }));
const days = (n: number, fund: number, over: Row = {}) => ({ service_days: n, total_amt: String(fund + 30 * n), eligible_amt: String(fund), fund_amt: String(fund), ...over });

// 1. 淮政规〔2023〕2号 "自作出评估结论次日起可按规定享受"; Lianyungang takes the same day (assumed, its
//    rules follow the employee scheme's): concluded 2027-05-22 → benefits from 05-23, 9 days of May.
//    "医疗机构护理床位…按50元/天": 31 days billed, 1,550 paid; payable 9 × 50 = 450; 1,100 too much.
add({ ...lyg('P-FIRST', '2027-05-22'), settlement: [settlement('D-FIRST', 'P-FIRST', LYG, 'LYG-MED', 'inst_medical', '2027-05', days(31, 1550))] });
//    The same first month billed on its 9 eligible days (23–31 May): 9 × 50 = 450, no finding.
add({ ...lyg('P-FIRST-OK', '2027-05-22'), settlement: [settlement('D-FIRST-OK', 'P-FIRST-OK', LYG, 'LYG-MED', 'inst_medical', '2027-05', days(9, 450))] });
//    Home visits "每次服务时长2小时…按30元/小时…月度限额600元": 12 visits 16–27 May = 24 h, paid 600
//    (720 capped). Only the visits of 23–27 May fall on eligible days: 5 × 2 h = 10 h × 30 = 300.
add({
  ...lyg('P-FIRST-H', '2027-05-22'),
  settlement: [settlement('D-FIRST-H', 'P-FIRST-H', LYG, 'LYG-HOME', 'home_visit', '2027-05', { visits: 12, service_hours: '24', total_amt: '720', eligible_amt: '720', fund_amt: '600' })],
  visit: visits('V-FIRST-H', 'P-FIRST-H', 'LYG-HOME', '2027-05', 12, 2, 16),
});
//    The same first month with its visits on 23–31 May only: 9 × 2 h = 18 h × 30 = 540, no finding.
add({
  ...lyg('P-FIRST-H-OK', '2027-05-22'),
  settlement: [settlement('D-FIRST-H-OK', 'P-FIRST-H-OK', LYG, 'LYG-HOME', 'home_visit', '2027-05', { visits: 9, service_hours: '18', total_amt: '540', eligible_amt: '540', fund_amt: '540' })],
  visit: visits('V-FIRST-H-OK', 'P-FIRST-H-OK', 'LYG-HOME', '2027-05', 9, 2, 23),
});
//    The last month: valid until 2027-06-10; June billed 30 days × 40 (养老服务机构护理床位) = 1,200;
//    payable 1–10 June = 10 × 40 = 400; 800 too much.
add({ ...lyg('P-LAST', '2027-01-05', { valid_until: '2027-06-10' }), settlement: [settlement('D-LAST', 'P-LAST', LYG, 'LYG-ELD', 'inst_elderly', '2027-06', days(30, 1200))] });

// 2. Overlapping stays: 30 days in a care home (1,200, settled 5 July) and 30 days in a hospital bed
//    (1,500, settled 10 July) in 30-day June: the later one's 30 days are all beyond the month.
add({
  ...lyg('P-OVL'),
  settlement: [
    settlement('D-OVL-A', 'P-OVL', LYG, 'LYG-ELD', 'inst_elderly', '2027-06', days(30, 1200, { settled_date: '2027-07-05' })),
    settlement('D-OVL-B', 'P-OVL', LYG, 'LYG-MED', 'inst_medical', '2027-06', days(30, 1500, { settled_date: '2027-07-10' })),
  ],
});
// 4. A move between two care homes in June: 14 + 16 = 30 days, 560 + 640, no finding (not a duplicate).
add({
  ...lyg('P-MOVE'),
  settlement: [
    settlement('D-MOVE-A', 'P-MOVE', LYG, 'LYG-ELD', 'inst_elderly', '2027-06', days(14, 560, { settled_date: '2027-07-05' })),
    settlement('D-MOVE-B', 'P-MOVE', LYG, 'LYG-ELD2', 'inst_elderly', '2027-06', days(16, 640, { settled_date: '2027-07-06' })),
  ],
});
//    A move billed one day too many: 15 + 16 = 31 days in June; the later settlement pays 15 × 40 = 600 of 640.
add({
  ...lyg('P-MOVE2'),
  settlement: [
    settlement('D-MOVE2-A', 'P-MOVE2', LYG, 'LYG-ELD', 'inst_elderly', '2027-06', days(15, 600, { settled_date: '2027-07-05' })),
    settlement('D-MOVE2-B', 'P-MOVE2', LYG, 'LYG-ELD2', 'inst_elderly', '2027-06', days(16, 640, { settled_date: '2027-07-06' })),
  ],
});

// 3. The bed at the category's rate: a 养老服务机构 bills 医疗机构护理床位 (50) for 30 days, 1,500; its own
//    bed is "养老服务机构护理床位…按40元/天": 30 × 40 = 1,200, 300 too much.
add({ ...lyg('P-CAT-UP'), settlement: [settlement('D-CAT-UP', 'P-CAT-UP', LYG, 'LYG-ELD', 'inst_medical', '2027-06', days(30, 1500))] });
//    A 医疗机构 billed an elderly-care bed at 40: its bed is 50 a day, 1,500 for 1,200 paid: 300 paid too little.
add({ ...lyg('P-CAT-DOWN'), settlement: [settlement('D-CAT-DOWN', 'P-CAT-DOWN', LYG, 'LYG-MED', 'inst_elderly', '2027-06', days(30, 1200))] });
//    A home-care agency has no bed at all: nothing of 1,500 is payable.
add({ ...lyg('P-CAT-NONE'), settlement: [settlement('D-CAT-NONE', 'P-CAT-NONE', LYG, 'LYG-HOME', 'inst_medical', '2027-06', days(30, 1500))] });

// 5. hours_unsupported priced on the supported hours: 24 h settled (600, the cap), 8 visits × 2 h = 16 h
//    recorded: 16 × 30 = 480, 120 too much.
add({
  ...lyg('P-HOURS'),
  settlement: [settlement('D-HOURS', 'P-HOURS', LYG, 'LYG-HOME', 'home_visit', '2027-06', { visits: 12, service_hours: '24', total_amt: '720', eligible_amt: '720', fund_amt: '600' })],
  visit: visits('V-HOURS', 'P-HOURS', 'LYG-HOME', '2027-06', 8),
});

// 6. One settlement, three rules: disability of 3 months (失能状态持续6个月以上), assessment valid until
//    2027-02-28, the home's designation ended 2027-02-28; 31 × 40 = 1,240 paid in March, all of it too much, once.
add({
  ...lyg('P-MULTI', '2027-01-10', { disability_months: 3, valid_until: '2027-02-28' }),
  settlement: [settlement('D-MULTI', 'P-MULTI', LYG, 'LYG-GONE', 'inst_elderly', '2027-03', days(31, 1240))],
});

// Assumed prices, shown apart: Nanjing's 40 元/天 is a placeholder (宁政发〔2021〕10号 sets no amount):
// 30 × 40 = 1,200 for 1,500 paid.
add({
  enrolment: [enrolment('P-NJ', NANJING, 'employee', 2027, { individual_amt: '30', medical_fund_amt: '70', fiscal_amt: '0' })],
  assessment: [assessment('A-P-NJ', 'P-NJ', NANJING, '2027-01-10')],
  settlement: [settlement('D-NJ-PRICE', 'P-NJ', NANJING, 'NJ-ELD', 'inst_elderly', '2027-06', days(30, 1500))],
});
// Huai'an 亲情护理 at the placeholder 15 元/天: concluded 2026-01-10, 每年至少复核一次 → due 2027-01-10;
// January 2027 billed 31 × 15 = 465; payable 1–10 January, 10 × 15 = 150; 315 too much, on an assumed price.
add({
  enrolment: huaianYears('P-HA-FAM', [2026, 2027]),
  assessment: [assessment('A-P-HA-FAM', 'P-HA-FAM', HUAIAN, '2026-01-10')],
  settlement: [settlement('D-HA-FAM', 'P-HA-FAM', HUAIAN, null, 'home_family', '2027-01', days(31, 465))],
});
// A city's other scheme: Lianyungang employees (the catalog holds only its resident policy) → 政策未录入.
add({
  enrolment: [enrolment('P-LYGEMP', LYG, 'employee', 2027)],
  assessment: [assessment('A-P-LYGEMP', 'P-LYGEMP', LYG, '2027-01-10')],
  settlement: [settlement('D-LYGEMP', 'P-LYGEMP', LYG, 'LYG-MED', 'inst_medical', '2027-03', days(31, 1550))],
});
// One rule for a re-assessment falling due: the earlier of valid_until (2026-06-30) and conclusion + 12
// months (2026-01-10): February 2026 is past it; 28 × 40 = 1,120 not payable.
add({
  enrolment: huaianYears('P-HA-DUE', [2025, 2026]),
  assessment: [assessment('A-P-HA-DUE', 'P-HA-DUE', HUAIAN, '2025-01-10', { valid_until: '2026-06-30' })],
  settlement: [settlement('D-HA-DUE', 'P-HA-DUE', HUAIAN, 'HA-ELD', 'inst_elderly', '2026-02', days(28, 1120))],
});

// Optional extracts. 济宁 "参保人员在享受专护期间，不再重复享受住院…待遇": 医疗专护 at a grade-2 hospital,
// 20 days, 10,000 × 65 % = 6,500 paid; in hospital from 20 March (discharged 2 April): 12 of March's 31
// days, so at most 19 days of 专护 — payable 10,000 × 65 % × 19 / 20 = 6,175; 325 too much.
add({
  enrolment: [enrolment('P-JN', JINING, 'resident', 2023, { individual_amt: '0', medical_fund_amt: '25', fiscal_amt: '5' })],
  assessment: [assessment('A-P-JN', 'P-JN', JINING, '2023-01-10')],
  settlement: [settlement('D-JN-INP', 'P-JN', JINING, 'JN-H2', 'medical_special', '2023-03', { service_days: 20, total_amt: '12000', eligible_amt: '10000', fund_amt: '6500' })],
  inpatient: [{ stay_id: 'H-JN', person_no: 'P-JN', admdvs: JINING, admission_date: '2023-03-20', discharge_date: '2023-04-02' }],
});
// 淮安 "不纳入基金支付范围：应当由医疗、工伤保险基金支付的": in hospital 11–15 June 2026 (discharged 16th),
// 5 days; 30 days × 40 (placeholder) = 1,200 paid; payable 25 × 40 = 1,000; 200 too much, assumed price.
add({
  enrolment: huaianYears('P-HA-INP', [2026]),
  assessment: [assessment('A-P-HA-INP', 'P-HA-INP', HUAIAN, '2026-01-10')],
  settlement: [settlement('D-HA-INP', 'P-HA-INP', HUAIAN, 'HA-ELD', 'inst_elderly', '2026-06', days(30, 1200))],
  inpatient: [{ stay_id: 'H-HA', person_no: 'P-HA-INP', admdvs: HUAIAN, admission_date: '2026-06-11', discharge_date: '2026-06-16' }],
});
// 连云港 "领取工伤保险生活护理费人员，不得重复享受": the allowance runs from 21 June 2027 (open): 10 of
// June's 30 days; 30 × 40 = 1,200 paid; payable 20 × 40 = 800; 400 too much.
add({
  ...lyg('P-WI'),
  settlement: [settlement('D-WI', 'P-WI', LYG, 'LYG-ELD', 'inst_elderly', '2027-06', days(30, 1200))],
  work_injury: [{ record_id: 'W-1', person_no: 'P-WI', admdvs: LYG, allowance_from: '2027-06-21', allowance_to: null }],
});

let a: Audited;
const by = (id: string): FlaggedSettlement | undefined => a.settlements.find((s) => s.settlement_id === id);
const QUERIES = {
  total: `select settlements, headline_settlements, overpaid_amt, underpaid_amt, assumed_settlements,
      assumed_overpaid_amt, missing_settlements, missing_paid_amt
      from mart_audit_summary where city = '*' and breakdown = 'total'`,
  rules: `select key, settlements, overpaid_amt from mart_audit_summary where city = '*' and breakdown = 'rule' order by key`,
  checks: `select policy_id, rule, is_checked from mart_audit_checks order by policy_id, rule`,
};
beforeAll(async () => {
  a = await audit(delivery, QUERIES);
});

describe('the audit pays by the eligible days of the month', () => {
  it('flags exactly these settlements, each with its rules (primary first)', () => {
    expect(Object.fromEntries(a.settlements.map((s) => [s.settlement_id, s.rules]))).toEqual({
      'D-FIRST': ['before_eligibility'],
      'D-FIRST-H': ['before_eligibility'],
      'D-LAST': ['assessment_expired'],
      'D-OVL-B': ['days_overlap'],
      'D-MOVE2-B': ['days_overlap'],
      'D-CAT-UP': ['category_mismatch'],
      'D-CAT-DOWN': ['category_mismatch'],
      'D-CAT-NONE': ['category_mismatch'],
      'D-HOURS': ['hours_unsupported'],
      'D-MULTI': ['disability_under_6_months', 'assessment_expired', 'non_designated'],
      'D-NJ-PRICE': ['price_mismatch'],
      'D-HA-FAM': ['assessment_expired'],
      'D-LYGEMP': ['policy_missing'],
      'D-HA-DUE': ['assessment_expired'],
      'D-JN-INP': ['inpatient_overlap'],
      'D-HA-INP': ['inpatient_overlap'],
      'D-WI': ['work_injury_overlap'],
    });
    expect(by('D-MULTI')?.primary_rule).toBe('disability_under_6_months');
  });

  it('expects the hand-computed amount of each and flags only the excess', () => {
    const money = Object.fromEntries(a.settlements.map((s) => [s.settlement_id, [s.paid_amt, s.expected_amt, s.overpaid_amt, s.underpaid_amt]]));
    expect(money).toEqual({
      'D-FIRST': ['1550.00', '450.00', '1100.00', '0.00'], // 9 × 50
      'D-FIRST-H': ['600.00', '300.00', '300.00', '0.00'], // 10 h × 30
      'D-LAST': ['1200.00', '400.00', '800.00', '0.00'], // 10 × 40
      'D-OVL-B': ['1500.00', '0.00', '1500.00', '0.00'], // 30 + 30 − 30 = 30 days beyond June
      'D-MOVE2-B': ['640.00', '600.00', '40.00', '0.00'], // (16 − 1) × 40
      'D-CAT-UP': ['1500.00', '1200.00', '300.00', '0.00'], // 30 × 40
      'D-CAT-DOWN': ['1200.00', '1500.00', '0.00', '300.00'], // 30 × 50
      'D-CAT-NONE': ['1500.00', '0.00', '1500.00', '0.00'],
      'D-HOURS': ['600.00', '480.00', '120.00', '0.00'], // 16 h × 30
      'D-MULTI': ['1240.00', '0.00', '1240.00', '0.00'],
      'D-NJ-PRICE': ['1500.00', '1200.00', '300.00', '0.00'], // 30 × 40 (assumed)
      'D-HA-FAM': ['465.00', '150.00', '315.00', '0.00'], // 10 × 15 (assumed)
      'D-LYGEMP': ['1550.00', null, '0.00', '0.00'],
      'D-HA-DUE': ['1120.00', '0.00', '1120.00', '0.00'],
      'D-JN-INP': ['6500.00', '6175.00', '325.00', '0.00'], // 10,000 × 65 % × 19 / 20
      'D-HA-INP': ['1200.00', '1000.00', '200.00', '0.00'], // 25 × 40 (assumed)
      'D-WI': ['1200.00', '800.00', '400.00', '0.00'], // 20 × 40
    });
  });

  it('keeps assumed prices and missing policies out of the headline', () => {
    const basis = Object.fromEntries(a.settlements.map((s) => [s.settlement_id, s.price_basis]));
    expect(Object.entries(basis).filter(([, b]) => b !== 'policy').sort()).toEqual([
      ['D-HA-FAM', 'assumed'], ['D-HA-INP', 'assumed'], ['D-LYGEMP', 'missing'], ['D-NJ-PRICE', 'assumed'],
    ]);
    const detail = a.findings.find((f) => f.settlement_id === 'D-LYGEMP')!.detail;
    expect(detail).toContain('政策未录入');
    expect(a.settlements.filter((s) => s.counts_in_headline).map((s) => s.settlement_id)).not.toContain('D-HA-FAM');
  });

  it('counts every yuan once: the headline is the sum over flagged settlements', () => {
    // policy-priced overpayments: 1,100 + 300 + 800 + 1,500 + 40 + 300 + 0 + 1,500 + 120 + 1,240 + 1,120 + 325 + 400 = 8,745;
    // assumed apart: 300 + 315 + 200 = 815; the 300 paid too little (D-CAT-DOWN) is not netted.
    const [total] = a.query.total;
    expect(total).toEqual({
      settlements: '17', headline_settlements: '13', overpaid_amt: '8745.00', underpaid_amt: '300.00', assumed_settlements: '3',
      assumed_overpaid_amt: '815.00', missing_settlements: '1', missing_paid_amt: '1550.00',
    });
    // the findings repeat the settlement's amounts on each rule: D-MULTI's 1,240 three times there, once here
    const multi = a.findings.filter((f) => f.settlement_id === 'D-MULTI');
    expect(multi.map((f) => f.actual_fund_amt)).toEqual(['1240.00', '1240.00', '1240.00']);
    // by primary rule, the money adds up to the headline
    const rules = a.query.rules;
    expect(rules.reduce((s, r) => s + Number(r.overpaid_amt) * 100, 0) / 100).toBe(8745);
    expect(rules.find((r) => r.key === 'assessment_expired')).toEqual({ key: 'assessment_expired', settlements: '4', overpaid_amt: '1920.00' }); // 800 + 1,120; D-MULTI's under its primary rule
  });

  it('says in the detail how many days (or hours) were payable', () => {
    const detail = (id: string) => a.findings.find((f) => f.settlement_id === id)!.detail;
    expect(detail('D-FIRST')).toContain('待遇自2027年5月23日起享受，结算 31 天，本月可计 9 天');
    expect(detail('D-FIRST-H')).toContain('结算 24.00 小时，本月可计 10.00 小时（按上门记录）');
    expect(detail('D-OVL-B')).toContain('此前结算 30 天，本结算 30 天，合计超过当月 30 天；超出的 30 天不予支付');
    expect(detail('D-CAT-UP')).toContain('为养老机构，不能按“医疗机构护理床位”结算，按“养老机构护理床位”的标准核定');
    expect(detail('D-CAT-UP')).toContain('选择入住定点护理机构中的养老服务机构护理床位接受护理服务的，按40元/天');
    expect(detail('D-JN-INP')).toContain('有 12 天在住院期间，结算 20 天，本月可计 19 天');
    expect(detail('D-JN-INP')).toContain('参保人员在享受专护期间，不再重复享受住院');
    expect(detail('D-WI')).toContain('领取工伤保险生活护理费人员，不得重复享受城乡居民长期护理保险待遇。');
    expect(detail('D-HA-DUE')).toContain('有效期至2026年1月10日');
  });

  it('lists the clauses whose data was delivered as checked', () => {
    expect(a.query.checks).toEqual([
      { policy_id: 'huaian-employee-2023', rule: 'inpatient_overlap', is_checked: true },
      { policy_id: 'huaian-employee-2023', rule: 'work_injury_overlap', is_checked: false },
      { policy_id: 'jining-resident-2022', rule: 'inpatient_overlap', is_checked: true },
      { policy_id: 'lianyungang-resident-2026', rule: 'work_injury_overlap', is_checked: true },
    ]);
  });

  it('passes every data test', () => {
    expect(a.tests.filter((t) => t.failures > 0).map((t) => `${t.name}: ${JSON.stringify(t.sample[0])}`)).toEqual([]);
  });
});

describe('without the optional extracts', () => {
  it('does not check the double-benefit clauses, and says so', async () => {
    const b = await audit({ ...delivery, inpatient: [], work_injury: [] }, {
      checks: 'select count(*) filter (where is_checked) as checked, count(*) as clauses from mart_audit_checks',
    });
    expect(b.settlements.map((s) => s.settlement_id)).not.toContain('D-JN-INP');
    expect(b.settlements.map((s) => s.settlement_id)).not.toContain('D-WI');
    expect(b.query.checks).toEqual([{ checked: '0', clauses: '4' }]);
  });
});

describe("济宁's operator fee against 约2% of the year's financing", () => {
  it('reports the fee, the reference and the share', async () => {
    // two residents financed at 25 + 5 = 30 each: 60.00; the ledger booked 1.50 of operator fees.
    // "原则上控制在长期护理保险资金年度筹资总额的2%左右": reference 60 × 2 % = 1.20; share 1.50 / 60 = 2.50 %.
    const jn = (p: string) => enrolment(p, JINING, 'resident', 2023, { individual_amt: '0', medical_fund_amt: '25', fiscal_amt: '5' });
    const b = await audit({
      enrolment: [jn('J1'), jn('J2')],
      ledger: [
        { entry_id: 'E1', admdvs: '370800', scheme: 'resident', entry_date: '2023-06-30', category: 'operator_fee', amount: '1.00' },
        { entry_id: 'E2', admdvs: '370800', scheme: 'resident', entry_date: '2023-12-31', category: 'operator_fee', amount: '0.50' },
      ],
    }, {
      fee: `select city, year, financing_amt, operator_fee_amt, reference_ratio, reference_amt, fee_share, difference_amt
        from mart_audit_operator_fee`,
    });
    expect(b.query.fee).toEqual([
      { city: '370800', year: 2023, financing_amt: '60.00', operator_fee_amt: '1.50', reference_ratio: '0.0200', reference_amt: '1.20', fee_share: '0.0250', difference_amt: '0.30' },
    ]);
  });
});
