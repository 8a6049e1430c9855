// mart_audit_period: the audit's figures by the month a settlement was paid (基金监管's "what did we
// find this month?"), each year and all months together; mart_audit_summary is its 'all' slice. On
// hand-made Lianyungang settlements priced by its policy (cases of test/audit/days.test.ts), with the
// findings' words naming institutions and areas and writing dates as a reader does.
import { beforeAll, describe, expect, it } from 'vitest';
import { audit, assessment, enrolment, institution, settlement, type Audited, type Row } from '../audit/fixture.ts';
import { failedTests } from './fixture.ts';

const LYG = '320703';
const days = (n: number, fund: number) => ({ service_days: n, total_amt: String(fund + 30 * n), eligible_amt: String(fund), fund_amt: String(fund) });
const resident = (p: string, concluded: string, over: Row = {}) => ({
  enrolment: [enrolment(p, LYG, 'resident', 2027)],
  assessment: [assessment(`A-${p}`, p, LYG, concluded, over)],
});

const QUERIES = {
  totals: `select city, period_kind, period, settlements, overpaid_amt, settlements_checked from mart_audit_period
      where breakdown = 'total' order by city, period_kind, period`,
  rules: `select period, key, settlements, overpaid_amt from mart_audit_period
      where city = '320700' and breakdown = 'rule' and period_kind = 'month' order by period, key`,
  institutions: `select period, key, label, settlements, overpaid_amt, rank from mart_audit_period
      where city = '320700' and breakdown = 'institution' and period_kind = 'month' order by period, rank`,
  districts: `select period, key, label from mart_audit_period where city = '320700' and breakdown = 'district' and period_kind = 'all'`,
  summaryVsAll: `select count(*) as n from (
      select * from mart_audit_summary
      except
      select * exclude (period_kind, period, rank) from mart_audit_period where period_kind = 'all')`,
  summaryRows: `select count(*) as n from mart_audit_summary`,
  messages: `select settlement_id, messages, bases from mart_audit_settlements order by settlement_id`,
};

let a: Audited;
beforeAll(async () => {
  const p1 = resident('P-FIRST-OK', '2027-05-22');
  const p2 = resident('P-FIRST', '2027-05-22');
  const p3 = resident('P-LAST', '2027-01-05', { valid_until: '2027-06-10' });
  const p4 = resident('P-GONE', '2027-01-05');
  a = await audit({
    institution: [
      institution('LYG-MED', LYG, 'medical'),
      institution('LYG-ELD', LYG, 'elderly_care'),
      institution('LYG-GONE', LYG, 'elderly_care', { designated_to: '2027-02-28' }),
    ],
    enrolment: [...p1.enrolment, ...p2.enrolment, ...p3.enrolment, ...p4.enrolment],
    assessment: [...p1.assessment, ...p2.assessment, ...p3.assessment, ...p4.assessment],
    settlement: [
      // May (settled 2027-05-28): concluded 22 May → benefits from the 23rd, 9 days × 50 = 450.
      // Billed on those 9 days: no finding. Billed 31 days, 1,550: 1,100 too much.
      settlement('D-FIRST-OK', 'P-FIRST-OK', LYG, 'LYG-MED', 'inst_medical', '2027-05', days(9, 450)),
      settlement('D-FIRST', 'P-FIRST', LYG, 'LYG-MED', 'inst_medical', '2027-05', days(31, 1550)),
      // June (settled 2027-06-28): valid until 10 June, 30 days × 40 = 1,200 paid, 10 × 40 = 400
      // payable, 800 too much; a care home designated until 28 February, 30 × 40 = 1,200, none payable.
      settlement('D-LAST', 'P-LAST', LYG, 'LYG-ELD', 'inst_elderly', '2027-06', days(30, 1200)),
      settlement('D-GONE', 'P-GONE', LYG, 'LYG-GONE', 'inst_elderly', '2027-06', days(30, 1200)),
    ],
  }, QUERIES);
});

describe('mart_audit_period', () => {
  it('counts each settlement in the month it was paid, its year and all months, and checks them all', () => {
    expect(failedTests(a.tests)).toEqual([]);
    const lyg = a.query.totals.filter((r) => r.city === '320700');
    expect(lyg).toEqual([
      // 1,100 + 800 + 1,200 = 3,100 over 3 flagged of 4 checked settlements
      { city: '320700', period_kind: 'all', period: '*', settlements: '3', overpaid_amt: '3100.00', settlements_checked: '4' },
      // May: D-FIRST (1,100) of D-FIRST and D-FIRST-OK
      { city: '320700', period_kind: 'month', period: '2027-05', settlements: '1', overpaid_amt: '1100.00', settlements_checked: '2' },
      // June: D-LAST 800 + D-GONE 1,200
      { city: '320700', period_kind: 'month', period: '2027-06', settlements: '2', overpaid_amt: '2000.00', settlements_checked: '2' },
      { city: '320700', period_kind: 'year', period: '2027', settlements: '3', overpaid_amt: '3100.00', settlements_checked: '4' },
    ]);
    // every city together ('*') is the one city here
    expect(a.query.totals.filter((r) => r.city === '*').map((r) => [r.period, r.settlements, r.overpaid_amt])).toEqual(lyg.map((r) => [r.period, r.settlements, r.overpaid_amt]));
  });

  it('breaks a month down by rule and by institution, ranked by the money', () => {
    expect(a.query.rules).toEqual([
      { period: '2027-05', key: 'before_eligibility', settlements: '1', overpaid_amt: '1100.00' },
      { period: '2027-06', key: 'assessment_expired', settlements: '1', overpaid_amt: '800.00' },
      { period: '2027-06', key: 'non_designated', settlements: '1', overpaid_amt: '1200.00' },
    ]);
    expect(a.query.institutions).toEqual([
      { period: '2027-05', key: 'LYG-MED', label: '机构LYG-MED', settlements: '1', overpaid_amt: '1100.00', rank: '1' },
      { period: '2027-06', key: 'LYG-GONE', label: '机构LYG-GONE', settlements: '1', overpaid_amt: '1200.00', rank: '1' },
      { period: '2027-06', key: 'LYG-ELD', label: '机构LYG-ELD', settlements: '1', overpaid_amt: '800.00', rank: '2' },
    ]);
    // the district by its name (config/admdvs.json), not its code
    expect(a.query.districts).toEqual([{ period: '*', key: LYG, label: '连云区' }]);
  });

  it('is mart_audit_summary over all months', () => {
    expect(Number(a.query.summaryRows[0].n)).toBeGreaterThan(0);
    expect(a.query.summaryVsAll).toEqual([{ n: '0' }]);
  });

  it('words a finding with names and dates as a reader writes them, its basis apart', () => {
    const gone = a.query.messages.find((r) => r.settlement_id === 'D-GONE')!;
    expect(gone.messages).toEqual(['机构“机构LYG-GONE”定点期间为2020年1月1日至2027年2月28日，结算 30 天，本月可计 0 天']);
    expect(String((gone.bases as string[])[0])).toMatch(/^连云港/);
    const first = a.query.messages.find((r) => r.settlement_id === 'D-FIRST')!;
    expect(first.messages).toEqual(['评估结论日期2027年5月22日，待遇自2027年5月23日起享受，结算 31 天，本月可计 9 天']);
    // detail = message + '。依据：' + basis, as before
    const detail = a.findings.find((f) => f.settlement_id === 'D-GONE')!.detail;
    expect(detail).toBe(`${(gone.messages as string[])[0]}。依据：${(gone.bases as string[])[0]}`);
  });
});
