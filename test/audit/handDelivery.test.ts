// "Done when": a small delivery for Lianyungang (residents, 2027–2029) and Jining (residents, 2023),
// written by hand from the policies alone, gets exactly the findings a person reading the documents
// would mark — none missed, none extra. Each settlement says what a reader would conclude.
import { beforeAll, describe, expect, it } from 'vitest';
import { audit, assessment, enrolment, institution, settlement, visits, type Audited, type Row } from './fixture.ts';

const lygYear = (p: string, area: string, year: number, over: Row = {}) => enrolment(p, area, 'resident', year, over);
const jnYear = (p: string, area: string, year = 2023) => enrolment(p, area, 'resident', year, { individual_amt: '0', medical_fund_amt: '25', fiscal_amt: '5' });
const byDays = (n: number, rate: number, fund = n * rate) => ({ service_days: n, total_amt: String(n * rate + 30 * n), eligible_amt: String(n * rate), fund_amt: String(fund) });
const byRatio = (eligible: string, fund: string, total = eligible) => ({ total_amt: total, eligible_amt: eligible, fund_amt: fund });
const home = (visitsN: number, fund: string) => ({ visits: visitsN, service_hours: String(visitsN * 2), total_amt: String(visitsN * 60), eligible_amt: String(visitsN * 60), fund_amt: fund });

