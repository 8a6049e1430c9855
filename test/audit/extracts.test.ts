// The optional extracts that make the double-benefit clauses checkable (inpatient stays, work-injury
// nursing allowances) load like any other kind, with their own rules; a delivery without them loads
// as before (contract v1 stays backward compatible).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestDeliveries } from '../../data-loaders/ingest/index.ts';
import { csv, rows, tempDir, writeDelivery } from '../ingest/helpers.ts';

describe('optional extracts inpatient and work_injury', () => {
  it('load with Chinese headers, reject a discharge before the admission, and leave other kinds alone', async () => {
    const root = tempDir('ltci-audit-extracts-');
    const delivery = writeDelivery(join(root, 'd'), {
      'inpatient.csv': csv([
        ['住院编号', '人员编号', '参保地医保区划', '入院日期', '出院日期', '医疗机构编号'],
        ['H1', 'P1', '370811', '2023-03-20', '2023-04-02', 'H001'],
        ['H2', 'P2', '370811', '2023-03-20', '', ''],
        ['H3', 'P3', '370811', '2023-03-20', '2023-03-19', ''],
      ]),
      'work_injury.csv': csv([
        ['record_id', 'person_no', 'admdvs', 'allowance_from', 'allowance_to'],
        ['W1', 'P1', '320703', '2027-06-21', ''],
        ['W2', 'P2', '320703', '2027-06-21', '2027-06-20'],
      ]),
    });
    const db = join(root, 'w.duckdb');
    await ingestDeliveries(db, [delivery], { loadId: () => 'x' });
    expect(await rows(db, `select stay_id, admission_date, discharge_date from raw_inpatient order by stay_id`)).toEqual([
      { stay_id: 'H1', admission_date: '2023-03-20', discharge_date: '2023-04-02' },
      { stay_id: 'H2', admission_date: '2023-03-20', discharge_date: null },
    ]);
    expect(await rows(db, `select file, line, column_name, rule from load_rejects order by file, line`)).toEqual([
      { file: 'd/inpatient.csv', line: '4', column_name: 'discharge_date', rule: 'discharge_before_admission' },
      { file: 'd/work_injury.csv', line: '3', column_name: 'allowance_to', rule: 'allowance_to_before_from' },
    ]);
    expect(await rows(db, `select count(*) as n from raw_settlement`)).toEqual([{ n: '0' }]);
  });

  it("rejects service_days above the service month's days (31 in February), not above a fixed 31", async () => {
    const root = tempDir('ltci-audit-days-');
    const header = ['settlement_id', 'person_no', 'admdvs', 'institution_code', 'service_type', 'service_month', 'service_days',
      'total_amt', 'eligible_amt', 'fund_amt', 'personal_amt', 'settled_date'];
    const row = (id: string, month: string, n: string) => [id, 'P1', '320703', 'I1', 'inst_elderly', month, n, '1200', '1200', '1200', '0', '2027-04-05'];
    const delivery = writeDelivery(join(root, 'd'), {
      'settlement.csv': csv([header, row('S1', '2027-02', '28'), row('S2', '2027-02', '29'), row('S3', '2027-03', '31'), row('S4', '2028-02', '29')]),
    });
    const db = join(root, 'w.duckdb');
    await ingestDeliveries(db, [delivery], { loadId: () => 'x' });
    expect(await rows(db, `select settlement_id from raw_settlement order by 1`)).toEqual([{ settlement_id: 'S1' }, { settlement_id: 'S3' }, { settlement_id: 'S4' }]);
    const [reject] = await rows(db, `select line, column_name, rule, message from load_rejects`);
    expect(reject).toMatchObject({ line: '3', column_name: 'service_days', rule: 'service_days_above_month' });
    expect(String(reject.message)).toContain('服务天数超过服务月份的天数');
  });
});
