// mart_institution and mart_institution_district on the hand-made delivery of seed.ts.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildFixture, failedTests, insert } from './fixture.ts';
import { A, B, seedAll } from './seed.ts';

// One more institution, delivered without a district (admdvs = the city code).
const seed = async (conn: Parameters<typeof seedAll>[0]) => {
  await seedAll(conn);
  await insert(conn, 'raw_institution', [
    { institution_code: 'J3', name: '连云港护理院', admdvs: '320700', category: 'medical', grade: 1, designated_from: '2026-10-01', designated_to: '2027-06-30', beds: 30, load_id: 'l1', source_file: 'institution.csv', source_line: 5 },
  ]);
};

describe('mart_institution', () => {
  it('lists every institution with its district name, or none when the delivery gave the city code', async () => {
    await buildFixture(seed, async ({ rows, tests }) => {
      expect(failedTests(tests)).toEqual([]);
      expect(await rows(`select institution_code, institution_name, city, admdvs, district_name, is_district, category, grade, beds, designated_to from mart_institution order by institution_code`)).toEqual([
        // District names: 任城区 / 兖州区 from A's policy areas, 连云区 / 海州区 from the area reference.
        { institution_code: 'I1', institution_name: '任城医院', city: A, admdvs: '370811', district_name: '任城区', is_district: true, category: 'medical', grade: 2, beds: 20, designated_to: null },
        { institution_code: 'I2', institution_name: '兖州居家', city: A, admdvs: '370812', district_name: '兖州区', is_district: true, category: 'home_care', grade: null, beds: null, designated_to: null },
        // I3's agreement ended 2027-03-31: it stays, with its end date.
        { institution_code: 'I3', institution_name: '兖州护理站', city: A, admdvs: '370812', district_name: '兖州区', is_district: true, category: 'home_care', grade: null, beds: null, designated_to: '2027-03-31' },
        { institution_code: 'J1', institution_name: '海州养老院', city: B, admdvs: '320706', district_name: '海州区', is_district: true, category: 'elderly_care', grade: null, beds: 50, designated_to: null },
        { institution_code: 'J2', institution_name: '连云居家', city: B, admdvs: '320703', district_name: '连云区', is_district: true, category: 'home_care', grade: null, beds: null, designated_to: null },
        // The city code names the city itself: no district.
        { institution_code: 'J3', institution_name: '连云港护理院', city: B, admdvs: '320700', district_name: '连云港市', is_district: false, category: 'medical', grade: 1, beds: 30, designated_to: '2027-06-30' },
      ]);
    });
  });
});

describe('mart_institution_district', () => {
  it('counts institutions and beds by district and category', async () => {
    await buildFixture(seed, async ({ rows }) => {
      expect(await rows(`select city, admdvs, is_district, category, institutions, beds from mart_institution_district order by city, admdvs, category`)).toEqual([
        { city: B, admdvs: '320700', is_district: false, category: 'medical', institutions: 1, beds: 30 },
        { city: B, admdvs: '320703', is_district: true, category: 'home_care', institutions: 1, beds: null },
        { city: B, admdvs: '320706', is_district: true, category: 'elderly_care', institutions: 1, beds: 50 },
        { city: A, admdvs: '370811', is_district: true, category: 'medical', institutions: 1, beds: 20 },
        // I2 and I3 (designation ended: still delivered, still counted)
        { city: A, admdvs: '370812', is_district: true, category: 'home_care', institutions: 2, beds: null },
      ]);
    });
  });

  it('fails its data test when a count leaves an institution out', async () => {
    await buildFixture(seed, async ({ conn, rows }) => {
      await conn.run(`delete from mart_institution_district where admdvs = '320700'`);
      const dataTest = readFileSync(new URL('../../sql/tests/mart_institution_district__counts_every_institution.sql', import.meta.url), 'utf8');
      // B lists 3 institutions (80 beds) but counts 2 (50 beds).
      expect(await rows(`select city, listed_institutions, counted_institutions from (${dataTest})`))
        .toEqual([{ city: B, listed_institutions: '3', counted_institutions: '2' }]); // BIGINT counts arrive as strings
    });
  });
});
