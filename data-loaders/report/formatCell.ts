// Cell text for the printed report. Money is formatted from its DECIMAL string, digit by digit,
// so the PDF shows exactly what the warehouse holds.
import type { Cell, ColumnKind } from './types.ts';

export const EMPTY = '—';

/** "1234567.8" → "1,234,567.80"; "-5" → "-5.00". */
export function formatMoney(value: string): string {
  const m = /^(-?)(\d+)(?:\.(\d*))?$/.exec(value.trim());
  if (!m) throw new Error(`not a decimal amount: ${JSON.stringify(value)}`);
  const [, sign, int, frac = ''] = m;
  if (frac.length > 2 && /[1-9]/.test(frac.slice(2))) throw new Error(`amount has more than 2 decimals: ${value}`);
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${grouped}.${(frac + '00').slice(0, 2)}`;
}

export function formatCell(value: Cell, kind: ColumnKind): string {
  if (value === null || value === undefined || value === '') return EMPTY;
  switch (kind) {
    case 'money':
      return formatMoney(String(value));
    case 'count':
      return Number(value).toLocaleString('en-US', { maximumFractionDigits: 0 });
    case 'pct':
      return `${(Number(value) * 100).toFixed(1)}%`;
    case 'change': {
      const v = Number(value) * 100;
      return `${v > 0 ? '+' : ''}${v.toFixed(1)}%`;
    }
    case 'number':
      return Number(value).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    default:
      return String(value);
  }
}
