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
      // Jining pays assessment fees from the fund (jining-resident-2022.json): A's figures are the hand-computed ones;
      // its policy dates from 2022, its flows here from 2026-12: the balance starts from the opening balance L0 (1000).
      expect(await rows(`select year, income_total, expenditure_total, balance_end, months_payable, surplus_status, status_note from mart_fund_annual where city = '${A}' and scheme = 'all' order by year`)).toEqual([
        { year: 2026, income_total: '3000.00', expenditure_total: '20.00', balance_end: '3980.00', months_payable: '199.00', surplus_status: null, status_note: 'few_expenditure_months' },
        { year: 2027, income_total: '6021.50', expenditure_total: '950.60', balance_end: '9050.90', months_payable: '19.04', surplus_status: null, status_note: 'few_expenditure_months' },
      ]);
      // Lianyungang: one account (single_account) and only a resident policy in the catalog, so X9's T3 (no enrolment)
      // falls to the city's only scheme: resident 2027 = T2 200 + T3 40 = 240 out. The account holds the employee
      // fund's money since 2023 (lianyungang-resident-2026.json, fund_from): without an opening balance its balance
      // is unknown and no row is judged (期初结余未提供). The employee row, with no policy of its own, keeps its split.
      expect(await rows(`select scheme, expenditure_total, balance_end, surplus_status, status_note, status_basis, is_fund from mart_fund_annual where city = '${B}' and year = 2027 order by scheme`)).toEqual([
        { scheme: 'all', expenditure_total: '840.00', balance_end: null, surplus_status: null, status_note: 'opening_balance_missing', status_basis: 'own', is_fund: true },
        { scheme: 'employee', expenditure_total: '600.00', balance_end: '-400.00', surplus_status: null, status_note: 'opening_balance_missing', status_basis: 'account', is_fund: false },
        { scheme: 'resident', expenditure_total: '240.00', balance_end: null, surplus_status: null, status_note: 'opening_balance_missing', status_basis: 'account', is_fund: false },
      ]);
      expect(await rows(`select actual from mart_reconciliation where check_name = 'settlements with scheme from a fallback rule'`)).toEqual([{ actual: '1.00' }]);
      // 医保发〔2020〕37号: about 70 %.
      expect(await rows(`select distinct fund_share_target from mart_service_type`)).toEqual([{ fund_share_target: '0.7000' }]);
      // All 49 national pilots: the 2016 first batch of 15 cities, 20 cities of the key-contact provinces 吉林 and 山东
      // (Jining among them, its scheme from 2018, 济政办发〔2018〕33号), the 14 of 2020. Lianyungang is added as a non-national city.
      expect(await rows(`select batch, count(*)::integer as n from mart_pilot_cities where national_pilot group by batch order by batch`)).toEqual([
        { batch: '2016', n: 15 }, { batch: '2020', n: 14 }, { batch: 'key_province', n: 20 },
      ]);
      expect(await rows(`select batch, scheme_from, scheme_document from mart_pilot_cities where city = '${A}'`)).toEqual([{ batch: 'key_province', scheme_from: '2018', scheme_document: '济政办发〔2018〕33号' }]);
      expect(await rows(`select city, national_pilot, has_data from mart_pilot_cities where has_data order by city`)).toEqual([
        { city: B, national_pilot: false, has_data: true },
        { city: A, national_pilot: true, has_data: true },
      ]);
    }, { policyTables: false });
  });
});
