// mart_public_institution and mart_public_institution_district on the hand-made delivery of
// seed.ts: what the public site lists as 定点机构.
import { describe, expect, it } from 'vitest';
import { buildFixture, failedTests, insert } from './fixture.ts';
import { A, B, seedAll } from './seed.ts';

// One more institution, delivered without a district, designated until after the as-of date.
const seed = async (conn: Parameters<typeof seedAll>[0]) => {
  await seedAll(conn);
  await insert(conn, 'raw_institution', [
    { institution_code: 'J3', name: '连云港护理院', admdvs: '320700', category: 'medical', grade: 1, designated_from: '2026-10-01', designated_to: '2027-06-30', beds: 30, load_id: 'l1', source_file: 'institution.csv', source_line: 5 },
  ]);
};

describe('mart_public_institution, mart_public_institution_district', () => {
  it('lists and counts only the institutions designated on the as-of date, each once', async () => {
    await buildFixture(seed, async ({ rows, tests }) => {
      expect(failedTests(tests)).toEqual([]);
      // The as-of date is 2027-04-30 (the latest settlement or ledger date). I3 ended 2027-03-31 and
      // J3 (added above) runs to 2027-06-30: I3 is not listed, J3 is.
      expect(await rows(`select institution_code, admdvs, category, beds, strftime(as_of_date, '%Y-%m-%d') as as_of from mart_public_institution order by institution_code`)).toEqual([
        { institution_code: 'I1', admdvs: '370811', category: 'medical', beds: 20, as_of: '2027-04-30' },
        { institution_code: 'I2', admdvs: '370812', category: 'home_care', beds: null, as_of: '2027-04-30' },
        { institution_code: 'J1', admdvs: '320706', category: 'elderly_care', beds: 50, as_of: '2027-04-30' },
        { institution_code: 'J2', admdvs: '320703', category: 'home_care', beds: null, as_of: '2027-04-30' },
        { institution_code: 'J3', admdvs: '320700', category: 'medical', beds: 30, as_of: '2027-04-30' },
      ]);
      // 兖州区 home care: I2 only (mart_institution_district counts I2 and I3).
      expect(await rows(`select city, admdvs, category, institutions, beds from mart_public_institution_district order by city, admdvs, category`)).toEqual([
        { city: B, admdvs: '320700', category: 'medical', institutions: 1, beds: 30 },
        { city: B, admdvs: '320703', category: 'home_care', institutions: 1, beds: null },
        { city: B, admdvs: '320706', category: 'elderly_care', institutions: 1, beds: 50 },
        { city: A, admdvs: '370811', category: 'medical', institutions: 1, beds: 20 },
        { city: A, admdvs: '370812', category: 'home_care', institutions: 1, beds: null },
      ]);
    });
  });
});
