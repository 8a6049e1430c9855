// A report chart's data as CSV for the site's 下载CSV button: the dashboards' conventions (UTF-8 with
// BOM for Excel and WPS, CRLF, RFC 4180 quoting), amounts in exact yuan as the workbook keeps them.
import type { Chart } from './types.ts';

function cell(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = String(v);
  return /[",\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export function chartCsv(chart: Chart): string {
  const { columns, rows } = chart.table;
  const lines = [columns.map((c) => cell(c.label)).join(',')];
  for (const r of rows) lines.push(columns.map((c) => cell(r[c.key])).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
