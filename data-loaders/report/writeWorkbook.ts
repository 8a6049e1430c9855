// The report as an XLSX workbook (exceljs): one sheet per section, the same paragraphs and tables
// as the PDF and each chart's data as a table, numbers as numbers, amounts in exact yuan. Money
// strings become numbers only here, cell by cell. The bytes depend on the report only (stableBytes.ts).
import { writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { reportTitle } from './renderReportHtml.ts';
import { documentDate, stableZip } from './stableBytes.ts';
import { MONTH_STATUS } from '../../vocabulary/index.ts';
import { cellKind, type Cell, type ColumnKind, type ReportData, type Section, type Table } from './types.ts';

export const NUM_FMT: Record<Exclude<ColumnKind, 'mixed' | 'text'>, string> = {
  money: '#,##0.00',
  amount: '#,##0.00',
  count: '#,##0',
  pct: '0.0%',
  change: '+0.0%;-0.0%;0.0%',
  number: '#,##0.00',
};

/** A cell's value for Excel: a number for numeric kinds, text otherwise, null for empty. */
export function excelValue(value: Cell, kind: ColumnKind): string | number | null {
  if (value === null || value === undefined || value === '') return null;
  if (kind === 'text' || kind === 'mixed') return String(value);
  const n = Number(value);
  if (!Number.isFinite(n)) throw new Error(`not a number for a ${kind} cell: ${JSON.stringify(value)}`);
  return n;
}

/** Sheet names: at most 31 characters, none of : \ / ? * [ ]. */
export function sheetName(section: Section, index: number): string {
  return `${index + 1} ${section.title}`.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31);
}

export function buildWorkbook(d: ReportData): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = `${d.publisher} · 长护险基金数据仓库`;
  wb.title = reportTitle(d);
  const date = new Date(`${documentDate(d)}T00:00:00Z`);
  wb.created = date;
  wb.modified = date;
  const headerFill: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF5' } };
  const thin: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF9AA5B1' } };
  const border: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };
  d.sections.forEach((section, si) => {
    const ws = wb.addWorksheet(sheetName(section, si), { views: [{ showGridLines: false }] });
    const widths: number[] = [];
    const widen = (c: number, text: string) => {
      const w = [...text].reduce((s, ch) => s + (/[\u2E80-\uFFEF]/.test(ch) ? 2 : 1), 0) + 2;
      widths[c] = Math.min(Math.max(widths[c] ?? 8, w), 48);
    };
    ws.addRow([`${reportTitle(d)}（${MONTH_STATUS[d.status]}）`]).font = { bold: true, size: 13 };
    ws.addRow([`${si + 1}. ${section.title}`]).font = { bold: true, size: 12, color: { argb: 'FF1F4E79' } };
    for (const p of section.lead ?? []) ws.addRow([p]).font = { size: 11 };
    for (const n of section.notes ?? []) ws.addRow([n]).font = { size: 9, color: { argb: 'FF444444' } };
    const writeTable = (t: Table, title: string) => {
      ws.addRow([]);
      ws.addRow([title]).font = { bold: true };
      const header = ws.addRow(t.columns.map((c) => c.label));
      header.eachCell((cell, col) => {
        cell.font = { bold: true };
        cell.fill = headerFill;
        cell.border = border;
        cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
        widen(col - 1, String(cell.value ?? ''));
      });
      t.rows.forEach((r, ri) => {
        const row = ws.addRow(t.columns.map((c) => excelValue(r[c.key] ?? null, cellKind(c, r))));
        t.columns.forEach((c, ci) => {
          const cell = row.getCell(ci + 1);
          const k = cellKind(c, r);
          if (k !== 'text') cell.numFmt = NUM_FMT[k];
          cell.border = border;
          if (k === 'text') widen(ci, String(cell.value ?? ''));
          else widen(ci, String(cell.value ?? '').length > 10 ? '0'.repeat(String(cell.value).length + 4) : '0'.repeat(12));
        });
        if (t.totalRows?.includes(ri)) row.font = { bold: true };
      });
      if (t.note) ws.addRow([t.note]).font = { size: 9, italic: true, color: { argb: 'FF555555' } };
    };
    for (const t of section.tables) writeTable(t, t.title);
    for (const c of section.charts ?? []) writeTable(c.table, `图：${c.title}（图表数据）`);
    widths.forEach((w, i) => { ws.getColumn(i + 1).width = w; });
  });
  return wb;
}

/** The workbook's bytes: the same report, the same bytes. */
export async function workbookBytes(d: ReportData): Promise<Buffer> {
  const buf = Buffer.from(await buildWorkbook(d).xlsx.writeBuffer());
  return stableZip(buf, documentDate(d));
}

export async function writeWorkbook(d: ReportData, path: string): Promise<void> {
  writeFileSync(path, await workbookBytes(d));
}
