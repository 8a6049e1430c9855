// A report chart's data as CSV for the site's 下载CSV button, by the product's one CSV writer
// (vocabulary/csv.ts: UTF-8 BOM, CRLF, RFC 4180 quoting), amounts in exact yuan as the workbook keeps them.
import { toCsv } from '../../vocabulary/csv.ts';
import type { Chart } from './types.ts';

export function chartCsv(chart: Chart): string {
  return toCsv(chart.table.rows, chart.table.columns.map((c) => ({ key: c.key, label: c.label })));
}
