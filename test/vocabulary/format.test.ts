// Unit tests for vocabulary/format.ts and cell.ts, expectations computed by hand.
import { describe, expect, test } from 'vitest';
import { cellText, change, count, day, decimalText, month, monthTick, months, number, numericOr, percent, yuan, yuanExact, yuanTick } from '../../vocabulary/index.ts';

describe('yuan', () => {
  test('scales to 万 and 亿 with two decimals', () => {
    expect(yuan(1234567.89)).toBe('123.46万元'); // 1234567.89 / 1e4 = 123.456789 → 123.46
    expect(yuan(2.5e8)).toBe('2.50亿元');
    expect(yuan(850)).toBe('850.00元');
    expect(yuan(9999.99)).toBe('9,999.99元');
    expect(yuan(12345678.9)).toBe('1,234.57万元');
    expect(yuan(1.23456789e12)).toBe('12,345.68亿元');
    expect(yuan(10000)).toBe('1.00万元');
    expect(yuan(-1234567.89)).toBe('-123.46万元');
    expect(yuan(0)).toBe('0.00元');
  });
  test('picks the unit after rounding: 99 999 999.999 is 1.00亿, not 10000.00万', () => {
    expect(yuan(99999999.999)).toBe('1.00亿元');
    expect(yuan(9999.999)).toBe('1.00万元');
  });
  test('missing values show a dash', () => {
    expect(yuan(null)).toBe('—');
    expect(yuan(undefined)).toBe('—');
    expect(yuan(Number.NaN)).toBe('—');
  });
  test('ignores a row index passed by Inputs.table as second argument', () => {
    expect((yuan as (x: number, i: unknown) => string)(1234567.89, 7)).toBe('123.46万元');
    expect((percent as (x: number, i: unknown) => string)(0.7, 3)).toBe('70.0%');
    expect((count as (x: number, i: unknown) => string)(8532, 3)).toBe('8,532人');
  });
});

describe('other formats', () => {
  test('counts in 人 and 万人', () => {
    expect(count(12345)).toBe('1.2万人'); // 12345 / 1e4 = 1.2345 → 1.2
    expect(count(8532)).toBe('8,532人');
    expect(count(3, { unit: '笔' })).toBe('3笔');
  });
  test('percentages with one decimal', () => {
    expect(percent(0.7)).toBe('70.0%');
    expect(percent(0.12345)).toBe('12.3%');
    expect(percent(-0.05)).toBe('-5.0%');
    expect(percent(0.7, { digits: 0 })).toBe('70%');
    expect(percent(null)).toBe('—');
  });
  test('months payable, plain numbers and exact yuan', () => {
    expect(months(6.25)).toBe('6.3个月');
    expect(number(1234.5, { digits: 1 })).toBe('1,234.5');
    expect(yuanExact(1234.5)).toBe('1,234.50元');
  });
  test('months and days from ISO strings, without time zones', () => {
    expect(month('2027-01-01')).toBe('2027年1月');
    expect(month('2027-12')).toBe('2027年12月');
    expect(day('2027-01-31')).toBe('2027年1月31日');
    expect(monthTick(new Date('2027-10-01'))).toBe('2027年10月');
    expect(() => month('01/2027')).toThrow(/ISO date/);
  });
  test('exact decimals digit by digit, as the report prints them; signed changes', () => {
    expect(decimalText('1234567.8')).toBe('1,234,567.80');
    expect(decimalText('-43770')).toBe('-43,770.00');
    expect(decimalText('0.10')).toBe('0.10');
    expect(() => decimalText('1.005')).toThrow(/2 decimals/);
    expect(yuanExact(-43770)).toBe('-43,770.00元');
    expect(change(0.0534)).toBe('+5.3%');
    expect(change(-0.338)).toBe('-33.8%');
    expect(change(0)).toBe('0.0%');
    expect(change(-0.0004)).toBe('0.0%');
    expect(change(0.0004)).toBe('0.0%');
    expect(change(-0.0005)).toBe('-0.1%');
  });
  test('report and public table cells use these formatters (cellText)', () => {
    expect(cellText('1234567.8', 'money')).toBe('1,234,567.80'); // exact, from the DECIMAL string
    expect(cellText(0.253, 'change')).toBe('+25.3%');
    expect(cellText('0.7000', 'pct')).toBe('70.0%'); // a DECIMAL ratio string from the mart
    expect(cellText(103965, 'count')).toBe('103,965');
    expect(cellText('92.2', 'number')).toBe('92.20');
    expect(cellText('商业保险', 'text')).toBe('商业保险');
  });
  test('an empty cell is a dash; a word in a numeric column stays as it is', () => {
    for (const empty of [null, undefined, '']) {
      expect(cellText(empty, 'money')).toBe('—');
      expect(cellText(empty, 'text')).toBe('—');
    }
    // Suppressed counts, their derived amounts, an overdrawn fund's months payable.
    expect(cellText('<10', 'count')).toBe('<10');
    expect(cellText('*', 'money')).toBe('*');
    expect(cellText('—（已穿底）', 'number')).toBe('—（已穿底）');
    expect(cellText('-200', 'money')).toBe('-200.00');
    expect(numericOr('12345678.9', (n) => yuan(n))).toBe('1,234.57万元'); // 12345678.9 / 1e4 = 1234.56789
    expect(numericOr('—（已穿底）', (n) => months(n))).toBe('—（已穿底）');
  });
  test('axis ticks', () => {
    expect(yuanTick(3e6)).toBe('300万');
    expect(yuanTick(2.5e8)).toBe('2.5亿');
    expect(yuanTick(500)).toBe('500');
  });
});
