// The site's CSV downloads (src/components/csv.ts), expectations written by hand.
import { describe, expect, test } from 'vitest';
import { toCsv } from '../../src/components/csv.ts';

describe('toCsv', () => {
  test('BOM, Chinese headers, raw numbers, quoting, CRLF', () => {
    const rows = [
      { month: '2027-01-01', income_total: 1234567.89, note: '含"冲销", 负数' },
      { month: '2027-02-01', income_total: -5, note: null },
    ];
    const text = toCsv(rows, [
      { key: 'month', label: '月份' },
      { key: 'income_total', label: '基金收入合计' },
      { key: (d) => d.note, label: '备注' },
    ]);
    expect(text).toBe('\uFEFF月份,基金收入合计,备注\r\n2027-01-01,1234567.89,"含""冲销"", 负数"\r\n2027-02-01,-5,\r\n');
  });
});
