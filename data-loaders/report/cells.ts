// A report cell as the PDF and the site's report pages print it: amounts in 万元 with two decimals
// (rounded from the exact yuan digit by digit), everything else by the vocabulary's cellText. The
// workbook keeps exact yuan (writeWorkbook.ts). Labels are written in yuan, “（元）”; where a
// column or a row holds amounts the page says “（万元）”.
import { cellText, numericOr, wanText } from '../../vocabulary/index.ts';
import type { Column, ColumnKind, Row } from './types.ts';
import { cellKind } from './types.ts';

export function reportCellText(value: unknown, kind: Exclude<ColumnKind, 'mixed'>): string {
  if (kind === 'amount') return numericOr(value as string | number | null, (_, text) => wanText(text));
  return cellText(value as string | number | null, kind);
}

/** “本月（元）” → “本月（万元）”. */
export const inWan = (label: string): string => label.replaceAll('（元）', '（万元）');

/** A column's header as printed: amounts in 万元 (a mixed column: when any of its cells is one). */
export function headerText(c: Column, rows: Row[] = []): string {
  const amounts = c.kind === 'amount' || (c.kind === 'mixed' && rows.some((r) => cellKind(c, r) === 'amount'));
  return amounts ? inWan(c.label) : c.label;
}

/** A row's text cell as printed: in a row whose mixed cells are amounts, its label says 万元. */
export function rowLabelText(text: string, columns: Column[], row: Row): string {
  return columns.some((c) => c.kind === 'mixed' && cellKind(c, row) === 'amount') ? inWan(text) : text;
}
