// mart_beneficiary_level on the hand-made delivery of seed.ts (the profile as in mart_district.test.ts).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildFixture, failedTests } from './fixture.ts';
import { A, B, seedAll } from './seed.ts';

describe('mart_beneficiary_level', () => {
  it('counts 2027 beneficiaries by disability level, each person once', async () => {
    await buildFixture(seedAll, async ({ rows, tests }) => {
      expect(failedTests(tests)).toEqual([]);
      expect(await rows(`select city, disability_level, beneficiaries from mart_beneficiary_level
          where scheme = 'all' and year = 2027 order by city, disability_level nulls last`)).toEqual([
        // B: Q3 at level 4 (R1); Q1 (employee) and X9 (unassigned) have no assessment.
        { city: B, disability_level: 4, beneficiaries: '1' },
        { city: B, disability_level: null, beneficiaries: '2' },
        // A: P2 at level 3 (A2), P1 at level 4 (A1).
        { city: A, disability_level: 3, beneficiaries: '1' },
        { city: A, disability_level: 4, beneficiaries: '1' },
      ]);
    });
  });

  it('fails its data test when the levels no longer add up to the city total', async () => {
    await buildFixture(seedAll, async ({ conn, rows }) => {
      await conn.run(`update mart_beneficiary_level set beneficiaries = 3 where city = '${B}' and scheme = 'all' and year = 2027 and disability_level is null`);
      const dataTest = readFileSync(new URL('../../sql/tests/mart_beneficiary_level__sums_to_city_comparison.sql', import.meta.url), 'utf8');
      // B 2027: 3 + 1 by level against 3 beneficiaries.
      expect(await rows(`select city, scheme, year, by_level, city_total from (${dataTest})`)).toEqual([
        { city: B, scheme: 'all', year: 2027, by_level: '4', city_total: 3 },
      ]);
    });
  });
});
