// mart_assessment on the hand-made delivery of seed.ts.
import { describe, expect, it } from 'vitest';
import { buildFixture, failedTests, insert } from './fixture.ts';
import { A, B, seedAll } from './seed.ts';

const COLS = 'month, applications, concluded, approved, approval_rate, median_days_to_conclusion, reviews_overdue';

describe('mart_assessment', () => {
  it('counts applications by apply month, conclusions by conclusion month, and overdue reviews at month end', async () => {
    await buildFixture(seedAll, async ({ rows, tests }) => {
      expect(failedTests(tests)).toEqual([]);
      expect(await rows(`select ${COLS} from mart_assessment where city = '${A}' and scheme = 'resident' order by month`)).toEqual([
        // A1 applied 2026-12-01, concluded 12-20 (19 days), approved.
        { month: '2026-12-01', applications: 1, concluded: 1, approved: 1, approval_rate: '1.0000', median_days_to_conclusion: '19.0', reviews_overdue: 0 },
        // A2 and A3 applied; A2 concluded 01-20 (01-03 → 01-20 = 17 days), approved.
        { month: '2027-01-01', applications: 2, concluded: 1, approved: 1, approval_rate: '1.0000', median_days_to_conclusion: '17.0', reviews_overdue: 0 },
        // A3 concluded 02-05 (01-10 → 02-05 = 26 days), not approved.
        { month: '2027-02-01', applications: 0, concluded: 1, approved: 0, approval_rate: '0.0000', median_days_to_conclusion: '26.0', reviews_overdue: 0 },
        // P2's A2 is valid until 2027-03-31: not past at the end of March …
        { month: '2027-03-01', applications: 0, concluded: 0, approved: 0, approval_rate: null, median_days_to_conclusion: null, reviews_overdue: 0 },
        // … past at the end of April with no later assessment → 1. P1 (A1) has no valid_until and A's policy no
        // reassessment_months → never due. April is in the span because A's fund has flows then.
        { month: '2027-04-01', applications: 0, concluded: 0, approved: 0, approval_rate: null, median_days_to_conclusion: null, reviews_overdue: 1 },
      ]);
      // B: R1 applied 12-01, concluded 12-15 (14 days); reassessment after 12 months → due 2027-12-15, not overdue by 2027-02.
      expect(await rows(`select ${COLS} from mart_assessment where city = '${B}' and scheme = 'all' order by month`)).toEqual([
        { month: '2026-12-01', applications: 1, concluded: 1, approved: 1, approval_rate: '1.0000', median_days_to_conclusion: '14.0', reviews_overdue: 0 },
        { month: '2027-01-01', applications: 0, concluded: 0, approved: 0, approval_rate: null, median_days_to_conclusion: null, reviews_overdue: 0 },
        { month: '2027-02-01', applications: 0, concluded: 0, approved: 0, approval_rate: null, median_days_to_conclusion: null, reviews_overdue: 0 },
      ]);
    });
  });

  it("uses the policy's reassessment_months, and a later assessment clears the overdue review", async () => {
    const seed = async (conn: Parameters<typeof insert>[0]) => {
      await seedAll(conn);
      // B re-assesses after 1 month: R1 (concluded 2026-12-15) is due 2027-01-15.
      await conn.run(`update policy_scheme set reassessment_months = 1 where city = '${B}'`);
      // R2 re-assesses Q3: applied 2027-02-01, concluded 2027-02-10 (9 days), approved.
      await insert(conn, 'raw_assessment', [{ assessment_id: 'R2', person_no: 'Q3', admdvs: '320706', kind: 'reassessment', apply_date: '2027-02-01',
        conclusion_date: '2027-02-10', level: 5, disability_months: 26, approved: true, valid_until: null, fee_amt: '0' }]);
    };
    await buildFixture(seed, async ({ rows }) => {
      expect(await rows(`select ${COLS} from mart_assessment where city = '${B}' and scheme = 'resident' order by month`)).toEqual([
        { month: '2026-12-01', applications: 1, concluded: 1, approved: 1, approval_rate: '1.0000', median_days_to_conclusion: '14.0', reviews_overdue: 0 },
        // End of January: R1 due 01-15 < 01-31, nothing later → overdue.
        { month: '2027-01-01', applications: 0, concluded: 0, approved: 0, approval_rate: null, median_days_to_conclusion: null, reviews_overdue: 1 },
        // End of February: the latest is R2 (due 2027-03-10) → not overdue.
        { month: '2027-02-01', applications: 1, concluded: 1, approved: 1, approval_rate: '1.0000', median_days_to_conclusion: '9.0', reviews_overdue: 0 },
      ]);
    });
  });

  it('counts only persons still covered at month end (not those who left)', async () => {
    // P2's A2 is due 2027-03-31 (valid_until) and overdue at the end of April — unless P2 left:
    // coverage ending 2027-04-15 → not covered on 2027-04-30 → not overdue there.
    const seed = async (conn: Parameters<typeof insert>[0]) => {
      await seedAll(conn);
      await conn.run(`update raw_enrolment set coverage_end = '2027-04-15' where person_no = 'P2'`);
    };
    await buildFixture(seed, async ({ rows }) => {
      expect(await rows(`select month, reviews_overdue from mart_assessment where city = '${A}' and scheme = 'resident' and month >= '2027-03-01' order by month`)).toEqual([
        { month: '2027-03-01', reviews_overdue: 0 },
        { month: '2027-04-01', reviews_overdue: 0 },
      ]);
    });
  });

  it("is due at the earlier of valid_until and conclusion + the policy's months (the audit's reassessment_due)", async () => {
    // A re-assesses after 1 month: A2 concluded 2027-01-20 → due 2027-02-20, before its valid_until 2027-03-31;
    // overdue at the end of February (02-20 < 02-28), March and April.
    const seed = async (conn: Parameters<typeof insert>[0]) => {
      await seedAll(conn);
      await conn.run(`update policy_scheme set reassessment_months = 1 where city = '${A}'`);
    };
    await buildFixture(seed, async ({ rows }) => {
      expect(await rows(`select month, reviews_overdue from mart_assessment where city = '${A}' and scheme = 'resident' and month >= '2027-01-01' order by month`)).toEqual([
        // P1's A1 (concluded 2026-12-20) is due 2027-01-20 too: overdue from the end of January.
        { month: '2027-01-01', reviews_overdue: 1 },
        { month: '2027-02-01', reviews_overdue: 2 },
        { month: '2027-03-01', reviews_overdue: 2 },
        { month: '2027-04-01', reviews_overdue: 2 },
      ]);
    });
  });
});
