// The product's one CSV writer (vocabulary/csv.ts), as the dashboards' buttons, the public open-data
// files and `ltci sql --format csv` use it. Expectations written by hand.
import { describe, expect, test } from 'vitest';
import { toCsv as sqlCsv, csvField } from '../../data-loaders/csv.ts';
import { toCsv as buttonCsv } from '../../src/components/csv.ts';
import { csvCell, toCsv } from '../../vocabulary/csv.ts';

describe('csvCell: text a spreadsheet would run as a formula is shown as text (OWASP)', () => {
  test('an institution named =HYPERLINK(…), and -1+2, + and @, get an apostrophe', () => {
    expect(csvCell('=HYPERLINK("http://example.invalid","点我")')).toBe(`"'=HYPERLINK(""http://example.invalid"",""点我"")"`);
    expect(csvCell('-1+2')).toBe("'-1+2");
    expect(csvCell('+86 护理站')).toBe("'+86 护理站");
    expect(csvCell('@SUM(A1:A9)')).toBe("'@SUM(A1:A9)");
  });

  test('a leading tab or carriage return too (the field is then quoted for the line break)', () => {
    expect(csvCell('\t=1')).toBe("'\t=1");
    expect(csvCell('\r=1')).toBe(`"'\r=1"`);
  });

  test('numbers stay numbers, as numbers or as the exact text of an amount', () => {
    expect([-5, 1234567.89, 0].map(csvCell)).toEqual(['-5', '1234567.89', '0']);
    expect(['-227476.66', '+3', '1e5', '.5'].map(csvCell)).toEqual(['-227476.66', '+3', '1e5', '.5']);
    expect(csvCell('-')).toBe("'-"); // a dash alone is no number
  });

  test('everything else as before: plain, quoted, empty', () => {
    expect(csvCell('淮安市护理院')).toBe('淮安市护理院');
    expect(csvCell('含"冲销", 负数')).toBe('"含""冲销"", 负数"');
    expect([null, undefined].map(csvCell)).toEqual(['', '']);
    expect(csvCell(new Date('2027-01-31T00:00:00Z'))).toBe('2027-01-31');
  });
});

describe('one writer for every CSV', () => {
  const rows = [{ name: '=HYPERLINK("http://example.invalid")', amount: '-1+2', beds: -5 }];

  test('the download buttons and the open-data files: BOM, headers, CRLF, neutralised', () => {
    const expected = `\uFEFF名称,金额,床位\r\n"'=HYPERLINK(""http://example.invalid"")",'-1+2,-5\r\n`;
    const columns = [{ key: 'name', label: '名称' }, { key: 'amount', label: '金额' }, { key: 'beds', label: '床位' }];
    expect(buttonCsv(rows, columns)).toBe(expected);
    expect(toCsv(rows, columns)).toBe(expected);
  });

  test('`ltci sql --format csv`: no BOM, LF, neutralised', () => {
    expect(sqlCsv(rows)).toBe(`name,amount,beds\n"'=HYPERLINK(""http://example.invalid"")",'-1+2,-5\n`);
  });

  test('a delivery file (the demo) keeps its text as written: ingest reads it back', () => {
    expect(csvField('=HYPERLINK("x")')).toBe('"=HYPERLINK(""x"")"');
    expect(csvField('-1+2')).toBe('-1+2');
  });
});
