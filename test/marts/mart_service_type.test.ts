// mart_service_type on the hand-made delivery of seed.ts.
import { describe, expect, it } from 'vitest';
import { runModels } from '../../data-loaders/models.ts';
import { buildFixture, failedTests } from './fixture.ts';
import { A, B, seedAll } from './seed.ts';

const COLS = 'scheme, service_type, beneficiaries, person_days, visits, hours, total_amt, eligible_amt, fund_amt, personal_amt, fund_share, fund_per_beneficiary_month, settlements, reversals, fund_share_target';

describe('mart_service_type', () => {
  it('nets a reversal out of amounts and days, and counts beneficiaries on non-reversal rows', async () => {
    await buildFixture(seedAll, async ({ rows, tests }) => {
      expect(failedTests(tests)).toEqual([]);
      expect(await rows(`select ${COLS} from mart_service_type where city = '${A}' and year = 2027 and scheme = 'resident' order by service_type`)).toEqual([
        // S3: 8 visits, 400 / 400 / 280 / 120; share 280 / 400 = 0.70; one person-month → 280.
        { scheme: 'resident', service_type: 'home_medical_nursing', beneficiaries: 1, person_days: 0, visits: 8, hours: '0.00', total_amt: '400.00', eligible_amt: '400.00', fund_amt: '280.00', personal_amt: '120.00', fund_share: '0.7000', fund_per_beneficiary_month: '280.00', settlements: 1, reversals: 0, fund_share_target: '0.7000' },
        // S1 + S1R + S2 + S5 + S5R: days 10 − 10 + 10 + 5 − 5 = 10; total 1000 − 1000 + 1000 + 100 − 100 = 1000; eligible
        // 1000 − 1000 + 900 + 100 − 100 = 900; fund 700 − 700 + 630 + 70 − 70 = 630; personal 300 − 300 + 370 + 30 − 30 = 370;
        // share 630 / 900 = 0.70. Beneficiaries: P1 (S2); not P3, whose only settlement S5 was reversed: 1, and P1 in
        // 2027-01 is one beneficiary-month → 630 / 1 = 630.
        { scheme: 'resident', service_type: 'medical_special', beneficiaries: 1, person_days: 10, visits: 0, hours: '0.00', total_amt: '1000.00', eligible_amt: '900.00', fund_amt: '630.00', personal_amt: '370.00', fund_share: '0.7000', fund_per_beneficiary_month: '630.00', settlements: 3, reversals: 2, fund_share_target: '0.7000' },
      ]);
      // City B, `all`: T1 (employee) 20 h / 10 visits 600; T2 (resident) 5 days 300 / 200 / 200; T3 (no scheme) 2 days 40.
      expect(await rows(`select service_type, beneficiaries, person_days, visits, hours, fund_amt, fund_share from mart_service_type where city = '${B}' and scheme = 'all' order by service_type`)).toEqual([
        { service_type: 'community_day', beneficiaries: 1, person_days: 2, visits: 0, hours: '0.00', fund_amt: '40.00', fund_share: '1.0000' },
        { service_type: 'home_visit', beneficiaries: 1, person_days: 0, visits: 10, hours: '20.00', fund_amt: '600.00', fund_share: '1.0000' },
        // 200 / 200 = 1.00 (eligible excludes bed and meals: total 300).
        { service_type: 'inst_elderly', beneficiaries: 1, person_days: 5, visits: 0, hours: '0.00', fund_amt: '200.00', fund_share: '1.0000' },
      ]);
      // T3 is no scheme's: its community_day counts in `all` only.
      expect(await rows(`select scheme, service_type from mart_service_type where city = '${B}' and scheme <> 'all' order by scheme`)).toEqual([
        { scheme: 'employee', service_type: 'home_visit' },
        { scheme: 'resident', service_type: 'inst_elderly' },
      ]);
    });
  });

  it('takes the guideline from the catalog (policy_national), not from a literal', async () => {
    await buildFixture(seedAll, async ({ conn, rows }) => {
      await conn.run(`update policy_national set fund_share_target = 0.65`);
      await runModels(conn);
      expect(await rows(`select distinct fund_share_target from mart_service_type`)).toEqual([{ fund_share_target: '0.6500' }]);
    });
  });

  it('gives two beneficiary-months when one person is served in two months', async () => {
    await buildFixture(seedAll, async ({ conn, rows }) => {
      // P1 also served in 2027-03 (medical_special, fund 350): beneficiaries still 1, person-months 2 →
      // (630 + 350) / 2 = 490.
      await conn.run(`insert into raw_settlement (settlement_id, person_no, admdvs, institution_code, service_type, service_month, service_days,
        total_amt, eligible_amt, fund_amt, personal_amt, settled_date) values
        ('S4', 'P1', '370811', 'I1', 'medical_special', date '2027-03-01', 5, 500, 500, 350, 150, date '2027-03-31')`);
      await runModels(conn);
      expect(await rows(`select beneficiaries, fund_amt, fund_per_beneficiary_month from mart_service_type where city = '${A}' and scheme = 'all' and service_type = 'medical_special'`))
        .toEqual([{ beneficiaries: 1, fund_amt: '980.00', fund_per_beneficiary_month: '490.00' }]);
    });
  });
});
