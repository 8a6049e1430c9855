// wanText: an exact amount in 元 as 万元 with 2 decimals, digit by digit (the public tables).
import { expect, test } from 'vitest';
import { wanText } from '../../vocabulary/format.ts';

test('元 → 万元, half away from zero, no float on the way', () => {
  // 13 231 626.22 元 = 1 323.162622 万元 → 1,323.16
  expect(wanText('13231626.22')).toBe('1,323.16');
  // 4 999.99 元 = 0.499999 万元 → 0.50; 50 元 = 0.005 万元 → 0.01 (half up); 49.99 元 → 0.00
  expect(['4999.99', '-4999.99', '50', '49.99', '-49.99'].map(wanText)).toEqual(['0.50', '-0.50', '0.01', '0.00', '0.00']);
  // beyond a float's exact digits: 123 456 789 012 345.67 元 → 12 345 678 901.23 万元 (…01.2345 67 rounds down)
  expect(wanText('123456789012345.67')).toBe('12,345,678,901.23');
  expect(() => wanText('1,000')).toThrow(/not a decimal amount/);
});
