// mart_reconciliation and the data tests in sql/tests, on the hand-made delivery of seed.ts.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runDataTests, SQL_DIR } from '../../data-loaders/models.ts';
import { AUDIT_TESTS, buildFixture, failedTests } from './fixture.ts';
import { seedAll } from './seed.ts';

describe('mart_reconciliation', () => {
  it('reconciles the marts to the raw tables to the fen and counts the anomalies the audit flags', async () => {
    await buildFixture(seedAll, async ({ rows, tests }) => {
      expect(failedTests(tests)).toEqual([]);
      const got = Object.fromEntries((await rows(`select check_name, severity, expected, actual, passed from mart_reconciliation`)).map((r) => [r.check_name, [r.severity, r.expected, r.actual, r.passed]]));
      expect(got).toEqual({
        // A: 700 − 700 + 630 + 280 = 910; B: 600 + 200 + 40 = 840; 910 + 840 = 1750.
        'settlement fund_amt = expenditure_benefits': ['error', '1750.00', '1750.00', true],
        'settlement fund_amt = mart_service_type fund_amt': ['error', '1750.00', '1750.00', true],
        // A: 3000 + 3000 + 3020 + interest 1.50 = 9021.50; B: 200 + 40 + 40 + lottery 1000 = 1280; 10301.50.
        'contributions + ledger income = income_total': ['error', '10301.50', '10301.50', true],
        'ledger operator_fee = expenditure_operator': ['error', '0.60', '0.60', true],
        'ledger other_expense = expenditure_other': ['error', '0.00', '0.00', true],
        // A ends 9050.90 (opening 1000 + net 8050.90), B ends 440 (net 440) → 9490.90.
        'closing balances = opening balances + sum of net': ['error', '9490.90', '9490.90', true],
        // L0, A's: one delivered, one used.
        'opening balances delivered': ['info', '1.00', '1.00', true],
        'funds without an opening balance': ['warn', '0.00', '0.00', true],
        'opening balances superseded by an earlier one': ['warn', '0.00', '0.00', true],
        "flows dated before their fund's opening balance": ['info', '0.00', '0.00', true],
        'files where rows read <> loaded + rejected': ['error', '0.00', '0.00', true],
        // 8 + 6 + 1 read = (7 + 1) + (6 + 0) + (1 + 0).
        'rows read = loaded + rejected (all files)': ['error', '15.00', '15.00', true],
        // Raw fees 20 + 20 + 20 + 50 = 110; A's fund pays its three (60), B's policy does not pay R1's 50.
        // Context, not a check: 110 is not 60, so it does not pass (the page shows it as 仅供参考).
        'assessment fees paid by the fund': ['info', '110.00', '60.00', false],
        'rows rejected at load': ['warn', '0.00', '1.00', false],
        'rows replaced by a later delivery': ['info', '0.00', '1.00', false],
        // T3: X9 has no enrolment; its institution J9 is not in the extract; B has two schemes → unassigned.
        'settlements without a covering enrolment': ['warn', '0.00', '1.00', false],
        'settlements with an unknown institution': ['warn', '0.00', '1.00', false],
        'settlements with scheme unassigned': ['warn', '0.00', '1.00', false],
        // …its 40.00, inside B's 合计 (`all`) and no scheme's.
        'fund paid on settlements with scheme unassigned': ['warn', '0.00', '40.00', false],
        'settlements with scheme from a fallback rule': ['info', '0.00', '0.00', true],
        'reversals whose original is missing': ['warn', '0.00', '0.00', true],
      });
    });
  });
});

describe('mart_reconciliation_summary, mart_load_summary and the units of the checks', () => {
  it('counts the checks by severity and result, and says what each figure counts', async () => {
    await buildFixture(seedAll, async ({ rows }) => {
      // 8 errors, all pass; 8 warnings, 5 of them not zero (rejected, not enrolled, unknown
      // institution, unassigned and its money); 5 notes (opening balances delivered, flows before
      // the opening, assessment fees, rows replaced, fallback scheme) — the 21 rows above.
      expect(await rows(`select * from mart_reconciliation_summary`)).toEqual([
        { checks: '21', errors: '8', errors_passed: '8', warnings: '8', warnings_flagged: '5', notes: '5' },
      ]);
      const units = Object.fromEntries((await rows(`select check_name, unit from mart_reconciliation`)).map((r) => [r.check_name, r.unit]));
      expect(units['closing balances = opening balances + sum of net']).toBe('yuan');
      expect(units['assessment fees paid by the fund']).toBe('yuan');
      expect(units['rows read = loaded + rejected (all files)']).toBe('row');
      expect(units['funds without an opening balance']).toBe('fund');
      expect(units['settlements with scheme unassigned']).toBe('settlement');
      expect(Object.values(units).filter((u) => !['yuan', 'row', 'file', 'entry', 'fund', 'settlement'].includes(String(u)))).toEqual([]);
    });
  });

  it('takes the load checks from mart_load_summary, the figures 数据质量 shows on its cards', async () => {
    await buildFixture(seedAll, async ({ rows }) => {
      // l1: 6 + 8 read, 6 + 7 loaded, 1 rejected; l2: 1 read, loaded, replacing one row.
      expect(await rows(`select * from mart_load_summary`)).toEqual([
        { loads: '2', files: '3', rows_read: '15', rows_loaded: '14', rows_rejected: '1', rows_replaced: '1', rows_unchanged: '0', unbalanced_files: '0', rejected_share: '0.06666667' },
      ]);
      const check = async (name: string) => (await rows(`select expected, actual from mart_reconciliation where check_name = '${name}'`))[0];
      expect(await check('rows rejected at load')).toEqual({ expected: '0.00', actual: '1.00' });
      expect(await check('rows read = loaded + rejected (all files)')).toEqual({ expected: '15.00', actual: '15.00' });
    });
  });
});

