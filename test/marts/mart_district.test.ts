// mart_district and mart_beneficiary_profile on the hand-made delivery of seed.ts.
import { describe, expect, it } from 'vitest';
import { buildFixture, failedTests } from './fixture.ts';
import { A, B, seedAll } from './seed.ts';

describe('mart_district', () => {
  it('breaks city A down by the district on each row', async () => {
    await buildFixture(seedAll, async ({ rows, tests }) => {
      expect(failedTests(tests)).toEqual([]);
      expect(await rows(`select admdvs, district_name, year, participants, beneficiaries, beneficiaries_per_1000, person_days, fund_amt, fund_share, contributions from mart_district where city = '${A}' and scheme = 'resident' order by admdvs, year`)).toEqual([
        // 370811: P1's 3000 paid in 2026 (cash year), P3's 3020 in 2027; P1, P3 and P4 covered in 2027; P1 served (S1, S1R, S2),
        // P3's only settlement S5 reversed (S5R): one beneficiary; days 10 − 10 + 10 + 5 − 5 = 10; fund 630 + 70 − 70 = 630.
        { admdvs: '370811', district_name: '任城区', year: 2026, participants: 0, beneficiaries: 0, beneficiaries_per_1000: null, person_days: 0, fund_amt: '0.00', fund_share: null, contributions: '3000.00' },
        { admdvs: '370811', district_name: '任城区', year: 2027, participants: 3, beneficiaries: 1, beneficiaries_per_1000: '333.33', person_days: 10, fund_amt: '630.00', fund_share: '0.7000', contributions: '3020.00' },
        // 370812: P2 covered and served (S3), 3000 contributed in 2027-01.
        { admdvs: '370812', district_name: '兖州区', year: 2027, participants: 1, beneficiaries: 1, beneficiaries_per_1000: '1000.00', person_days: 0, fund_amt: '280.00', fund_share: '0.7000', contributions: '3000.00' },
      ]);
      // B, 320703, all schemes, 2027: Q1 and Q2 covered; Q1 (T1) and X9 (T3) served; 600 + 40 = 640; Q1's 200 contributed in 2027.
      expect(await rows(`select participants, beneficiaries, fund_amt, contributions from mart_district where city = '${B}' and admdvs = '320703' and scheme = 'all' and year = 2027`))
        .toEqual([{ participants: 2, beneficiaries: 2, fund_amt: '640.00', contributions: '200.00' }]);
    });
  });
});

describe('mart_beneficiary_profile', () => {
  it('counts beneficiaries by level, age band and sex at their last service month of the year', async () => {
    await buildFixture(seedAll, async ({ rows }) => {
      expect(await rows(`select city, scheme, disability_level, age_band, sex, beneficiaries from mart_beneficiary_profile where scheme <> 'all' and year = 2027 order by city, scheme, age_band`)).toEqual([
        // Q1: served 2027-01 → reference 2027-01-31; no assessment → level null; born 1962-01-15 → 65.
        { city: B, scheme: 'employee', disability_level: null, age_band: '60-69', sex: 'male', beneficiaries: 1 },
        // Q3: reference 2027-01-31; R1 level 4; born 1936-12-31 → turned 90 on 2026-12-31 → 90+.
        { city: B, scheme: 'resident', disability_level: 4, age_band: '90+', sex: 'female', beneficiaries: 1 },
        // P2: reference 2027-02-28; A2 (2027-01-20) level 3; born 1955-03-10 → 71.
        { city: A, scheme: 'resident', disability_level: 3, age_band: '70-79', sex: 'male', beneficiaries: 1 },
        // P1: reference 2027-01-31; A1 level 4; born 1940-05-01 → 86.
        { city: A, scheme: 'resident', disability_level: 4, age_band: '80-89', sex: 'female', beneficiaries: 1 },
      ]);
      // `all` also counts X9 (no enrolment, no scheme: no assessment, age or sex known); P3, whose only settlement was reversed, is no beneficiary.
      expect(await rows(`select disability_level, age_band, sex, beneficiaries from mart_beneficiary_profile where city = '${B}' and scheme = 'all' and year = 2027 and age_band = 'unknown'`))
        .toEqual([{ disability_level: null, age_band: 'unknown', sex: 'unknown', beneficiaries: 1 }]);
      expect(await rows(`select sum(beneficiaries)::integer as n from mart_beneficiary_profile where scheme = 'all' and year = 2027`)).toEqual([{ n: 5 }]);
    });
  });
});
