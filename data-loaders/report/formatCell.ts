// Cell text for the printed report and the site's 月报 pages, by column kind, with the site's
// formatters (src/components/format.ts). Money is formatted from its DECIMAL string, digit by
// digit, so the PDF shows exactly what the warehouse holds.
import { change, DASH, decimalText, number, percent } from '../../src/components/format.ts';
import type { Cell, ColumnKind } from './types.ts';

export const EMPTY = DASH;

/** "1234567.8" → "1,234,567.80"; "-5" → "-5.00". */
export const formatMoney = decimalText;

export function formatCell(value: Cell, kind: ColumnKind): string {
  if (value === null || value === undefined || value === '') return EMPTY;
  switch (kind) {
    case 'money':
      return decimalText(String(value));
    case 'count':
      return number(Number(value));
    case 'pct':
      return percent(Number(value));
    case 'change':
      return change(Number(value));
    case 'number':
      return number(Number(value), { digits: 2 });
    default:
      return String(value);
  }
}