describe('data tests (sql/tests)', () => {
  it('fail when a mart stops adding up', async () => {
    await buildFixture(seedAll, async ({ conn }) => {
      // A lost fen in one month's balance, a raw settlement loaded after the build, a row counted twice in load_report.
      await conn.run(`update mart_fund_monthly set cumulative_balance = cumulative_balance + 0.01 where city = '370800' and scheme = 'resident' and month = '2027-02-01'`);
      await conn.run(`insert into raw_settlement (settlement_id, person_no, admdvs, institution_code, service_type, service_month, total_amt, eligible_amt, fund_amt, personal_amt, settled_date)
        values ('LATE', 'P1', '370811', 'I1', 'medical_special', date '2027-04-01', 10, 10, 7, 3, date '2027-04-30')`);
      await conn.run(`update mart_fund_monthly set income_total = income_total + 1 where city = '320700' and scheme = 'all' and month = '2027-01-01'`);
      const failed = (await runDataTests(conn)).filter((t) => t.failures > 0 && !AUDIT_TESTS.test(t.name)).map((t) => t.name).sort();
      expect(failed).toEqual([
        'mart_fund_annual__matches_monthly',
        // the items built from the month before the change no longer match it
        'mart_fund_item_monthly__matches_fund_marts',
        'mart_fund_monthly__all_is_sum_of_schemes',
        'mart_fund_monthly__cumulative_balance_continues',
        // income_total + 1 also breaks net = income_total − expenditure_total
        'mart_fund_monthly__expenditure_total_is_sum_of_kinds',
        'mart_fund_monthly__income_total_is_sum_of_sources',
        'mart_fund_monthly__reconciles_to_raw',
      ]);
    });
  });

  it('mart_fund_monthly__reconciles_to_raw: a fen more in any raw amount, or a raw fee below what the fund paid, fails it', async () => {
    const sql = readFileSync(join(SQL_DIR, 'tests', 'mart_fund_monthly__reconciles_to_raw.sql'), 'utf8').trim().replace(/;\s*$/, '');
    await buildFixture(seedAll, async ({ conn, rows }) => {
      const failing = async (change: string) => {
        await conn.run('begin transaction');
        try {
          if (change) await conn.run(change);
          return (await rows(`select city from (\n${sql}\n) order by city`)).map((r) => r.city);
        } finally {
          await conn.run('rollback');
        }
      };
      expect(await failing('')).toEqual([]);
      const enrolment = (column: string) => `update raw_enrolment set ${column} = coalesce(${column}, 0) + 0.01 where person_no = 'Q1'`;
      for (const column of ['individual_amt', 'medical_fund_amt', 'fiscal_amt', 'employer_amt', 'other_amt']) {
        expect(await failing(enrolment(column)), column).toEqual(['320700']);
      }
      // income (interest), operator fee, and a category of neither: other expenditure
      for (const entry of ['L1', 'L2']) {
        expect(await failing(`update raw_ledger set amount = amount + 0.01 where entry_id = '${entry}'`), entry).toEqual(['370800']);
      }
      // an opening balance is no flow: a fen more in L0 moves the balance, not the sums of flows
      expect(await failing(`update raw_ledger set amount = amount + 0.01 where entry_id = 'L0'`)).toEqual([]);
      expect(await failing(`update raw_ledger set category = 'other_expense' where entry_id = 'L3'`)).toEqual(['320700']);
      expect(await failing(`update raw_settlement set fund_amt = fund_amt + 0.01 where settlement_id = (select min(settlement_id) from raw_settlement where admdvs like '3708%')`)).toEqual(['370800']);
      // A's fund paid A1's 20.00 fee: a raw fee of 19.99 is less than the fund paid
      expect(await failing(`update raw_assessment set fee_amt = 19.99 where assessment_id = 'A1'`)).toEqual(['370800']);
      expect(await failing(`update raw_assessment set fee_amt = 50.01 where assessment_id = 'R1'`)).toEqual([]);
    });
  });

  it('fail on a duplicate key', async () => {
    await buildFixture(seedAll, async ({ conn }) => {
      await conn.run(`insert into mart_service_type select * from mart_service_type limit 1`);
      await conn.run(`insert into raw_ledger select * from raw_ledger limit 1`);
      const failed = (await runDataTests(conn)).filter((t) => t.failures > 0 && !AUDIT_TESTS.test(t.name)).map((t) => t.name).sort();
      expect(failed).toContain('mart_service_type__key_unique_not_null');
      expect(failed).toContain('stg_ledger__key_unique_not_null');
    });
  });
});
