// The marts over the REAL policy catalog (policies/*.json via loadPolicyCatalog) instead of hand-made
// policy rows: the hand-made delivery of seed.ts, with Jining (370800) and Lianyungang (320700) as
// policies/ describes them.
import { describe, expect, it } from 'vitest';
import { loadPolicyCatalog } from '../../data-loaders/policy/index.ts';
import { buildFixture, failedTests } from './fixture.ts';
import { A, B, seedRaw } from './seed.ts';

describe('marts with the real policy catalog', () => {
  it('builds, passes every data test, and follows the catalog for fees, accounts and the guideline', async () => {
    const seed = async (conn: Parameters<typeof seedRaw>[0]) => {
      await loadPolicyCatalog(conn);
      await seedRaw(conn);
    };
    await buildFixture(seed, async ({ rows, tests }) => {
      expect(failedTests(tests, { ignore: null })).toEqual([]);
      // Jining pays assessment fees from the fund (jining-resident-2022.json): A's figures are the hand-computed ones.
      expect(await rows(`select year, income_total, expenditure_total, balance_end, surplus_status from mart_fund_annual where city = '${A}' and scheme = 'all' order by year`)).toEqual([
        { year: 2026, income_total: '3000.00', expenditure_total: '20.00', balance_end: '2980.00', surplus_status: 'excessive' },
        { year: 2027, income_total: '6021.50', expenditure_total: '950.60', balance_end: '8050.90', surplus_status: 'excessive' },
      ]);
      // Lianyungang: one account (single_account) and only a resident policy in the catalog, so X9's T3 (no enrolment)
      // falls to the city's only scheme: resident 2027 = T2 200 + T3 40 = 240 out. The account: 1240 in, 840 out,
      // end 440, M = 440 × 12 / 840 = 6.29 → reasonable, and every scheme row is judged on it.
      expect(await rows(`select scheme, expenditure_total, balance_end, surplus_status, status_basis from mart_fund_annual where city = '${B}' and year = 2027 order by scheme`)).toEqual([
        { scheme: 'all', expenditure_total: '840.00', balance_end: '440.00', surplus_status: 'reasonable', status_basis: 'scheme' },
        { scheme: 'employee', expenditure_total: '600.00', balance_end: '-400.00', surplus_status: 'reasonable', status_basis: 'all' },
        { scheme: 'resident', expenditure_total: '240.00', balance_end: '840.00', surplus_status: 'reasonable', status_basis: 'all' },
      ]);
      expect(await rows(`select actual from mart_reconciliation where check_name = 'settlements with scheme from a fallback rule'`)).toEqual([{ actual: '1.00' }]);
      // 医保发〔2020〕37号: about 70 %.
      expect(await rows(`select distinct fund_share_target from mart_service_type`)).toEqual([{ fund_share_target: '0.7000' }]);
      // All 49 national pilots listed; Jining (first batch) has data here, Lianyungang is added as a non-national city.
      expect(await rows(`select count(*)::integer as n from mart_pilot_cities where national_pilot`)).toEqual([{ n: 49 }]);
      expect(await rows(`select city, national_pilot, has_data from mart_pilot_cities where has_data order by city`)).toEqual([
        { city: B, national_pilot: false, has_data: true },
        { city: A, national_pilot: true, has_data: true },
      ]);
    }, { policyTables: false });
  });
});