const delivery = {
  institution: [
    institution('LY01', '320706', 'medical', { designated_from: '2026-12-01' }),
    institution('LY02', '320706', 'elderly_care', { designated_from: '2026-12-01', designated_to: '2027-03-31' }),
    institution('LY03', '320707', 'community', { designated_from: '2026-12-01' }),
    institution('LY04', '320706', 'home_care', { designated_from: '2026-12-01' }),
    institution('JN01', '370811', 'medical', { grade: 3 }),
    institution('JN02', '370812', 'medical', { grade: 2 }),
    institution('JN03', '370881', 'medical', { grade: 1 }),
    institution('JN04', '370883', 'medical_elderly'),
    institution('JN05', '370828', 'home_care'),
  ],
  enrolment: [
    ...['LP01', 'LP02', 'LP03', 'LP04', 'LP07', 'LP08', 'LP09', 'LP10', 'LP12'].map((p) => lygYear(p, '320706', 2027)),
    lygYear('LP06', '320707', 2027), lygYear('LP06', '320707', 2029),
    lygYear('LP11', '320706', 2026, { coverage_start: '2026-10-01' }), lygYear('LP11', '320706', 2027),
    jnYear('JP01', '370811'), jnYear('JP02', '370812'), jnYear('JP03', '370883'), jnYear('JP04', '370828'),
    jnYear('JP05', '370826'), jnYear('JP06', '370830', 2022), jnYear('JP07', '370881'), jnYear('JP08', '370811'),
  ],
  assessment: [
    assessment('LA01', 'LP01', '320706', '2026-12-15', { level: 4, disability_months: 12 }),
    assessment('LA02', 'LP02', '320706', '2027-01-20', { disability_months: 7 }),
    assessment('LA03', 'LP03', '320706', '2027-01-05', { disability_months: 5 }),
    assessment('LA04', 'LP04', '320706', '2027-01-05'),
    assessment('LA06', 'LP06', '320707', '2027-01-05'),
    assessment('LA07', 'LP07', '320706', '2027-02-10'),
    assessment('LA08', 'LP08', '320706', '2027-01-15', { approved: false }),
    assessment('LA09', 'LP09', '320706', '2027-01-05'),
    assessment('LA10', 'LP10', '320706', '2027-01-05'),
    assessment('LA11', 'LP11', '320706', '2026-12-10'),
    assessment('LA12', 'LP12', '320706', '2027-01-05', { valid_until: '2027-06-30' }),
    ...['JP01', 'JP02', 'JP03', 'JP04', 'JP05', 'JP06', 'JP07'].map((p, i) => assessment(`JA0${i + 1}`, p, '370811', '2022-11-20', { disability_months: 10 })),
    assessment('JA08', 'JP08', '370811', '2022-11-20', { level: 2, disability_months: 10 }),
  ],
  visit: [
    ...visits('LV02-02', 'LP02', 'LY04', '2027-02', 12),
    ...visits('LV02-03', 'LP02', 'LY04', '2027-03', 12),
    ...visits('LV02-04', 'LP02', 'LY04', '2027-04', 7),
    ...visits('LV08-02', 'LP08', 'LY04', '2027-02', 10),
  ],
  settlement: [
    // LP01: January and February at the hospital bed, 50 元/天 — and February billed twice.
    settlement('L-0001', 'LP01', '320706', 'LY01', 'inst_medical', '2027-01', byDays(31, 50)), // 1,550 ✓
    settlement('L-0002', 'LP01', '320706', 'LY01', 'inst_medical', '2027-02', byDays(28, 50)), // 1,400 ✓
    settlement('L-0003', 'LP01', '320706', 'LY01', 'inst_medical', '2027-02', { ...byDays(28, 50), settled_date: '2027-03-15' }), // duplicate
    // LP02: home visits, 30 元/小时, 2 hours a visit, cap 600.
    settlement('L-0004', 'LP02', '320706', 'LY04', 'home_visit', '2027-02', home(12, '600')), // 24 h → 720 → 600 ✓
    settlement('L-0005', 'LP02', '320706', 'LY04', 'home_visit', '2027-03', home(12, '720')), // paid above 月度限额600元
    settlement('L-0006', 'LP02', '320706', 'LY04', 'home_visit', '2027-04', home(9, '540')), // 18 h billed, 7 visits = 14 h recorded
    // LP03: disability of 5 months (失能状态持续6个月以上 not met).
    settlement('L-0007', 'LP03', '320706', 'LY02', 'inst_elderly', '2027-02', byDays(28, 40)),
    // LP04: the care home's designation ended 2027-03-31: March ✓ (31 × 40 = 1,240), April not designated.
    settlement('L-0009', 'LP04', '320706', 'LY02', 'inst_elderly', '2027-03', byDays(31, 40)),
    settlement('L-0008', 'LP04', '320706', 'LY02', 'inst_elderly', '2027-04', byDays(30, 40)),
    // LP05: never enrolled.
    settlement('L-0010', 'LP05', '320707', 'LY03', 'community_day', '2027-02', byDays(20, 20)),
    // LP06: enrolled 2027, no 2028 contribution, back in 2029 → 6个月待遇等待期 to 2029-06-30.
    settlement('L-0011', 'LP06', '320707', 'LY03', 'community_day', '2029-02', byDays(20, 20)),
    settlement('L-0012', 'LP06', '320707', 'LY03', 'community_day', '2029-08', byDays(21, 20)), // 420 ✓
    // LP07: approved 2027-02-10; January care came before any approval; March ✓.
    settlement('L-0013', 'LP07', '320706', 'LY01', 'inst_medical', '2027-01', byDays(31, 50)),
    settlement('L-0014', 'LP07', '320706', 'LY01', 'inst_medical', '2027-03', byDays(31, 50)),
    // LP08: the assessment was not approved.
    settlement('L-0015', 'LP08', '320706', 'LY04', 'home_visit', '2027-02', home(10, '600')),
    // LP09: 医疗专护 is a Jining service form, not one of Lianyungang's four.
    settlement('L-0016', 'LP09', '320706', 'LY01', 'medical_special', '2027-02', byRatio('3000', '1950')),
    // LP10: overpaid (1,600 for 31 × 50 = 1,550), then reversed and settled again correctly.
    settlement('L-0017', 'LP10', '320706', 'LY01', 'inst_medical', '2027-03', byDays(31, 50, 1600)),
    settlement('L-0018', 'LP10', '320706', 'LY01', 'inst_medical', '2027-03', { service_days: 31, total_amt: '-2480', eligible_amt: '-1550', fund_amt: '-1600', reversal_of: 'L-0017', settled_date: '2027-04-10' }),
    settlement('L-0019', 'LP10', '320706', 'LY01', 'inst_medical', '2027-03', { ...byDays(31, 50), settled_date: '2027-04-10' }),
    // LP11: November 2026 care — benefits run from 2026-12-01 (“2026年12月1日起，…落地城乡居民长期护理保险待遇”).
    settlement('L-0020', 'LP11', '320706', 'LY01', 'inst_medical', '2026-11', byDays(21, 50)),
    // December 2026, LP11's first month: benefits from 2026-12-01 and from the day after LA11's conclusion
    // (2026-12-10), so 11–31 December = 21 days × 50 = 1,050 ✓.
    settlement('L-0022', 'LP11', '320706', 'LY01', 'inst_medical', '2026-12', byDays(21, 50)),
    // LP12: the assessment was valid until 2027-06-30; July care.
    settlement('L-0021', 'LP12', '320706', 'LY03', 'community_day', '2027-07', byDays(21, 20)),

    // Jining 2023: 医疗专护 70 / 65 / 60 % at grade 1 / 2 / 3; 机构医疗护理 65 %; 居家医疗护理 70 %.
    settlement('J-0001', 'JP01', '370811', 'JN01', 'medical_special', '2023-03', byRatio('10000', '6000', '11000')), // grade 3: 60 % ✓
    settlement('J-0002', 'JP02', '370812', 'JN02', 'medical_special', '2023-03', byRatio('10000', '6500')), // grade 2: 65 % ✓
    settlement('J-0003', 'JP02', '370812', 'JN03', 'medical_special', '2023-04', byRatio('8000', '5200')), // grade 1 is 70 % = 5,600
    settlement('J-0004', 'JP03', '370883', 'JN04', 'inst_medical_nursing', '2023-03', byRatio('4321.09', '2808.71')), // 2,808.7085 → 2,808.71 ✓
    settlement('J-0005', 'JP04', '370828', 'JN05', 'home_medical_nursing', '2023-03', byRatio('1234.57', '864.20')), // 864.199 → 864.20 ✓
    settlement('J-0006', 'JP04', '370828', 'JN05', 'home_medical_nursing', '2023-04', byRatio('1234.57', '1234.57')), // paid in full
    settlement('J-0007', 'JP05', '370826', 'JN05', 'home_medical_nursing', '2023-03', byRatio('1000', '700')), // 微山县: not a pilot county
    settlement('J-0008', 'JP06', '370830', 'JN01', 'medical_special', '2023-03', byRatio('5000', '3000')), // enrolled 2022 only
    settlement('J-0009', 'JP07', '370881', 'JN04', 'inst_elderly', '2023-03', byDays(30, 40)), // not a Jining service form
    settlement('J-0010', 'JP08', '370811', 'JN04', 'inst_medical_nursing', '2023-03', byRatio('2000', '1300')), // 中度 (level 2)
  ],
};

