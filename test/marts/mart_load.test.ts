// The data-quality marts (mart_load_file, mart_load_batch, mart_load_reject, mart_load_reject_rule)
// on the load report and rejects of seed.ts.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildFixture, failedTests } from './fixture.ts';
import { seedAll } from './seed.ts';

describe('the data-quality marts', () => {
  it('give each file, each load and each rejected line, never the line itself', async () => {
    await buildFixture(seedAll, async ({ rows, tests }) => {
      expect(failedTests(tests)).toEqual([]);
      expect(await rows(`select load_id, file, rows_read, rows_loaded, rows_rejected, rows_replaced, balanced from mart_load_file order by load_id, file`)).toEqual([
        { load_id: 'l1', file: 'enrolment.csv', rows_read: '6', rows_loaded: '6', rows_rejected: '0', rows_replaced: '0', balanced: true },
        // 8 read = 7 loaded + 1 rejected.
        { load_id: 'l1', file: 'settlement.csv', rows_read: '8', rows_loaded: '7', rows_rejected: '1', rows_replaced: '0', balanced: true },
        { load_id: 'l2', file: 'enrolment-fix.csv', rows_read: '1', rows_loaded: '1', rows_rejected: '0', rows_replaced: '1', balanced: true },
      ]);
      // l1: two files, 6 + 8 = 14 read, 6 + 7 = 13 loaded, 1 rejected; l2: the correction.
      expect(await rows(`select load_id, files, rows_read, rows_loaded, rows_rejected, rows_replaced from mart_load_batch order by load_id`)).toEqual([
        { load_id: 'l1', files: '2', rows_read: '14', rows_loaded: '13', rows_rejected: '1', rows_replaced: '0' },
        { load_id: 'l2', files: '1', rows_read: '1', rows_loaded: '1', rows_rejected: '0', rows_replaced: '1' },
      ]);
      expect(await rows(`select rule, column_name, rejects, files from mart_load_reject_rule`)).toEqual([
        { rule: 'money_format', column_name: 'fund_amt', rejects: '1', files: '1' },
      ]);
      // load_rejects.raw (the line as delivered) stays out of the marts.
      expect(await rows(`select column_name from information_schema.columns where table_name = 'mart_load_reject' order by ordinal_position`))
        .toEqual(['load_id', 'file', 'line', 'column_name', 'rule', 'message'].map((column_name) => ({ column_name })));
    });
  });

  it('fail their data test when a rejected row was counted but not kept', async () => {
    await buildFixture(seedAll, async ({ conn, rows }) => {
      await conn.run(`delete from mart_load_reject`);
      const dataTest = readFileSync(new URL('../../sql/tests/mart_load_file__rejected_lines_kept.sql', import.meta.url), 'utf8');
      expect(await rows(`select file, rows_rejected, lines_kept from (${dataTest})`)).toEqual([{ file: 'settlement.csv', rows_rejected: '1', lines_kept: '0' }]);
    });
  });
});
