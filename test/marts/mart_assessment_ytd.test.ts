// mart_assessment_ytd on the hand-made delivery of seed.ts (the monthly flow as in mart_assessment.test.ts).
import { describe, expect, it } from 'vitest';
import { buildFixture, failedTests } from './fixture.ts';
import { A, seedAll } from './seed.ts';

describe('mart_assessment_ytd', () => {
  it('sums the assessment flow from January through each month', async () => {
    await buildFixture(seedAll, async ({ rows, tests }) => {
      expect(failedTests(tests)).toEqual([]);
      expect(await rows(`select month, applications_ytd, concluded_ytd, approved_ytd, approval_rate_ytd from mart_assessment_ytd
          where city = '${A}' and scheme = 'all' and month <= date '2027-03-01' order by month`)).toEqual([
        // 2026-12: A1 applied, concluded and approved.
        { month: '2026-12-01', applications_ytd: '1', concluded_ytd: '1', approved_ytd: '1', approval_rate_ytd: '1.0000' },
        // 2027: a new year. January: A2 and A3 applied, A2 concluded and approved.
        { month: '2027-01-01', applications_ytd: '2', concluded_ytd: '1', approved_ytd: '1', approval_rate_ytd: '1.0000' },
        // February: A3 concluded, not approved → 1 of 2 = 0.5.
        { month: '2027-02-01', applications_ytd: '2', concluded_ytd: '2', approved_ytd: '1', approval_rate_ytd: '0.5000' },
        { month: '2027-03-01', applications_ytd: '2', concluded_ytd: '2', approved_ytd: '1', approval_rate_ytd: '0.5000' },
      ]);
    });
  });
});
