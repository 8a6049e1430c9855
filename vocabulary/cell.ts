// A table cell's text by its column's kind, for the monthly report (PDF, the site's 月报 pages) and
// the public site's tables. Values arrive as the marts give them: money as exact DECIMAL strings
// (formatted digit by digit, never through a float), counts and ratios as numbers or numeric strings.
import { change, DASH, decimalText, number, percent } from './format.js';

/**
 * - `text`   a label
 * - `count`  an integer (persons, applications, settlements): "18,532"
 * - `money`  yuan, a DECIMAL string: "1,234,567.80"
 * - `pct`    a ratio (0.1234 = 12.3 %)
 * - `change` a relative change, signed (0.05 = +5.0 %)
 * - `number` a decimal figure such as months payable or days, 2 decimals
 */
export type CellKind = 'text' | 'count' | 'money' | 'pct' | 'change' | 'number';

export type CellValue = string | number | null | undefined;

const NUMERIC_TEXT = /^-?\d+(\.\d+)?$/;

/**
 * `format` for a number or a numeric string; "—" when empty; any other text as it is — a word a
 * rule put in a numeric column: "<10" or "*" for a suppressed cell, "—（累计结余穿底）" for an overdrawn
 * fund's months payable.
 */
export function numericOr(value: CellValue, format: (n: number, text: string) => string): string {
  if (value === null || value === undefined || value === '') return DASH;
  if (typeof value === 'string' && !NUMERIC_TEXT.test(value.trim())) return value;
  return format(Number(value), String(value));
}

/** A cell's text by its column's kind (see numericOr for empty cells and words). */
export function cellText(value: CellValue, kind: CellKind): string {
  if (kind === 'text') return value === null || value === undefined || value === '' ? DASH : String(value);
  return numericOr(value, (n, text) => {
    switch (kind) {
      case 'money':
        return decimalText(text);
      case 'count':
        return number(n);
      case 'pct':
        return percent(n);
      case 'change':
        return change(n);
      case 'number':
        return number(n, { digits: 2 });
    }
  });
}