let a: Audited;
beforeAll(async () => {
  a = await audit(delivery);
});

describe('a hand-written delivery for Lianyungang and Jining', () => {
  it('gets exactly the findings a reader of the policies would mark', () => {
    expect(a.findings.map((f) => [f.settlement_id, f.city, f.rule, f.expected_fund_amt, f.actual_fund_amt])).toEqual([
      ['J-0003', '370800', 'price_mismatch', '5600.00', '5200.00'],
      ['J-0006', '370800', 'price_mismatch', '864.20', '1234.57'],
      ['J-0007', '370800', 'area_not_in_pilot', '0.00', '700.00'],
      ['J-0008', '370800', 'not_enrolled', '0.00', '3000.00'],
      ['J-0009', '370800', 'service_not_covered', '0.00', '1200.00'],
      ['J-0010', '370800', 'no_approved_assessment', '0.00', '1300.00'],
      ['L-0003', '320700', 'duplicate', '0.00', '1400.00'],
      ['L-0005', '320700', 'cap_exceeded', '600.00', '720.00'],
      // 18 h billed, 7 visits = 14 h recorded: priced on the 14 h the records support, 14 × 30 = 420
      ['L-0006', '320700', 'hours_unsupported', '420.00', '540.00'],
      ['L-0007', '320700', 'disability_under_6_months', '0.00', '1120.00'],
      ['L-0008', '320700', 'non_designated', '0.00', '1200.00'],
      ['L-0010', '320700', 'not_enrolled', '0.00', '400.00'],
      ['L-0011', '320700', 'waiting_period', '0.00', '400.00'],
      ['L-0013', '320700', 'before_eligibility', '0.00', '1550.00'],
      ['L-0015', '320700', 'no_approved_assessment', '0.00', '600.00'],
      ['L-0016', '320700', 'service_not_covered', '0.00', '1950.00'],
      ['L-0020', '320700', 'before_eligibility', '0.00', '1050.00'],
      // …and LY01's agreement starts 2026-12-01 too
      ['L-0020', '320700', 'non_designated', '0.00', '1050.00'],
      ['L-0021', '320700', 'assessment_expired', '0.00', '420.00'],
    ]);
  });

  it('re-prices the clean settlements to what was paid', () => {
    const clean = ['L-0001', 'L-0002', 'L-0004', 'L-0009', 'L-0012', 'L-0014', 'L-0019', 'L-0022', 'J-0001', 'J-0002', 'J-0004', 'J-0005'];
    const rows = a.priced.filter((p) => clean.includes(p.settlement_id as string));
    expect(rows.map((p) => [p.settlement_id, p.expected_fund_amt === p.fund_amt])).toEqual(rows.map((p) => [p.settlement_id, true]));
    expect(rows).toHaveLength(clean.length);
  });

  it('passes every data test on it', () => {
    expect(a.tests.filter((t) => t.failures > 0).map((t) => `${t.name}: ${JSON.stringify(t.sample[0])}`)).toEqual([]);
  });
});
